import { data, Form, Link, redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { useTranslation } from "../../i18n/i18n.ts";
import { callApi } from "../../lib/api.server.ts";
import { fieldErrors } from "../../lib/api-errors.ts";
import { readForm } from "../../lib/forms.ts";
import { requirePageViewer } from "../../lib/invite-pages.ts";
import { FormError } from "../../components/field-error.tsx";
import { SubmitButton } from "../../components/submit-button.tsx";
import { viewerIsAdmin } from "./branding-pages.server.ts";
import { SponsorFields, sponsorValues } from "./sponsor-fields.tsx";

// /beheer/sponsors — an admin sees the sponsors, adds one, and goes on to change or remove each.

export const meta: MetaFunction = () => [{ title: "Sponsors — Buurtplein" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  requirePageViewer(context, viewerIsAdmin);
  const result = await callApi(request, (api) => api.sponsors.$get());
  if (!result.ok) throw data({ code: result.error.code }, { status: result.status });
  const params = new URL(request.url).searchParams;
  return { sponsors: result.data.sponsors, added: params.get("toegevoegd"), removed: params.has("verwijderd") };
}

export async function action({ request, context }: ActionFunctionArgs) {
  requirePageViewer(context, viewerIsAdmin);
  const values = sponsorValues(await readForm(request));
  const created = await callApi(request, (api) => api.sponsors.$post(), { json: values });
  if (created.ok) throw redirect(`/beheer/sponsors/${created.data.sponsor.id}?toegevoegd=1`);
  return data({ values, failure: created.error.message, fields: fieldErrors(created.error.details) }, { status: created.status });
}

export default function AdminSponsors() {
  const { sponsors, removed } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="admin-sponsors">
      <p>
        <Link to="/beheer/huisstijl">{t("branding.settings.title")}</Link>
      </p>
      <h1>{t("branding.sponsors.title")}</h1>
      <p>{t("branding.sponsors.intro")}</p>
      <p className="notice">{t("branding.sponsors.noAccess")}</p>
      {removed ? (
        <p className="success" role="status">
          {t("branding.sponsors.removed")}
        </p>
      ) : null}
      {sponsors.length === 0 ? (
        <p className="empty">{t("branding.sponsors.empty")}</p>
      ) : (
        <ul className="sponsor-list">
          {sponsors.map((sponsor) => (
            <li key={sponsor.id} className="sponsor-row">
              {sponsor.logoUrl ? <img src={sponsor.logoUrl} alt="" className="sponsor-logo" /> : null}
              <span className="sponsor-name">{sponsor.name}</span>
              <span className="action-links">
                <Link to={`/beheer/sponsors/${sponsor.id}`} aria-label={t("branding.sponsors.editLabel", { name: sponsor.name })}>
                  {t("branding.sponsors.edit")}
                </Link>
                <Link to={`/beheer/sponsors/${sponsor.id}/verwijderen`} aria-label={t("branding.sponsors.removeLabel", { name: sponsor.name })}>
                  {t("branding.sponsors.remove")}
                </Link>
              </span>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to="/mogelijk-gemaakt-door">{t("branding.sponsors.publicPage")}</Link>
      </p>
      <section className="card" aria-labelledby="add-sponsor-title">
        <h2 id="add-sponsor-title">{t("branding.sponsors.addTitle")}</h2>
        <FormError message={result?.failure} />
        <Form method="post" className="form">
          <SponsorFields values={result?.values ?? null} fields={result?.fields ?? {}} />
          <SubmitButton label={t("branding.sponsors.add")} />
        </Form>
      </section>
    </div>
  );
}
