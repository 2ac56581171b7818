import { data, Link, useLoaderData, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { useTranslation } from "../../i18n/i18n.ts";
import { callApi } from "../../lib/api.server.ts";
import { assertTenantSite, requestSiteContext } from "../../lib/site-context.ts";

// /buurt/:slug/moderatie — the public record of a neighbourhood: how many items moderators hid in the
// last 90 days, per house rule; never names, counts of 1 to 4 as "fewer than 5" (decision 026).

export const meta: MetaFunction = () => [{ title: "Moderatie in de buurt — Buurtplein" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { site } = context.get(requestSiteContext);
  assertTenantSite(site);
  const result = await callApi(request, (api) => api.moderation.record[":slug"].$get({ param: { slug: encodeURIComponent(params.slug ?? "") } }));
  if (!result.ok) throw data({ code: result.error?.code }, { status: result.status });
  return result.data;
}

export default function NeighbourhoodRecord() {
  const record = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const show = (count: number | string) => (typeof count === "number" ? String(count) : t("moderation.record.few"));
  return (
    <div className="moderation-record">
      <p>
        <Link to={`/buurt/${encodeURIComponent(record.neighbourhood.slug)}`}>← {record.neighbourhood.name}</Link>
      </p>
      <h1>{t("moderation.record.title")}</h1>
      {record.total === 0 ? (
        <p>{t("moderation.record.none", { days: record.days })}</p>
      ) : (
        <>
          <p>{t("moderation.record.text", { days: record.days, total: show(record.total) })}</p>
          <ul>
            {record.byRule.map((row) => (
              <li key={row.houseRule ?? "none"}>
                {t("moderation.record.perRule", {
                  rule: row.houseRule ? `${t("moderation.houseRule", { number: row.houseRule })}: ${t(`invites.houseRules.rules.${row.houseRule - 1}`)}` : t("moderation.noHouseRule"),
                  amount: show(row.count),
                })}
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="hint">{t("moderation.record.note")}</p>
    </div>
  );
}
