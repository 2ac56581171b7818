import { data, Link, redirect, useLoaderData, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { useTranslation } from "../../i18n/i18n.ts";
import { callApi } from "../../lib/api.server.ts";
import { formatDateTime } from "../../lib/dates.ts";
import { assertTenantSite, requestSiteContext } from "../../lib/site-context.ts";

// /zorg — a care partner's inbox: the signals routed to their organisation (the social coordinator's:
// those routed to them or escalated). No content here; opening one is logged.

export const meta: MetaFunction = () => [{ title: "Zorgmeldingen — Buurtplein" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { site, viewer, locale } = context.get(requestSiteContext);
  assertTenantSite(site);
  if (!viewer) throw redirect("/inloggen");
  const result = await callApi(request, (api) => api.care.signals.$get());
  if (!result.ok) throw data({ code: result.error?.code }, { status: result.status });
  return { ...result.data, locale };
}

export default function CareInbox() {
  const answer = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const { signals, locale } = answer;
  const coordinator = "coordinator" in answer && answer.coordinator;
  return (
    <section>
      <h1>{t("care.inbox.title")}</h1>
      <p>{coordinator ? t("care.inbox.coordinatorIntro") : answer.organisation ? t("care.inbox.intro", { organisation: answer.organisation }) : t("care.inbox.noOrganisation")}</p>
      {signals.length === 0 ? (
        <p className="empty">{t("care.inbox.none")}</p>
      ) : (
        <ul className="invite-list">
          {signals.map((signal) => (
            <li key={signal.id} className="card">
              <h2>
                <Link to={`/zorg/signalen/${signal.id}`}>{t(`care.categories.${signal.category as "other"}`)}</Link>
              </h2>
              <p className="post-meta">
                <span className={`badge status-${signal.status}`}>{t(`care.statuses.${signal.status}`)}</span> · {signal.neighbourhood} ·{" "}
                {t(signal.about === "myself" ? "care.inbox.aboutMyself" : "care.inbox.aboutNeighbour")} · {t("care.inbox.received", { date: formatDateTime(signal.routedAt, locale, "medium", "short") })}
                {signal.escalated ? <> · <strong>{t("care.inbox.escalated")}</strong></> : null}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
