import { useTranslation } from "../../i18n/i18n.ts";
import { data, Link, redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { callApi } from "../../lib/api.server.ts";
import { fieldErrors } from "../../lib/api-errors.ts";
import { field, readForm } from "../../lib/forms.ts";
import { FormError } from "../../components/field-error.tsx";
import { NeighbourhoodForm } from "../../components/neighbourhood-form.tsx";
import { param, requireAdminPage } from "./admin-pages.ts";

// /beheer/buurten/:slug/bewerken — an admin renames or describes a neighbourhood (PATCH; the web address
// stays), and finds archiving (with its confirmation on the list) or bringing it back.

export const meta: MetaFunction<typeof loader> = ({ loaderData }) => [{ title: `${loaderData?.neighbourhood.name ?? "Buurt"} bewerken — Buurtplein` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  requireAdminPage(context);
  const result = await callApi(request, (api) => api.neighbourhoods[":slug"].$get({ param: { slug: param(params.slug) } }));
  if (!result.ok) throw data({ code: result.error.code }, { status: result.status });
  return { neighbourhood: result.data.neighbourhood, saved: new URL(request.url).searchParams.has("opgeslagen") };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  requireAdminPage(context);
  const form = await readForm(request);
  const values = { name: field(form, "name"), kind: field(form, "kind"), city: field(form, "city"), description: field(form, "description") };
  const result = await callApi(request, (api) => api.neighbourhoods[":slug"].$patch({ param: { slug: param(params.slug) } }), { json: values });
  if (result.ok) throw redirect(`/beheer/buurten/${encodeURIComponent(result.data.neighbourhood.slug)}/bewerken?opgeslagen=1`);
  return data({ values, failure: result.error.message, fields: fieldErrors(result.error.details) }, { status: result.status });
}

export default function EditNeighbourhood() {
  const { neighbourhood, saved } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <section className="card narrow-form">
      <h1>{t("neighbourhoodAdmin.form.editTitle", { name: neighbourhood.name })}</h1>
      <p className="hint">{t("neighbourhoodAdmin.form.address", { slug: neighbourhood.slug })}</p>
      {neighbourhood.archived ? <p className="notice">{t("neighbourhoodAdmin.archivedNotice")}</p> : null}
      {saved && !result ? (
        <p className="success" role="status">
          {t("neighbourhoodAdmin.saved")}
        </p>
      ) : null}
      <FormError message={result?.failure} />
      <NeighbourhoodForm
        values={result?.values ?? { name: neighbourhood.name, kind: neighbourhood.kind, city: neighbourhood.city ?? "", description: neighbourhood.description ?? "" }}
        fields={result?.fields ?? {}}
        submitLabel={t("neighbourhoodAdmin.form.submitSave")}
      />
      <p className="action-links">
        <Link to={`/beheer/buurten/${neighbourhood.slug}/complexen`}>{t("neighbourhoodAdmin.complexes.title", { name: neighbourhood.name })}</Link>
        {neighbourhood.archived ? null : (
          <Link to={`/beheer/buurten?archiveren=${neighbourhood.slug}`} aria-label={t("neighbourhoodAdmin.archiveLabel", { name: neighbourhood.name })}>
            {t("neighbourhoodAdmin.archive")}
          </Link>
        )}
        <Link to="/beheer/buurten">{t("neighbourhoodAdmin.back")}</Link>
      </p>
    </section>
  );
}
