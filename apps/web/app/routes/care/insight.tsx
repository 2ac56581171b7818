import { data, Link, redirect, useLoaderData, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { useTranslation } from "../../i18n/i18n.ts";
import { callApi } from "../../lib/api.server.ts";
import { assertTenantSite, requestSiteContext } from "../../lib/site-context.ts";

// /beheer/zorgmeldingen — corporation staff: counts of signals per neighbourhood, organisation and
// kind; never content; anything under five shows as "< 5".

export const meta: MetaFunction = () => [{ title: "Zorgmeldingen in cijfers — Buurtplein" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { site, viewer } = context.get(requestSiteContext);
  assertTenantSite(site);
  if (!viewer) throw redirect("/inloggen");
  const result = await callApi(request, (api) => api.insight.signals.$get());
  if (!result.ok) throw data({ code: result.error?.code }, { status: result.status });
  return result.data;
}

type Row = { total: number | string; open: number | string; done: number | string; averageHoursToAcknowledge: number | null };

function Table({ caption, rows }: { caption: string; rows: (Row & { label: string })[] }) {
  const { t } = useTranslation();
  return (
    <table className="insight-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col"></th>
          <th scope="col">{t("care.insight.total")}</th>
          <th scope="col">{t("care.insight.open")}</th>
          <th scope="col">{t("care.insight.done")}</th>
          <th scope="col">{t("care.insight.hours")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.label}>
            <th scope="row">{row.label}</th>
            <td>{row.total}</td>
            <td>{row.open}</td>
            <td>{row.done}</td>
            <td>{row.averageHoursToAcknowledge ?? t("care.insight.unknown")}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default function CareInsight() {
  const insight = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <section>
      <h1>{t("care.insight.title")}</h1>
      <p>{t("care.insight.intro", { threshold: insight.threshold })}</p>
      <Table caption={t("care.insight.total")} rows={[{ label: t("care.insight.total"), ...insight.total }]} />
      <Table caption={t("care.insight.perNeighbourhood")} rows={insight.neighbourhoods.map((row) => ({ ...row, label: row.name }))} />
      <Table caption={t("care.insight.perOrganisation")} rows={insight.organisations.map((row) => ({ ...row, label: row.name ?? t("care.insight.coordinator") }))} />
      <Table caption={t("care.insight.perCategory")} rows={insight.categories.map((row) => ({ ...row, label: t(`care.categories.${row.category as "other"}`) }))} />
      <p>
        <Link to="/beheer/zorgmeldingen/regels">{t("care.rules.title")}</Link> · <Link to="/beheer/zorgmeldingen/logboek">{t("care.audit.title")}</Link>
      </p>
    </section>
  );
}
