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
import { FormError } from "../../components/field-error.tsx";
import { SubmitButton } from "../../components/submit-button.tsx";
import { StaffRoleFields, staffRoleInput } from "../../components/staff-fields.tsx";
import { viewerIsAdmin } from "../../lib/staff-pages.ts";

// /beheer/medewerkers/:id — an admin gives a staff member another role (and organisation), or sends
// the invitation e-mail again.

export const meta: MetaFunction = () => [{ title: "Rol wijzigen — Buurtplein" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  requirePageViewer(context, viewerIsAdmin);
  const id = encodeURIComponent(params.id ?? "");
  const [person, organisations] = await Promise.all([
    callApi(request, (api) => api.staff[MEMBER_ID].$get({ param: { id } })),
    callApi(request, (api) => api.organisations.$get()),
  ]);
  if (!person.ok) throw data({ code: person.error.code }, { status: person.status });
  if (!organisations.ok) throw data({ code: organisations.error.code }, { status: organisations.status });
  return { person: person.data.staff, organisations: organisations.data.organisations, resent: new URL(request.url).searchParams.has("opnieuw") };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  requirePageViewer(context, viewerIsAdmin);
  const id = encodeURIComponent(params.id ?? "");
  const form = await readForm(request);
  if (field(form, "intent") === "resend") {
    const result = await callApi(request, (api) => api.staff[MEMBER_ID].invitation.$post({ param: { id } }));
    if (result.ok) throw redirect(`/beheer/medewerkers/${id}?opnieuw=1`);
    return data({ values: null, failure: result.error.message, fields: {} as Record<string, string> }, { status: result.status });
  }
  const values = { role: field(form, "role"), organisationId: field(form, "organisationId") };
  const result = await callApi(request, (api) => api.staff[MEMBER_ID].$patch({ param: { id } }), { json: staffRoleInput(values.role, values.organisationId) });
  if (result.ok) throw redirect("/beheer/medewerkers?gewijzigd=1");
  return data({ values, failure: result.error.message, fields: fieldErrors(result.error.details) }, { status: result.status });
}

export default function EditStaff() {
  const { person, organisations, resent } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const values = result?.values;
  return (
    <section className="card narrow">
      <h1>{t("staff.edit.title", { name: person.displayName })}</h1>
      <p>
        {t("staff.edit.current")}: {t(`access.members.roles.${person.role}`)}
        {person.organisation ? ` · ${person.organisation.name}` : ""}
      </p>
      {resent ? (
        <p className="success" role="status">
          {t("staff.list.resent")}
        </p>
      ) : null}
      <p>{t("staff.edit.intro")}</p>
      <FormError message={result?.failure} />
      <Form method="post" className="form">
        <input type="hidden" name="intent" value="role" />
        <StaffRoleFields role={values?.role ?? person.role} organisationId={values ? values.organisationId : person.organisation?.id} organisations={organisations} fields={result?.fields ?? {}} />
        <SubmitButton label={t("staff.edit.save")} />
      </Form>

      <h2>{t("staff.edit.resendTitle")}</h2>
      <p>{t("staff.edit.resendText")}</p>
      <Form method="post">
        <input type="hidden" name="intent" value="resend" />
        <button type="submit" className="button secondary">
          {t("staff.edit.resend")}
        </button>
      </Form>
      <p>
        <Link to="/beheer/medewerkers">{t("staff.edit.back")}</Link>
      </p>
    </section>
  );
}
