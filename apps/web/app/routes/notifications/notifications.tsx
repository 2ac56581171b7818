import { data, Form, Link, redirect, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { useTranslation } from "../../i18n/i18n.ts";
import { callApi } from "../../lib/api.server.ts";
import { field, readForm } from "../../lib/forms.ts";
import { assertTenantSite, requestSiteContext } from "../../lib/site-context.ts";
import { formatDateTime } from "../../lib/dates.ts";

// /meldingen — my notifications, newest first (?voor=<cursor> for older ones); mark one or all read
// with plain forms (no JavaScript needed).

export const meta: MetaFunction = () => [{ title: "Meldingen — Buurtplein" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { site, viewer, locale } = context.get(requestSiteContext);
  assertTenantSite(site);
  if (!viewer) throw redirect("/inloggen");
  const before = new URL(request.url).searchParams.get("voor");
  const result = await callApi(request, (api) => api.notifications.$get(), { query: { before: before || undefined } });
  if (!result.ok) throw data({ code: result.error.code }, { status: result.status });
  return { ...result.data, locale, older: Boolean(before) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  if (!context.get(requestSiteContext).viewer) throw redirect("/inloggen");
  const form = await readForm(request);
  const id = field(form, "id");
  const result = await callApi(request, (api) => api.notifications.read.$post(), { json: id ? { id } : {} });
  if (!result.ok) throw data({ code: result.error.code }, { status: result.status });
  // Back to the list (post, redirect, get): the bell in the header shows the new count.
  throw redirect("/meldingen");
}

export default function Notifications() {
  const { notifications, unread, next, locale, older } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="notifications">
      <h1>{t("notifications.list.title")}</h1>
      <p>{t("notifications.list.intro")}</p>
      <p>
        <Link to="/meldingen/overzicht">{t("notifications.list.digestLink")}</Link>
      </p>
      {unread > 0 ? (
        <Form method="post">
          <button type="submit" className="button secondary">
            {t("notifications.list.markAllRead")}
          </button>
        </Form>
      ) : notifications.length > 0 ? (
        <p role="status">{t("notifications.list.allRead")}</p>
      ) : null}
      {notifications.length === 0 ? (
        <p>{t("notifications.list.empty")}</p>
      ) : (
        <ul className="notification-list">
          {notifications.map((item) => (
            <li key={item.id} className={item.read ? "card notification" : "card notification unread"}>
              <p>
                {item.read ? null : <strong className="badge">{t("notifications.list.unreadBadge")}</strong>} {item.text}
              </p>
              <p className="hint">{formatDateTime(item.createdAt, locale, "medium", "short")}</p>
              <div className="notification-actions">
                {item.url ? <Link to={item.url}>{t("notifications.list.open")}</Link> : null}
                {item.read ? null : (
                  <Form method="post">
                    <input type="hidden" name="id" value={item.id} />
                    <button type="submit" className="link-button">
                      {t("notifications.list.markRead")}
                    </button>
                  </Form>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      <nav className="pager" aria-label={t("notifications.list.title")}>
        {older ? <Link to="/meldingen">{t("notifications.list.newer")}</Link> : null}
        {next ? <Link to={`/meldingen?voor=${encodeURIComponent(next)}`}>{t("notifications.list.older")}</Link> : null}
      </nav>
    </div>
  );
}
