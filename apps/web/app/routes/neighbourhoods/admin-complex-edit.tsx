import { useTranslation } from "../../i18n/i18n.ts";
import { data, Form, Link, redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { callApi } from "../../lib/api.server.ts";
import { fieldErrors } from "../../lib/api-errors.ts";
import { field, fieldAria, readForm } from "../../lib/forms.ts";
import { FieldError, FormError } from "../../components/field-error.tsx";
import { ComplexFields, complexFormValues } from "../../components/complex-fields.tsx";
import { SubmitButton } from "../../components/submit-button.tsx";
import { param, requireAdminPage } from "./admin-pages.ts";

// /beheer/complexen/:id — an admin changes a complex, or moves it to another neighbourhood.

export const meta: MetaFunction<typeof loader> = ({ loaderData }) => [{ title: `${loaderData?.complex.name ?? "Complex"} — Buurtplein` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  requireAdminPage(context);
  const [result, neighbourhoods] = await Promise.all([
    callApi(request, (api) => api.complexes[":id"].$get({ param: { id: param(params.id) } })),
    callApi(request, (api) => api.neighbourhoods.$get()),
  ]);
  if (!result.ok) throw data({ code: result.error.code }, { status: result.status });
  if (!neighbourhoods.ok) throw data({ code: neighbourhoods.error.code }, { status: neighbourhoods.status });
  return { complex: result.data.complex, neighbourhoods: neighbourhoods.data.neighbourhoods };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  requireAdminPage(context);
  const form = await readForm(request);
  const values = { ...complexFormValues((name) => field(form, name)), neighbourhood: field(form, "neighbourhood") };
  const result = await callApi(request, (api) => api.complexes[":id"].$patch({ param: { id: param(params.id) } }), { json: values });
  if (result.ok) throw redirect(`/beheer/buurten/${encodeURIComponent(result.data.complex.neighbourhood.slug)}/complexen?opgeslagen=1`);
  return data({ values, failure: result.error.message, fields: fieldErrors(result.error.details) }, { status: result.status });
}

export default function EditComplex() {
  const { complex, neighbourhoods } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const fields = result?.fields ?? {};
  const values = result?.values ?? {
    code: complex.code ?? "",
    name: complex.name,
    street: complex.street ?? "",
    houseNumbers: complex.houseNumbers ?? "",
    postcode: complex.postcode ?? "",
    neighbourhood: complex.neighbourhood.slug,
  };
  // The current neighbourhood stays choosable even when archived (then it is not in the list).
  const choices = neighbourhoods.some((neighbourhood) => neighbourhood.slug === complex.neighbourhood.slug) ? neighbourhoods : [complex.neighbourhood, ...neighbourhoods];
  return (
    <section className="card narrow-form">
      <h1>{t("neighbourhoodAdmin.complexes.editTitle", { name: complex.name })}</h1>
      <FormError message={result?.failure} />
      <Form method="post" className="form">
        <ComplexFields values={values} fields={fields} />
        <label htmlFor="neighbourhood">{t("neighbourhoodAdmin.complexes.neighbourhood")}</label>
        <select id="neighbourhood" name="neighbourhood" defaultValue={values.neighbourhood} {...fieldAria(fields, "neighbourhood")}>
          {choices.map((neighbourhood) => (
            <option key={neighbourhood.slug} value={neighbourhood.slug}>
              {neighbourhood.name}
            </option>
          ))}
        </select>
        <FieldError id="neighbourhood-error" message={fields.neighbourhood} />
        <SubmitButton label={t("neighbourhoodAdmin.complexes.save")} />
      </Form>
      <p>
        <Link to={`/beheer/buurten/${complex.neighbourhood.slug}/complexen`}>{t("neighbourhoodAdmin.complexes.back", { name: complex.neighbourhood.name })}</Link>
      </p>
    </section>
  );
}
