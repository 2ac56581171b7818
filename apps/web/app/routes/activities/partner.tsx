import { data, Form, Link, redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { useTranslation } from "../../i18n/i18n.ts";
import { callApi } from "../../lib/api.server.ts";
import { field, readForm } from "../../lib/forms.ts";
import { assertTenantSite, requestSiteContext } from "../../lib/site-context.ts";
import { FormError } from "../../components/field-error.tsx";
import { formatWhen } from "./activity-format.ts";

// /partner — a local partner's workspace: their organisation's sponsored activities with review state
// (and the corporation's reason), withdraw or submit again, and the way to each one's reach.

export const meta: MetaFunction = () => [{ title: "Partnerwerkplek — Buurtplein" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { site, viewer, locale } = context.get(requestSiteContext);
  assertTenantSite(site);
  if (!viewer) throw redirect("/inloggen");
  const result = await callApi(request, (api) => api.partner.$get());
  if (!result.ok) throw data({ code: result.error?.code }, { status: result.status });
  return { ...result.data, locale };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { viewer } = context.get(requestSiteContext);
  if (!viewer) throw redirect("/inloggen");
  const form = await readForm(request);
  const id = encodeURIComponent(field(form, "id"));
  const result =
    field(form, "intent") === "submit"
      ? await callApi(request, (api) => api.partner.activities[":id"].submit.$post({ param: { id } }))
      : await callApi(request, (api) => api.partner.activities[":id"].withdraw.$post({ param: { id } }));
  if (result.ok) return { error: null };
  return data({ error: result.error?.message ?? null }, { status: result.status });
}

export default function PartnerWorkspace() {
  const { organisation, neighbourhoods, activities, locale } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="partner-workspace">
      <h1>{t("activities.partner.title")}</h1>
      <p>{t("activities.partner.intro", { organisation: organisation.name })}</p>
      <p className="hint">{t("activities.partner.serves", { neighbourhoods: neighbourhoods.map((place) => place.name).join(", ") })}</p>
      <p>
        <Link className="button" to="/partner/activiteiten/nieuw">
          {t("activities.partner.create")}
        </Link>
      </p>
      <FormError message={result?.error} />
      {activities.length === 0 ? (
        <p className="empty">{t("activities.partner.none")}</p>
      ) : (
        <ul className="invite-list">
          {activities.map((activity) => (
            <li key={activity.id} className="card">
              <h2>
                <Link to={`/activiteit/${activity.id}`}>{activity.title}</Link>
              </h2>
              <p className="post-meta">
                <span className={`badge status-${activity.status}`}>{t(`activities.partner.statuses.${activity.status}`, { defaultValue: activity.status })}</span> ·{" "}
                {formatWhen(activity.startsAt, activity.endsAt, locale)} · {activity.place}
              </p>
              {activity.status === "rejected" && activity.reviewReason ? (
                <p className="notice">
                  {t("activities.partner.reason")} {activity.reviewReason}
                </p>
              ) : null}
              <div className="button-row">
                <Link to={`/partner/activiteiten/${activity.id}`}>{t("activities.partner.reach")}</Link>
                {["draft", "submitted", "published", "rejected"].includes(activity.status) ? (
                  <Link to={`/activiteit/${activity.id}/bewerken`}>{t("activities.edit")}</Link>
                ) : null}
                {activity.status === "draft" || activity.status === "rejected" ? (
                  <Form method="post">
                    <input type="hidden" name="id" value={activity.id} />
                    <button type="submit" name="intent" value="submit" className="button secondary">
                      {t("activities.partner.submit")}
                    </button>
                  </Form>
                ) : null}
                {["draft", "submitted", "published", "rejected"].includes(activity.status) ? (
                  <Form method="post">
                    <input type="hidden" name="id" value={activity.id} />
                    <button type="submit" name="intent" value="withdraw" className="button secondary">
                      {t("activities.partner.withdraw")}
                    </button>
                  </Form>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
