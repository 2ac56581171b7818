import { useTranslation } from "../../i18n/i18n.ts";
import { data, Form, Link, redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { callApi } from "../../lib/api.server.ts";
import { fieldErrors } from "../../lib/api-errors.ts";
import { field, readForm } from "../../lib/forms.ts";
import { FormError } from "../../components/field-error.tsx";
import { ComplexFields, EMPTY_COMPLEX, complexFormValues } from "../../components/complex-fields.tsx";
import { SubmitButton } from "../../components/submit-button.tsx";
import { param, requireAdminPage } from "./admin-pages.ts";

// /beheer/buurten/:slug/complexen — an admin sees the complexes (buildings) of one neighbourhood, adds
// one by hand, and finds each one's edit page and the CSV import.

export const meta: MetaFunction<typeof loader> = ({ loaderData }) => [{ title: `Complexen ${loaderData?.neighbourhood.name ?? ""} — Buurtplein` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  requireAdminPage(context);
  const result = await callApi(request, (api) => api.neighbourhoods[":slug"].$get({ param: { slug: param(params.slug) } }));
  if (!result.ok) throw data({ code: result.error.code }, { status: result.status });
  const url = new URL(request.url);
  const added = result.data.complexes.find((complex) => complex.id === url.searchParams.get("toegevoegd")) ?? null;
  return { ...result.data, added, saved: url.searchParams.has("opgeslagen") };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  requireAdminPage(context);
  const form = await readForm(request);
  const values = complexFormValues((name) => field(form, name));
  const result = await callApi(request, (api) => api.neighbourhoods[":slug"].complexes.$post({ param: { slug: param(params.slug) } }), { json: values });
  if (result.ok) throw redirect(`/beheer/buurten/${param(params.slug)}/complexen?toegevoegd=${encodeURIComponent(result.data.complex.id)}`);
  return data({ values, failure: result.error.message, fields: fieldErrors(result.error.details) }, { status: result.status });
}

export default function NeighbourhoodComplexes() {
  const { neighbourhood, complexes, added, saved } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <section>
      <h1>{t("neighbourhoodAdmin.complexes.title", { name: neighbourhood.name })}</h1>
      <p>{t("neighbourhoodAdmin.complexes.intro")}</p>
      {neighbourhood.archived ? <p className="notice">{t("neighbourhoodAdmin.archivedNotice")}</p> : null}
      {added ? (
        <p className="success" role="status">
          {t("neighbourhoodAdmin.complexes.added", { name: added.name })}
        </p>
      ) : null}
      {saved ? (
        <p className="success" role="status">
          {t("neighbourhoodAdmin.complexes.saved")}
        </p>
      ) : null}
      {complexes.length === 0 ? (
        <p className="empty">{t("neighbourhoodAdmin.complexes.empty")}</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t("neighbourhoodAdmin.complexes.title", { name: neighbourhood.name })}>
          <table className="members">
            <thead>
              <tr>
                <th scope="col">{t("neighbourhoodAdmin.complexes.code")}</th>
                <th scope="col">{t("neighbourhoodAdmin.complexes.name")}</th>
                <th scope="col">{t("neighbourhoodAdmin.columns.street")}</th>
                <th scope="col">{t("neighbourhoodAdmin.columns.postcode")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("neighbourhoodAdmin.complexes.edit")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {complexes.map((complex) => (
                <tr key={complex.id}>
                  <td>{complex.code ?? <span className="empty">{t("neighbourhoodAdmin.complexes.noCode")}</span>}</td>
                  <td>{complex.name}</td>
                  <td>{complex.address ?? ""}</td>
                  <td>{complex.postcode ?? ""}</td>
                  <td>
                    <Link to={`/beheer/complexen/${complex.id}`} aria-label={t("neighbourhoodAdmin.complexes.editLabel", { name: complex.name })}>
                      {t("neighbourhoodAdmin.complexes.edit")}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="action-links">
        <Link to="/beheer/complexen/importeren">{t("neighbourhoodAdmin.import")}</Link>
        <Link to="/beheer/buurten">{t("neighbourhoodAdmin.back")}</Link>
      </p>
      {neighbourhood.archived ? null : (
        <section className="card narrow-form" aria-labelledby="add-complex-title">
          <h2 id="add-complex-title">{t("neighbourhoodAdmin.complexes.addTitle")}</h2>
          <FormError message={result?.failure} />
          <Form method="post" className="form">
            <ComplexFields values={result?.values ?? EMPTY_COMPLEX} fields={result?.fields ?? {}} />
            <SubmitButton label={t("neighbourhoodAdmin.complexes.add")} />
          </Form>
        </section>
      )}
    </section>
  );
}
