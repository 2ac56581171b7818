import { data, Link, redirect, useLoaderData, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { useTranslation } from "../../i18n/i18n.ts";
import { callApi } from "../../lib/api.server.ts";
import { formatDateTime } from "../../lib/dates.ts";
import { assertTenantSite, requestSiteContext } from "../../lib/site-context.ts";

// /mijn-zorgen — the concerns I raised, each with its broad status only ("ontvangen", "in behandeling", "afgerond").

export const meta: MetaFunction = () => [{ title: "Mijn zorgmeldingen — Buurtplein" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { site, viewer, locale } = context.get(requestSiteContext);
  assertTenantSite(site);
  if (!viewer) throw redirect("/inloggen");
  const result = await callApi(request, (api) => api.signals.$get());
  if (!result.ok) throw data({ code: result.error?.code }, { status: result.status });
  return { signals: result.data.signals, sent: new URL(request.url).searchParams.get("gemeld") === "1", locale };
}

export default function MyConcerns() {
  const { signals, sent, locale } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <section>
      <h1>{t("care.mine.title")}</h1>
      {sent ? (
        <div className="notice" role="status">
          <h2>{t("care.raise.sentTitle")}</h2>
          <p>{t("care.raise.sentText")}</p>
        </div>
      ) : null}
      <p>{t("care.mine.intro")}</p>
      {signals.length === 0 ? (
        <p className="empty">{t("care.mine.none")}</p>
      ) : (
        <ul className="invite-list">
          {signals.map((signal) => (
            <li key={signal.id} className="card">
              <h2>{t(`care.categories.${signal.category}`)}</h2>
              <p className="post-meta">
                <span className={`badge signal-${signal.status}`}>{t(`care.broad.${signal.status}`)}</span> · {t("care.mine.raisedOn", { date: formatDateTime(signal.createdAt, locale, "medium") })}
              </p>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link className="button" to="/zorgmelding">
          {t("care.mine.raise")}
        </Link>
      </p>
    </section>
  );
}
