import { useTranslation } from "../../i18n/i18n.ts";
import { data, Link, redirect, useLoaderData, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { callApi } from "../../lib/api.server.ts";
import { requestSiteContext } from "../../lib/site-context.ts";
import { formatDateTime } from "../../lib/dates.ts";
import { assertApexSite } from "./operator-pages.ts";
import { OperatorBar } from "../../components/operator-bar.tsx";

// /beheer/logboek on the apex — the operator audit log: who did what to which corporation, when and
// why (login, suspend, resume, retry, delete), newest first, 50 a page.

export const meta: MetaFunction = () => [{ title: "Logboek — Beheer — Buurtplein" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  assertApexSite(context.get(requestSiteContext).site);
  const me = await callApi(request, (api) => api.operator.me.$get());
  if (!me.ok) {
    if (me.status === 401) throw redirect("/beheer");
    throw data({ code: me.error.code }, { status: me.status });
  }
  const before = new URL(request.url).searchParams.get("voor") ?? undefined;
  const page = await callApi(request, (api) => api.operator.audit.$get(), { query: { before } });
  if (!page.ok) throw data({ code: page.error.code }, { status: page.status === 422 ? 404 : page.status });
  return { operator: me.data.operator, entries: page.data.entries, nextCursor: page.data.nextCursor };
}

export default function OperatorAuditLog() {
  const { operator, entries, nextCursor } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  return (
    <section>
      <OperatorBar name={operator.displayName} />
      <h1>{t("operator.audit.title")}</h1>
      {entries.length === 0 ? (
        <p className="empty">{t("operator.audit.none")}</p>
      ) : (
        <div className="table-scroll">
          <table className="members">
            <caption className="visually-hidden">{t("operator.audit.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("operator.audit.when")}</th>
                <th scope="col">{t("operator.audit.who")}</th>
                <th scope="col">{t("operator.audit.action")}</th>
                <th scope="col">{t("operator.audit.corporation")}</th>
                <th scope="col">{t("operator.audit.reason")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td>{formatDateTime(entry.createdAt, i18n.language, "medium", "short")}</td>
                  <td>{entry.operatorEmail}</td>
                  <td>{t(`operator.audit.actions.${entry.action}`, { defaultValue: entry.action })}</td>
                  <td>{entry.tenantSlug ? <Link to={`/beheer/corporaties/${encodeURIComponent(entry.tenantSlug)}`}>{entry.tenantSlug}</Link> : "–"}</td>
                  <td>{entry.reason ?? "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {nextCursor ? (
        <p>
          <Link to={`/beheer/logboek?voor=${encodeURIComponent(nextCursor)}`}>{t("operator.audit.older")}</Link>
        </p>
      ) : null}
    </section>
  );
}
