import { useTranslation } from "../../i18n/i18n.ts";
import { Link, redirect, useLoaderData, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { requestSiteContext } from "../../lib/site-context.ts";
import { InviteCodeForm } from "../../components/invite-code-form.tsx";

export const meta: MetaFunction = () => [{ title: "Buurtplein" }];

export async function loader({ context }: LoaderFunctionArgs) {
  const { site, viewer } = context.get(requestSiteContext);
  if (site.kind === "tenant" && viewer) {
    if (viewer.user.role === "partner") throw redirect("/partner");
    const only = viewer.neighbourhoods.length === 1 ? viewer.neighbourhoods[0] : undefined;
    throw redirect(only ? `/buurt/${only.slug}` : "/buurten");
  }
  return { site };
}

export default function Home() {
  const { site } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  if (site.kind === "apex") {
    const points = t("apex.points", { returnObjects: true }) as unknown as string[];
    return (
      <section className="hero">
        <h1>{t("apex.title")}</h1>
        <p className="lead">{t("apex.lead")}</p>
        <ul className="points">
          {points.map((point) => (
            <li key={point}>{point}</li>
          ))}
        </ul>
        <Link to="/aanmelden" className="button">
          {t("apex.cta")}
        </Link>
      </section>
    );
  }
  return (
    <section className="hero">
      <h1>{t("tenant.welcomeTitle", { name: site.branding.displayName })}</h1>
      {site.branding.tagline ? <p className="lead">{site.branding.tagline}</p> : null}
      <p>{t("tenant.welcomeText")}</p>
      <Link to="/inloggen" className="button">
        {t("tenant.loginCta")}
      </Link>
      <p className="hint">{t("tenant.joinHint")}</p>
      <div className="card narrow home-code">
        <InviteCodeForm withHeading />
      </div>
    </section>
  );
}
