import { useTranslation } from "../../i18n/i18n.ts";
import { data, Link, redirect, useLoaderData, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { callApi } from "../../lib/api.server.ts";
import { assertTenantSite, requestSiteContext } from "../../lib/site-context.ts";
import { InviteLinks } from "../../components/invite-links.tsx";
import { FirstRunChecklist } from "../../components/first-run-checklist.tsx";
import { CareLinks } from "../care/care-links.tsx";

export const meta: MetaFunction = () => [{ title: "Buurten — Buurtplein" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { site, viewer } = context.get(requestSiteContext);
  assertTenantSite(site);
  if (!viewer) throw redirect("/inloggen");
  // An admin's landing page also shows the first-run checklist (one more call, for admins only).
  const [result, checklist] = await Promise.all([
    callApi(request, (api) => api.neighbourhoods.$get()),
    viewer.user.role === "admin" ? callApi(request, (api) => api.setup.checklist.$get()) : null,
  ]);
  if (!result.ok) throw data({ code: result.error?.code }, { status: result.status });
  // Partners and care partners have an account for their organisation but no neighbourhood of their own.
  const partner = viewer.user.role === "partner" || viewer.user.role === "care_partner";
  return { ...result.data, partner, role: viewer.user.role, waiting: viewer.pendingNeighbourhoods ?? [], checklist: checklist?.ok ? checklist.data.checklist : null };
}

export default function Neighbourhoods() {
  const { neighbourhoods, partner, role, waiting, checklist } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <section>
      <h1>{t("neighbourhoods.title")}</h1>
      {checklist ? <FirstRunChecklist checklist={checklist} /> : null}
      <InviteLinks />
      <CareLinks role={role} />
      {waiting.length > 0 ? (
        <p className="notice" role="status">
          {t("neighbourhoods.waiting", { names: waiting.map((neighbourhood) => neighbourhood.name).join(", ") })}
        </p>
      ) : null}
      {neighbourhoods.length === 0 ? (
        <p className="empty">{t(partner ? "neighbourhoods.emptyPartner" : "neighbourhoods.empty")}</p>
      ) : (
        <ul className="tiles">
          {neighbourhoods.map((neighbourhood) => (
            <li key={neighbourhood.slug}>
              <Link to={`/buurt/${neighbourhood.slug}`} className="tile">
                <span className="tile-title">{neighbourhood.name}</span>
                {neighbourhood.city ? <span>{neighbourhood.city}</span> : null}
                {neighbourhood.kind === "new_build" ? <span className="badge">{t("neighbourhoods.newBuild")}</span> : null}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
