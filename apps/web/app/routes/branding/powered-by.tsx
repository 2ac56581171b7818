import { data, useLoaderData, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { useTranslation } from "../../i18n/i18n.ts";
import { callApi } from "../../lib/api.server.ts";
import { requireTenantSite } from "../../lib/invite-pages.ts";
import { requestSiteContext } from "../../lib/site-context.ts";

// /mogelijk-gemaakt-door — for everyone: the sponsor statement and the sponsors (name, logo, link).
// Sponsors are organisations on a page; they get no account and no data of residents.

export const meta: MetaFunction = () => [{ title: "Mogelijk gemaakt door — Buurtplein" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { site } = requireTenantSite(context.get(requestSiteContext));
  const result = await callApi(request, (api) => api.sponsors.$get());
  if (!result.ok) throw data({ code: result.error.code }, { status: result.status });
  return { sponsors: result.data.sponsors, name: site.branding.displayName, statement: site.branding.sponsorStatement };
}

export default function PoweredBy() {
  const { sponsors, name, statement } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <section>
      <h1>{t("branding.poweredBy.title")}</h1>
      {statement ? <p className="lead">{statement}</p> : null}
      <p>{t("branding.poweredBy.intro", { name })}</p>
      {sponsors.length === 0 ? (
        <p className="empty">{t("branding.poweredBy.empty")}</p>
      ) : (
        <ul className="sponsor-cards">
          {sponsors.map((sponsor) => (
            <li key={sponsor.id} className="card sponsor-card">
              {sponsor.logoUrl ? <img src={sponsor.logoUrl} alt={t("branding.logo.alt", { name: sponsor.name })} className="sponsor-card-logo" /> : null}
              <h2>{sponsor.name}</h2>
              {sponsor.description ? <p>{sponsor.description}</p> : null}
              {sponsor.website ? (
                <p>
                  <a href={sponsor.website} rel="noopener noreferrer nofollow">
                    {sponsor.website.replace(/^https?:\/\//, "").replace(/\/$/, "")}
                  </a>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
