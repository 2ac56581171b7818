import { data, Form, Link, redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { useTranslation } from "../../i18n/i18n.ts";
import { callApi } from "../../lib/api.server.ts";
import { fieldErrors } from "../../lib/api-errors.ts";
import { field, readForm } from "../../lib/forms.ts";
import { requirePageViewer } from "../../lib/invite-pages.ts";
import { FormError } from "../../components/field-error.tsx";
import { SubmitButton } from "../../components/submit-button.tsx";
import { uploadedFile, viewerIsAdmin } from "./branding-pages.server.ts";
import { LogoSection } from "../../components/logo-section.tsx";
import { SponsorFields, sponsorValues } from "./sponsor-fields.tsx";

// /beheer/sponsors/:id — an admin changes a sponsor's name, link and description, and its logo.

export const meta: MetaFunction = () => [{ title: "Sponsor wijzigen — Buurtplein" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  requirePageViewer(context, viewerIsAdmin);
  const result = await callApi(request, (api) => api.sponsors[":id"].$get({ param: { id: encodeURIComponent(params.id ?? "") } }));
  if (!result.ok) throw data({ code: result.error.code }, { status: result.status });
  const notice = new URL(request.url).searchParams;
  return { sponsor: result.data.sponsor, notice: notice.has("toegevoegd") ? "added" : notice.has("opgeslagen") ? "saved" : notice.has("logo") ? "logo" : null };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  requirePageViewer(context, viewerIsAdmin);
  const id = encodeURIComponent(params.id ?? "");
  const form = await readForm(request);
  const intent = field(form, "intent");
  if (intent === "logo") {
    const file = await uploadedFile(form, "logo");
    if (!file) return data({ intent, values: null, failure: null, fields: { logo: "missing" } as Record<string, string> }, { status: 422 });
    const uploaded = await callApi(request, (api) => api.sponsors[":id"].logo.$put({ param: { id } }), { raw: file });
    if (!uploaded.ok) return data({ intent, values: null, failure: null, fields: { logo: uploaded.error.message } as Record<string, string> }, { status: uploaded.status });
    throw redirect(`/beheer/sponsors/${id}?logo=1`);
  }
  if (intent === "remove-logo") {
    const removed = await callApi(request, (api) => api.sponsors[":id"].logo.$delete({ param: { id } }));
    if (!removed.ok) return data({ intent, values: null, failure: removed.error.message, fields: {} as Record<string, string> }, { status: removed.status });
    throw redirect(`/beheer/sponsors/${id}?logo=1`);
  }
  const values = sponsorValues(form);
  const saved = await callApi(request, (api) => api.sponsors[":id"].$patch({ param: { id } }), { json: values });
  if (saved.ok) throw redirect(`/beheer/sponsors/${id}?opgeslagen=1`);
  return data({ intent: "save", values, failure: saved.error.message, fields: fieldErrors(saved.error.details) }, { status: saved.status });
}

export default function EditSponsor() {
  const { sponsor, notice } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const fields: Record<string, string> = result?.fields ?? {};
  const logoError = fields.logo === "missing" ? t("branding.logo.missing") : fields.logo;
  return (
    <div className="admin-sponsor">
      <p>
        <Link to="/beheer/sponsors">{t("branding.sponsors.back")}</Link>
      </p>
      <h1>{t("branding.sponsors.editTitle", { name: sponsor.name })}</h1>
      {notice ? (
        <p className="success" role="status">
          {notice === "added" ? t("branding.sponsors.added", { name: sponsor.name }) : notice === "logo" ? t("branding.logo.uploaded") : t("branding.sponsors.saved")}
        </p>
      ) : null}
      <section className="card" aria-labelledby="sponsor-form-title">
        <h2 id="sponsor-form-title">{sponsor.name}</h2>
        <FormError message={result?.intent === "save" ? result.failure : null} />
        <Form method="post" className="form">
          <input type="hidden" name="intent" value="save" />
          <SponsorFields values={result?.values ?? { name: sponsor.name, website: sponsor.website ?? "", description: sponsor.description ?? "" }} fields={fields} />
          <SubmitButton label={t("branding.sponsors.save")} />
        </Form>
      </section>
      <LogoSection id="sponsor-logo-title" title={t("branding.sponsors.logoTitle")} logoUrl={sponsor.logoUrl} name={sponsor.name} error={logoError} />
      <p>
        <Link to={`/beheer/sponsors/${sponsor.id}/verwijderen`} className="button danger">
          {t("branding.sponsors.removeLabel", { name: sponsor.name })}
        </Link>
      </p>
    </div>
  );
}
