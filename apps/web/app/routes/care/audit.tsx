import { data, redirect, useLoaderData, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { useTranslation } from "../../i18n/i18n.ts";
import { callApi } from "../../lib/api.server.ts";
import { formatDateTime } from "../../lib/dates.ts";
import { assertTenantSite, requestSiteContext } from "../../lib/site-context.ts";

// /beheer/zorgmeldingen/logboek — the privacy officer: who viewed which signal's details, when. Never content.

export const meta: MetaFunction = () => [{ title: "Inzagelogboek zorgmeldingen — Buurtplein" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { site, viewer, locale } = context.get(requestSiteContext);
  assertTenantSite(site);
  if (!viewer) throw redirect("/inloggen");
  const result = await callApi(request, (api) => api.signals.audit.$get());
  if (!result.ok) throw data({ code: result.error?.code }, { status: result.status });
  return { entries: result.data.entries, locale };
}

export default function CareAudit() {
  const { entries, locale } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <section>
      <h1>{t("care.audit.title")}</h1>
      <p>{t("care.audit.intro")}</p>
      {entries.length === 0 ? (
        <p className="empty">{t("care.audit.none")}</p>
      ) : (
        <table className="insight-table">
          <thead>
            <tr>
              <th scope="col">{t("care.audit.when")}</th>
              <th scope="col">{t("care.audit.signal")}</th>
              <th scope="col">{t("care.audit.viewer")}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry, index) => (
              <tr key={index}>
                <td>{formatDateTime(entry.viewedAt, locale, "medium", "short")}</td>
                <td>
                  <code>{entry.signalId.slice(0, 8)}</code>
                </td>
                <td>
                  {entry.viewerName ?? entry.viewerId} ({entry.organisation ?? entry.viewerRole})
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
