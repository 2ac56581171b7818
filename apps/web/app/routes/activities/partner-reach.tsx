import { data, Link, redirect, useLoaderData, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { useTranslation } from "../../i18n/i18n.ts";
import { callApi } from "../../lib/api.server.ts";
import { assertTenantSite, requestSiteContext } from "../../lib/site-context.ts";

// /partner/activiteiten/:id — reach of one sponsored activity, per neighbourhood and in total. Counts
// only; fewer than five people is "< 5". For the partner and for staff.

export const meta: MetaFunction = () => [{ title: "Bereik — Buurtplein" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { site, viewer } = context.get(requestSiteContext);
  assertTenantSite(site);
  if (!viewer) throw redirect("/inloggen");
  const id = encodeURIComponent(params.id ?? "");
  const result = await callApi(request, (api) => api.partner.activities[":id"].reach.$get({ param: { id } }));
  if (!result.ok) throw data({ code: result.error?.code }, { status: result.status });
  return { ...result.data, partner: viewer.user.role === "partner" };
}

export default function Reach() {
  const { activity, reach, partner } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const columns = [
    ["shown", t("activities.partner.shown")],
    ["views", t("activities.partner.views")],
    ["going", t("activities.going")],
    ["maybe", t("activities.maybe")],
    ["waitlisted", t("activities.partner.waitlisted")],
  ] as const;
  return (
    <div>
      <p>
        <Link to={partner ? "/partner" : "/beheer/activiteiten"}>← {partner ? t("activities.partner.title") : t("activities.review.title")}</Link>
      </p>
      <h1>{t("activities.partner.reachTitle", { title: activity.title })}</h1>
      <p>{t("activities.partner.reachIntro")}</p>
      <div className="table-scroll">
        <table className="reach-table">
          <thead>
            <tr>
              <th scope="col">{t("activities.partner.neighbourhood")}</th>
              {columns.map(([key, label]) => (
                <th key={key} scope="col">
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {reach.neighbourhoods.map((row) => (
              <tr key={row.slug}>
                <th scope="row">{row.name}</th>
                {columns.map(([key]) => (
                  <td key={key}>{row[key]}</td>
                ))}
              </tr>
            ))}
            <tr className="total">
              <th scope="row">{t("activities.partner.total")}</th>
              {columns.map(([key]) => (
                <td key={key}>{reach[key]}</td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
      <p>
        <a href={`/api/partner/activities/${activity.id}/reach.csv`} download>
          {t("activities.partner.downloadCsv")}
        </a>
      </p>
    </div>
  );
}
