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
import { field, fieldAria, readForm } from "../../lib/forms.ts";
import { requirePageViewer } from "../../lib/invite-pages.ts";
import { viewerIsAdmin } from "../../lib/staff-pages.ts";
import { FieldError, FormError } from "../../components/field-error.tsx";
import { SubmitButton } from "../../components/submit-button.tsx";
import { STAFF_ROLES, StaffRoleFields, staffRoleInput } from "../../components/staff-fields.tsx";

// /beheer/medewerkers — admins: who has which role (admins, moderators, partners and care partners
// with their organisation, ambassadors), inviting a new staff member by e-mail, and removing one with
// a confirmation step (?weghalen=<id>) that works without JavaScript.

export const meta: MetaFunction = () => [{ title: "Medewerkers — Buurtplein" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  requirePageViewer(context, viewerIsAdmin);
  const [list, organisations] = await Promise.all([callApi(request, (api) => api.staff.$get()), callApi(request, (api) => api.organisations.$get())]);
  if (!list.ok) throw data({ code: list.error.code }, { status: list.status });
  if (!organisations.ok) throw data({ code: organisations.error.code }, { status: organisations.status });
  const url = new URL(request.url);
  const removeId = url.searchParams.get("weghalen");
  const invitedId = url.searchParams.get("uitgenodigd");
  return {
    ...list.data,
    organisations: organisations.data.organisations,
    confirmRemove: list.data.staff.find((person) => person.id === removeId && person.id !== list.data.me) ?? null,
    invited: list.data.staff.find((person) => person.id === invitedId) ?? null,
    mailFailed: url.searchParams.get("mail") === "0",
    removed: url.searchParams.has("weggehaald"),
    changed: url.searchParams.has("gewijzigd"),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  requirePageViewer(context, viewerIsAdmin);
  const form = await readForm(request);
  if (field(form, "intent") === "remove") {
    const id = field(form, "id");
    const result = await callApi(request, (api) => api.staff[MEMBER_ID].remove.$post({ param: { id: encodeURIComponent(id) } }));
    if (result.ok) throw redirect("/beheer/medewerkers?weggehaald=1");
    return data({ values: null, failure: result.error.message, fields: {} as Record<string, string> }, { status: result.status });
  }
  const values = { email: field(form, "email"), displayName: field(form, "displayName"), role: field(form, "role"), organisationId: field(form, "organisationId") };
  const result = await callApi(request, (api) => api.staff.$post(), {
    json: { email: values.email, displayName: values.displayName, ...staffRoleInput(values.role, values.organisationId) },
  });
  if (result.ok) throw redirect(`/beheer/medewerkers?uitgenodigd=${encodeURIComponent(result.data.staff.id)}${result.data.invitationSent ? "" : "&mail=0"}`);
  return data({ values, failure: result.error.message, fields: fieldErrors(result.error.details) }, { status: result.status });
}

export default function AdminStaff() {
  const { staff, ambassadors, me, organisations, confirmRemove, invited, mailFailed, removed, changed } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const fields: Record<string, string> = result?.fields ?? {};
  const values = result?.values;
  return (
    <div className="admin-staff">
      <h1>{t("staff.list.title")}</h1>
      <p>{t("staff.list.intro")}</p>
      <p className="action-links">
        <a href="#uitnodigen">{t("staff.invite.title")}</a>
        <Link to="/beheer/organisaties">{t("staff.list.organisationsLink")}</Link>
      </p>

      {invited ? (
        <p className={mailFailed ? "notice" : "success"} role="status">
          {t(mailFailed ? "staff.list.invitedMailFailed" : "staff.list.invited", { name: invited.displayName })}
        </p>
      ) : null}
      {removed ? (
        <p className="success" role="status">
          {t("staff.list.removed")}
        </p>
      ) : null}
      {changed ? (
        <p className="success" role="status">
          {t("staff.list.roleChanged")}
        </p>
      ) : null}
      {!values && result?.failure ? <FormError message={result.failure} /> : null}

      {confirmRemove ? (
        <section className="card confirm" aria-labelledby="remove-title">
          <h2 id="remove-title">{t("staff.remove.title", { name: confirmRemove.displayName })}</h2>
          <p>
            {t(`access.members.roles.${confirmRemove.role}`)}
            {confirmRemove.organisation ? ` · ${confirmRemove.organisation.name}` : ""}
          </p>
          <p>{t("staff.remove.intro")}</p>
          <Form method="post" className="button-row">
            <input type="hidden" name="intent" value="remove" />
            <input type="hidden" name="id" value={confirmRemove.id} />
            <button type="submit" className="button danger">
              {t("staff.remove.submit")}
            </button>
            <Link to="/beheer/medewerkers" className="button secondary">
              {t("staff.remove.cancel")}
            </Link>
          </Form>
        </section>
      ) : null}

      {STAFF_ROLES.map((role) => {
        const people = staff.filter((person) => person.role === role);
        const withOrganisation = role === "partner" || role === "care_partner";
        return (
          <section key={role} aria-labelledby={`group-${role}`}>
            <h2 id={`group-${role}`}>{t(`staff.list.groups.${role}`)}</h2>
            <p className="hint">{t(`staff.list.groupIntros.${role}`)}</p>
            {people.length === 0 ? (
              <p className="empty">{t("staff.list.empty")}</p>
            ) : (
              <div className="table-scroll">
                <table className="members">
                  <thead>
                    <tr>
                      <th scope="col">{t("staff.list.name")}</th>
                      <th scope="col">{t("staff.list.email")}</th>
                      {withOrganisation ? <th scope="col">{t("staff.list.organisation")}</th> : null}
                      <th scope="col">{t("staff.list.actions")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {people.map((person) => (
                      <tr key={person.id}>
                        <th scope="row">
                          {person.displayName}
                          {person.id === me ? <span className="post-meta"> {t("staff.list.you")}</span> : null}
                        </th>
                        <td>{person.email}</td>
                        {withOrganisation ? <td>{person.organisation?.name ?? ""}</td> : null}
                        <td className="action-links">
                          <Link to={`/beheer/medewerkers/${person.id}`} aria-label={t("staff.list.changeLabel", { name: person.displayName })}>
                            {t("staff.list.change")}
                          </Link>
                          {person.id !== me ? (
                            <Link to={`?weghalen=${person.id}`} aria-label={t("staff.list.removeLabel", { name: person.displayName })}>
                              {t("staff.list.remove")}
                            </Link>
                          ) : null}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        );
      })}

      <section aria-labelledby="group-ambassadors">
        <h2 id="group-ambassadors">{t("staff.list.ambassadorsTitle")}</h2>
        <p className="hint">
          {t("staff.list.ambassadorsIntro")} <Link to="/beheer/leden">{t("staff.list.membersLink")}</Link>
        </p>
        {ambassadors.length === 0 ? (
          <p className="empty">{t("staff.list.ambassadorsEmpty")}</p>
        ) : (
          <div className="table-scroll">
            <table className="members">
              <thead>
                <tr>
                  <th scope="col">{t("staff.list.name")}</th>
                  <th scope="col">{t("staff.list.neighbourhoods")}</th>
                  <th scope="col">{t("staff.list.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {ambassadors.map((person) => (
                  <tr key={person.id}>
                    <th scope="row">{person.displayName}</th>
                    <td>{person.neighbourhoods.join(", ")}</td>
                    <td className="action-links">
                      <Link to={`/beheer/leden/${person.id}/ambassadeur`} aria-label={t("staff.list.endAmbassadorLabel", { name: person.displayName })}>
                        {t("staff.list.endAmbassador")}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="card" id="uitnodigen" aria-labelledby="invite-title">
        <h2 id="invite-title">{t("staff.invite.title")}</h2>
        <p>{t("staff.invite.intro")}</p>
        {values ? <FormError message={result?.failure} /> : null}
        <Form method="post" className="form">
          <input type="hidden" name="intent" value="invite" />
          <label htmlFor="email">{t("staff.invite.email")}</label>
          <input id="email" name="email" type="email" required autoComplete="off" maxLength={254} defaultValue={values?.email ?? ""} {...fieldAria(fields, "email")} />
          <FieldError id="email-error" message={fields.email} />

          <label htmlFor="displayName">{t("staff.invite.displayName")}</label>
          <p className="hint" id="displayName-hint">
            {t("staff.invite.displayNameHint")}
          </p>
          <input id="displayName" name="displayName" required minLength={2} maxLength={80} autoComplete="off" defaultValue={values?.displayName ?? ""} {...fieldAria(fields, "displayName", true)} />
          <FieldError id="displayName-error" message={fields.displayName} />

          <StaffRoleFields role={values?.role} organisationId={values?.organisationId} organisations={organisations} fields={fields} />
          <SubmitButton label={t("staff.invite.submit")} />
        </Form>
      </section>
    </div>
  );
}
