import { useTranslation } from "../../i18n/i18n.ts";
import {
  data,
  Form,
  Link,
  redirect,
  useActionData,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "react-router";
import { callApi } from "../../lib/api.server.ts";
import { MEMBER_ID } from "../../lib/api-types.ts";
import { fieldErrors } from "../../lib/api-errors.ts";
import { field, readForm } from "../../lib/forms.ts";
import { requirePageViewer } from "../../lib/invite-pages.ts";
import { viewerIsAdmin } from "../../lib/staff-pages.ts";
import { FormError } from "../../components/field-error.tsx";
import { uploadedFile } from "../branding/branding-pages.server.ts";
import { SubmitButton } from "../../components/submit-button.tsx";
import { LogoSection } from "../../components/logo-section.tsx";
import { OrganisationFields, organisationInput } from "../../components/staff-fields.tsx";

// /beheer/organisaties/:id — an admin changes a partner or care organisation: name, kind (not while
// accounts belong to it), description, website and the neighbourhoods it serves.

export const meta: MetaFunction = () => [{ title: "Organisatie wijzigen — Buurtplein" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  requirePageViewer(context, viewerIsAdmin);
  const id = encodeURIComponent(params.id ?? "");
  const [found, neighbourhoods] = await Promise.all([
    callApi(request, (api) => api.organisations[MEMBER_ID].$get({ param: { id } })),
    callApi(request, (api) => api.neighbourhoods.$get()),
  ]);
  if (!found.ok) throw data({ code: found.error.code }, { status: found.status });
  if (!neighbourhoods.ok) throw data({ code: neighbourhoods.error.code }, { status: neighbourhoods.status });
  return { ...found.data, neighbourhoods: neighbourhoods.data.neighbourhoods };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  requirePageViewer(context, viewerIsAdmin);
  const id = encodeURIComponent(params.id ?? "");
  const form = await readForm(request);
  const intent = field(form, "intent");
  if (intent === "logo") {
    const file = await uploadedFile(form, "logo");
    if (!file) return data({ values: null, failure: null, fields: { logo: "missing" } as Record<string, string> }, { status: 422 });
    const uploaded = await callApi(request, (api) => api.organisations[MEMBER_ID].logo.$put({ param: { id } }), { raw: file });
    if (!uploaded.ok) return data({ values: null, failure: null, fields: { logo: uploaded.error.message } as Record<string, string> }, { status: uploaded.status });
    throw redirect(`/beheer/organisaties/${id}`);
  }
  if (intent === "remove-logo") {
    const removed = await callApi(request, (api) => api.organisations[MEMBER_ID].logo.$delete({ param: { id } }));
    if (!removed.ok) return data({ values: null, failure: removed.error.message, fields: {} as Record<string, string> }, { status: removed.status });
    throw redirect(`/beheer/organisaties/${id}`);
  }
  const values = organisationInput(form);
  const { kind, ...rest } = values;
  // A locked kind is not sent by the browser (its other choice is disabled): then it does not change.
  const result = await callApi(request, (api) => api.organisations[MEMBER_ID].$patch({ param: { id } }), { json: kind ? values : rest });
  if (result.ok) throw redirect("/beheer/organisaties?opgeslagen=1");
  return data({ values, failure: result.error.message, fields: fieldErrors(result.error.details) }, { status: result.status });
}

export default function EditOrganisation() {
  const { organisation, people, neighbourhoods } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const logoFields = result?.fields ?? {};
  const logoError = logoFields.logo === "missing" ? t("branding.logo.missing") : logoFields.logo;
  const current = {
    name: organisation.name,
    kind: organisation.kind,
    description: organisation.description ?? "",
    website: organisation.website ?? "",
    neighbourhoods: organisation.neighbourhoods.map((item) => item.slug),
  };
  return (
    <section className="card narrow">
      <h1>{t("staff.organisations.editTitle", { name: organisation.name })}</h1>
      <FormError message={result?.failure} />
      <Form method="post" className="form">
        <input type="hidden" name="intent" value="save" />
        <OrganisationFields values={result?.values ?? current} neighbourhoods={neighbourhoods} fields={result?.fields ?? {}} kindLocked={people.length > 0} />
        <SubmitButton label={t("staff.organisations.save")} />
      </Form>
      <LogoSection id="organisation-logo-title" title={t("branding.sponsors.logoTitle")} logoUrl={organisation.logoUrl} name={organisation.name} error={logoError} />
      {people.length > 0 ? (
        <>
          <h2>{t("staff.organisations.people")}</h2>
          <ul>
            {people.map((person) => (
              <li key={person.id}>
                <Link to={`/beheer/medewerkers/${person.id}`}>{person.displayName}</Link> · {t(`access.members.roles.${person.role}`, { defaultValue: person.role })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p>
        <Link to="/beheer/organisaties">{t("staff.organisations.back")}</Link>
      </p>
    </section>
  );
}
