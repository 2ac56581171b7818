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
import { SubmitButton } from "../../components/submit-button.tsx";
import { OrganisationFields, organisationInput } from "../../components/staff-fields.tsx";

// /beheer/organisaties — admins: partner and care organisations with the neighbourhoods they serve and
// how many accounts belong to them; a form for a new one; removal with a confirmation step
// (?verwijderen=<id>), refused with a clear message while accounts still belong to it.

export const meta: MetaFunction = () => [{ title: "Organisaties — Buurtplein" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  requirePageViewer(context, viewerIsAdmin);
  const [list, neighbourhoods] = await Promise.all([callApi(request, (api) => api.organisations.$get()), callApi(request, (api) => api.neighbourhoods.$get())]);
  if (!list.ok) throw data({ code: list.error.code }, { status: list.status });
  if (!neighbourhoods.ok) throw data({ code: neighbourhoods.error.code }, { status: neighbourhoods.status });
  const url = new URL(request.url);
  const removeId = url.searchParams.get("verwijderen");
  return {
    organisations: list.data.organisations,
    neighbourhoods: neighbourhoods.data.neighbourhoods,
    confirmRemove: list.data.organisations.find((organisation) => organisation.id === removeId) ?? null,
    created: url.searchParams.has("nieuw"),
    saved: url.searchParams.has("opgeslagen"),
    removed: url.searchParams.has("verwijderd"),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  requirePageViewer(context, viewerIsAdmin);
  const form = await readForm(request);
  if (field(form, "intent") === "remove") {
    const id = encodeURIComponent(field(form, "id"));
    const result = await callApi(request, (api) => api.organisations[MEMBER_ID].remove.$post({ param: { id } }));
    if (result.ok) throw redirect("/beheer/organisaties?verwijderd=1");
    return data({ values: null, failure: result.error.message, fields: {} as Record<string, string> }, { status: result.status });
  }
  const values = organisationInput(form);
  const result = await callApi(request, (api) => api.organisations.$post(), { json: values });
  if (result.ok) throw redirect("/beheer/organisaties?nieuw=1");
  return data({ values, failure: result.error.message, fields: fieldErrors(result.error.details) }, { status: result.status });
}

export default function AdminOrganisations() {
  const { organisations, neighbourhoods, confirmRemove, created, saved, removed } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const values = result?.values ?? undefined;
  return (
    <div className="admin-organisations">
      <h1>{t("staff.organisations.title")}</h1>
      <p>{t("staff.organisations.intro")}</p>
      <p className="action-links">
        <a href="#nieuw">{t("staff.organisations.createTitle")}</a>
        <Link to="/beheer/medewerkers">{t("staff.organisations.staffLink")}</Link>
      </p>
      {created || saved || removed ? (
        <p className="success" role="status">
          {t(created ? "staff.organisations.created" : saved ? "staff.organisations.saved" : "staff.organisations.removed")}
        </p>
      ) : null}
      {!values && result?.failure ? <FormError message={result.failure} /> : null}

      {confirmRemove ? (
        <section className="card confirm" aria-labelledby="remove-title">
          <h2 id="remove-title">{t("staff.organisations.removeTitle", { name: confirmRemove.name })}</h2>
          {confirmRemove.accounts > 0 ? (
            <>
              <p role="alert">{t("staff.organisations.removeInUse", { count: confirmRemove.accounts })}</p>
              <p className="action-links">
                <Link to="/beheer/medewerkers">{t("staff.organisations.staffLink")}</Link>
                <Link to="/beheer/organisaties">{t("staff.organisations.cancel")}</Link>
              </p>
            </>
          ) : (
            <>
              <p>{t("staff.organisations.removeIntro")}</p>
              <Form method="post" className="button-row">
                <input type="hidden" name="intent" value="remove" />
                <input type="hidden" name="id" value={confirmRemove.id} />
                <button type="submit" className="button danger">
                  {t("staff.organisations.removeSubmit")}
                </button>
                <Link to="/beheer/organisaties" className="button secondary">
                  {t("staff.organisations.cancel")}
                </Link>
              </Form>
            </>
          )}
        </section>
      ) : null}

      {(["local", "care"] as const).map((kind) => {
        const group = organisations.filter((organisation) => organisation.kind === kind);
        return (
          <section key={kind} aria-labelledby={`group-${kind}`}>
            <h2 id={`group-${kind}`}>{t(`staff.organisations.groups.${kind}`)}</h2>
            <p className="hint">{t(`staff.organisations.groupIntros.${kind}`)}</p>
            {group.length === 0 ? (
              <p className="empty">{t("staff.organisations.empty")}</p>
            ) : (
              <ul className="invite-list">
                {group.map((organisation) => (
                  <li key={organisation.id} className="invite-row">
                    <div className="invite-row-main">
                      <h3>{organisation.name}</h3>
                      {organisation.description ? <p>{organisation.description}</p> : null}
                      <p className="post-meta">
                        {organisation.neighbourhoods.length > 0
                          ? t("staff.organisations.serves", { names: organisation.neighbourhoods.map((item) => item.name).join(", ") })
                          : t("staff.organisations.servesNone")}
                        {" · "}
                        {t("staff.organisations.accounts", { count: organisation.accounts })}
                      </p>
                      {organisation.website ? (
                        <p className="post-meta">
                          <a href={organisation.website} rel="noopener noreferrer">
                            {organisation.website}
                          </a>
                        </p>
                      ) : null}
                    </div>
                    <p className="action-links">
                      <Link to={`/beheer/organisaties/${organisation.id}`} aria-label={t("staff.organisations.editLabel", { name: organisation.name })}>
                        {t("staff.organisations.edit")}
                      </Link>
                      <Link to={`?verwijderen=${organisation.id}`} aria-label={t("staff.organisations.removeLabel", { name: organisation.name })}>
                        {t("staff.organisations.remove")}
                      </Link>
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}

      <section className="card" id="nieuw" aria-labelledby="create-title">
        <h2 id="create-title">{t("staff.organisations.createTitle")}</h2>
        {values ? <FormError message={result?.failure} /> : null}
        <Form method="post" className="form">
          <input type="hidden" name="intent" value="create" />
          <OrganisationFields values={values} neighbourhoods={neighbourhoods} fields={result?.fields ?? {}} />
          <SubmitButton label={t("staff.organisations.createSubmit")} />
        </Form>
      </section>
    </div>
  );
}
