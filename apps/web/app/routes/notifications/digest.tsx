import { data, Link, redirect, useLoaderData, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { useTranslation } from "../../i18n/i18n.ts";
import { callApi } from "../../lib/api.server.ts";
import { assertTenantSite, requestSiteContext } from "../../lib/site-context.ts";
import { formatDateTime } from "../../lib/dates.ts";

// /meldingen/overzicht — the digest as a page: what the e-mail shows (and the rest), for every member,
// also those without e-mail. News of my own neighbourhoods since my last digest, and their activities
// of the coming week.

export const meta: MetaFunction = () => [{ title: "Overzicht van je buurt — Buurtplein" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { site, viewer, locale } = context.get(requestSiteContext);
  assertTenantSite(site);
  if (!viewer) throw redirect("/inloggen");
  const result = await callApi(request, (api) => api.notifications.digest.$get());
  if (!result.ok) throw data({ code: result.error.code }, { status: result.status });
  return { ...result.data, locale, now: Date.now() };
}

const KIND_KEYS = ["help_request", "lost_found", "announcement", "question", "offer", "idea", "message"] as const;

export default function DigestPage() {
  const { digest, locale, now } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const kindLabel = (kind: string) => t(`notifications.digest.kinds.${(KIND_KEYS as readonly string[]).includes(kind) ? kind : "message"}`);
  return (
    <div className="digest">
      <h1>{t("notifications.digest.pageTitle")}</h1>
      {!digest ? (
        <p>{t("notifications.digest.nothing", { since: formatDateTime(now - 24 * 60 * 60 * 1000, locale, "medium", "short") })}</p>
      ) : (
        <>
          <p>{t("notifications.digest.intro", { since: formatDateTime(digest.since, locale, "medium", "short") })}</p>
          {digest.groups.map((group) => (
            <section key={group.neighbourhood.id} className="card" aria-labelledby={`digest-${group.neighbourhood.slug}`}>
              <h2 id={`digest-${group.neighbourhood.slug}`}>{group.neighbourhood.name}</h2>
              {group.kinds.map((kind) => (
                <div key={kind.kind}>
                  <h3>{kindLabel(kind.kind)}</h3>
                  <ul>
                    {kind.items.map((item) => (
                      <li key={item.id}>
                        <strong>{item.title ?? item.excerpt}</strong>
                        {item.authorName ? ` (${t("notifications.digest.by", { name: item.authorName })})` : null}
                        {item.title ? <p>{item.excerpt}</p> : null}
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
              <p>
                <Link to={`/buurt/${group.neighbourhood.slug}`}>{t("notifications.digest.readOn")}</Link>
              </p>
            </section>
          ))}
          {digest.activities.length > 0 ? (
            <section className="card" aria-labelledby="digest-activities">
              <h2 id="digest-activities">{t("notifications.digest.activities")}</h2>
              <ul>
                {digest.activities.map((activity) => (
                  <li key={activity.id}>
                    <Link to={`/activiteit/${activity.id}`}>
                      <strong>{activity.title}</strong>
                    </Link>
                    <br />
                    {formatDateTime(activity.startsAt, locale, "medium", "short")}, {t("notifications.digest.activityWhere", { place: activity.place })}
                    {activity.sponsorName ? (
                      <>
                        <br />
                        <small>{t("activities.sponsoredBy", { name: activity.sponsorName })}</small>
                      </>
                    ) : null}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </>
      )}
      <p>
        <Link to="/account#meldingen">{t("notifications.digest.settings")}</Link>
      </p>
    </div>
  );
}
