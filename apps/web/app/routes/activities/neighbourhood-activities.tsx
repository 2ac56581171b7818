import { data, Link, redirect, useLoaderData, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { useTranslation } from "../../i18n/i18n.ts";
import { callApi } from "../../lib/api.server.ts";
import { assertTenantSite, requestSiteContext } from "../../lib/site-context.ts";
import { ActivityItem } from "./activity-item.tsx";

// /buurt/:slug/activiteiten — a neighbourhood's activities: upcoming first (soonest on top), past ones below.

export const meta: MetaFunction<typeof loader> = ({ loaderData }) => [{ title: `${loaderData?.neighbourhood.name ?? ""} — Buurtplein` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { site, viewer, locale } = context.get(requestSiteContext);
  assertTenantSite(site);
  if (!viewer) throw redirect("/inloggen");
  const slug = encodeURIComponent(params.slug ?? "");
  const result = await callApi(request, (api) => api.neighbourhoods[":slug"].activities.$get({ param: { slug } }));
  if (!result.ok) throw data({ code: result.error?.code }, { status: result.status });
  return { ...result.data, locale };
}

export default function NeighbourhoodActivities() {
  const { neighbourhood, activities, past, canCreate, locale } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="activities-page">
      <p>
        <Link to={`/buurt/${neighbourhood.slug}`}>← {t("activities.backToFeed")}</Link>
      </p>
      <h1>{t("activities.listTitle", { neighbourhood: neighbourhood.name })}</h1>
      <div className="button-row">
        {canCreate ? (
          <Link className="button" to={`/buurt/${neighbourhood.slug}/activiteiten/nieuw`}>
            {t("activities.create")}
          </Link>
        ) : null}
        <Link to="/agenda">{t("activities.subscribeLink")}</Link>
      </div>
      <section aria-labelledby="upcoming-title">
        <h2 id="upcoming-title">{t("activities.upcoming")}</h2>
        {activities.length === 0 ? (
          <p className="empty">{t("activities.noUpcoming")}</p>
        ) : (
          <ol className="activity-list">
            {activities.map((activity) => (
              <li key={activity.id}>
                <ActivityItem activity={activity} locale={locale} />
              </li>
            ))}
          </ol>
        )}
      </section>
      <section aria-labelledby="past-title">
        <h2 id="past-title">{t("activities.past")}</h2>
        {past.length === 0 ? (
          <p className="empty">{t("activities.noPast")}</p>
        ) : (
          <ol className="activity-list past">
            {past.map((activity) => (
              <li key={activity.id}>
                <ActivityItem activity={activity} locale={locale} />
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
