import { useTranslation } from "../../i18n/i18n.ts";
import { data, Link, redirect, useActionData, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { callApi } from "../../lib/api.server.ts";
import { fieldErrors } from "../../lib/api-errors.ts";
import { field, readForm } from "../../lib/forms.ts";
import { FormError } from "../../components/field-error.tsx";
import { NeighbourhoodForm } from "../../components/neighbourhood-form.tsx";
import { requireAdminPage } from "./admin-pages.ts";

// /beheer/buurten/nieuw — an admin creates a neighbourhood (POST /api/neighbourhoods); back to the list.

export const meta: MetaFunction = () => [{ title: "Nieuwe buurt — Buurtplein" }];

export async function loader({ context }: LoaderFunctionArgs) {
  requireAdminPage(context);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  requireAdminPage(context);
  const form = await readForm(request);
  const values = { name: field(form, "name"), kind: field(form, "kind"), city: field(form, "city"), description: field(form, "description") };
  const result = await callApi(request, (api) => api.neighbourhoods.$post(), { json: values });
  if (result.ok) throw redirect(`/beheer/buurten?aangemaakt=${encodeURIComponent(result.data.neighbourhood.slug)}`);
  return data({ values, failure: result.error.message, fields: fieldErrors(result.error.details) }, { status: result.status });
}

export default function NewNeighbourhood() {
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <section className="card narrow-form">
      <h1>{t("neighbourhoodAdmin.form.createTitle")}</h1>
      <FormError message={result?.failure} />
      <NeighbourhoodForm
        values={result?.values ?? { name: "", kind: "existing", city: "", description: "" }}
        fields={result?.fields ?? {}}
        submitLabel={t("neighbourhoodAdmin.form.submitCreate")}
      />
      <p>
        <Link to="/beheer/buurten">{t("neighbourhoodAdmin.back")}</Link>
      </p>
    </section>
  );
}
