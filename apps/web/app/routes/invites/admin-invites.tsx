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
import type { ApiAnswer, ApiClient } from "../../lib/api-types.ts";
import { fieldErrors } from "../../lib/api-errors.ts";
import { field, fieldAria, readForm } from "../../lib/forms.ts";
import { formatLastDay, requirePageViewer, viewerIsStaff } from "../../lib/invite-pages.ts";
import { FieldError, FormError } from "../../components/field-error.tsx";
import { SubmitButton } from "../../components/submit-button.tsx";

// /beheer/uitnodigingen — staff: all invites (neighbourhood letters and posters, and personal codes made
// by members, with who made them) with their state, a form to make one, and withdrawing with a confirmation step (?intrekken=<id>) that works without JavaScript too.

export const meta: MetaFunction = () => [{ title: "Uitnodigingen — Buurtplein" }];

/** One invite in the staff list (GET /api/invites), with who made it (null when that account was deleted). */
type InviteSummary = ApiAnswer<ApiClient["invites"]["$get"]>["invites"][number];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { locale } = requirePageViewer(context, viewerIsStaff);
  const url = new URL(request.url);
  const page = Math.max(1, Math.min(10_000, Number.parseInt(url.searchParams.get("pagina") ?? "1", 10) || 1));
  const [list, neighbourhoods, complexes] = await Promise.all([
    callApi(request, (api) => api.invites.$get(), { query: { page: String(page) } }),
    callApi(request, (api) => api.neighbourhoods.$get()),
    callApi(request, (api) => api.invites.complexes.$get()),
  ]);
  if (!list.ok) throw data({ code: list.error?.code }, { status: list.status });
  if (!neighbourhoods.ok) throw data({ code: neighbourhoods.error?.code }, { status: neighbourhoods.status });
  const revokeId = url.searchParams.get("intrekken");
  const createdId = url.searchParams.get("nieuw");
  return {
    ...list.data,
    neighbourhoods: neighbourhoods.data.neighbourhoods,
    // Without complexes (or if they cannot be read) the form simply has no complex picker.
    complexes: complexes.ok ? complexes.data.complexes : [],
    confirmRevoke: list.data.invites.find((invite) => invite.id === revokeId && invite.state !== "revoked") ?? null,
    created: list.data.invites.find((invite) => invite.id === createdId) ?? null,
    revoked: url.searchParams.get("ingetrokken") === "1",
    locale,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  requirePageViewer(context, viewerIsStaff);
  const form = await readForm(request);
  if (field(form, "intent") === "revoke") {
    const id = field(form, "id");
    const result = await callApi(request, (api) => api.invites[":id"].revoke.$post({ param: { id: encodeURIComponent(id) } }));
    if (!result.ok) return data({ values: null, failure: result.error?.message ?? null, fields: {} as Record<string, string> }, { status: result.status });
    throw redirect("/beheer/uitnodigingen?ingetrokken=1");
  }
  const values = {
    neighbourhood: field(form, "neighbourhood"),
    complexId: field(form, "complexId"),
    label: field(form, "label"),
    expiresOn: field(form, "expiresOn"),
    maxUses: field(form, "maxUses"),
    role: field(form, "role"),
  };
  const result = await callApi(request, (api) => api.invites.$post(), { json: values });
  if (result.ok) throw redirect(`/beheer/uitnodigingen?nieuw=${encodeURIComponent(result.data.invite.id)}`);
  return data({ values, failure: result.error?.message ?? null, fields: fieldErrors(result.error?.details) }, { status: result.status });
}

function UsesText({ invite }: { invite: InviteSummary }) {
  const { t } = useTranslation();
  return <>{invite.maxUses === null ? t("invites.admin.usesUnlimited", { uses: invite.uses }) : t("invites.admin.uses", { uses: invite.uses, max: invite.maxUses })}</>;
}

export default function AdminInvites() {
  const { invites, page, hasMore, neighbourhoods, complexes, confirmRevoke, created, revoked, locale } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const values = result?.values;
  const fields: Record<string, string> = result?.fields ?? {};

  return (
    <div className="admin-invites">
      <h1>{t("invites.admin.title")}</h1>
      <p>{t("invites.admin.intro")}</p>

      {created ? (
        <div className="success" role="status">
          <p>{t("invites.admin.created", { code: created.code })}</p>
          <p className="action-links">
            <Link to={`/beheer/uitnodigingen/${created.id}/brief`}>{t("invites.admin.letter")}</Link>
            <Link to={`/beheer/uitnodigingen/${created.id}/poster`}>{t("invites.admin.poster")}</Link>
          </p>
        </div>
      ) : null}
      {revoked ? (
        <p className="success" role="status">
          {t("invites.admin.revoked")}
        </p>
      ) : null}

      {confirmRevoke ? (
        <section className="card confirm" aria-labelledby="revoke-title">
          <h2 id="revoke-title">{t("invites.admin.revokeTitle")}</h2>
          <p>{t("invites.admin.revokeText", { code: confirmRevoke.code, label: confirmRevoke.label ?? confirmRevoke.neighbourhood.name })}</p>
          <Form method="post" className="button-row">
            <input type="hidden" name="intent" value="revoke" />
            <input type="hidden" name="id" value={confirmRevoke.id} />
            <button type="submit" className="button danger">
              {t("invites.admin.revokeConfirm")}
            </button>
            <Link to="/beheer/uitnodigingen" className="button secondary">
              {t("invites.admin.cancel")}
            </Link>
          </Form>
        </section>
      ) : null}

      <section className="card" aria-labelledby="create-invite-title">
        <h2 id="create-invite-title">{t("invites.admin.createTitle")}</h2>
        <FormError message={result?.failure} />
        <Form method="post" className="form">
          <input type="hidden" name="intent" value="create" />
          <label htmlFor="neighbourhood">{t("invites.admin.neighbourhood")}</label>
          <select id="neighbourhood" name="neighbourhood" defaultValue={values?.neighbourhood ?? neighbourhoods[0]?.slug} {...fieldAria(fields, "neighbourhood")}>
            {neighbourhoods.map((neighbourhood) => (
              <option key={neighbourhood.slug} value={neighbourhood.slug}>
                {neighbourhood.name}
                {neighbourhood.city ? ` (${neighbourhood.city})` : ""}
              </option>
            ))}
          </select>
          <FieldError id="neighbourhood-error" message={fields.neighbourhood} />

          {complexes.length > 0 ? (
            <>
              <label htmlFor="complexId">{t("invites.admin.complex")}</label>
              <p className="hint" id="complexId-hint">
                {t("invites.admin.complexHint")}
              </p>
              <select id="complexId" name="complexId" defaultValue={values?.complexId ?? ""} {...fieldAria(fields, "complexId", true)}>
                <option value="">{t("invites.admin.complexNone")}</option>
                {neighbourhoods
                  .filter((neighbourhood) => complexes.some((complex) => complex.neighbourhood.slug === neighbourhood.slug))
                  .map((neighbourhood) => (
                    <optgroup key={neighbourhood.slug} label={neighbourhood.name}>
                      {complexes
                        .filter((complex) => complex.neighbourhood.slug === neighbourhood.slug)
                        .map((complex) => (
                          <option key={complex.id} value={complex.id}>
                            {complex.name}
                            {complex.address ? ` (${complex.address})` : ""}
                          </option>
                        ))}
                    </optgroup>
                  ))}
              </select>
              <FieldError id="complexId-error" message={fields.complexId} />
            </>
          ) : null}

          <label htmlFor="label">{t("invites.admin.label")}</label>
          <p className="hint" id="label-hint">
            {t("invites.admin.labelHint")}
          </p>
          <input id="label" name="label" required minLength={2} maxLength={80} defaultValue={values?.label ?? ""} {...fieldAria(fields, "label", true)} />
          <FieldError id="label-error" message={fields.label} />

          <label htmlFor="role">{t("invites.admin.role")}</label>
          <select id="role" name="role" defaultValue={values?.role ?? "resident"} {...fieldAria(fields, "role")}>
            <option value="resident">{t("invites.admin.roles.resident")}</option>
            <option value="prospective">{t("invites.admin.roles.prospective")}</option>
          </select>
          <FieldError id="role-error" message={fields.role} />

          <label htmlFor="expiresOn">{t("invites.admin.expiresOn")}</label>
          <input id="expiresOn" name="expiresOn" type="date" defaultValue={values?.expiresOn ?? ""} {...fieldAria(fields, "expiresOn")} />
          <FieldError id="expiresOn-error" message={fields.expiresOn} />

          <label htmlFor="maxUses">{t("invites.admin.maxUses")}</label>
          <p className="hint" id="maxUses-hint">
            {t("invites.admin.maxUsesHint")}
          </p>
          <input id="maxUses" name="maxUses" type="number" inputMode="numeric" min={1} max={10000} step={1} defaultValue={values?.maxUses ?? ""} {...fieldAria(fields, "maxUses", true)} />
          <FieldError id="maxUses-error" message={fields.maxUses} />

          <SubmitButton label={t("invites.admin.submit")} />
        </Form>
      </section>

      <section aria-labelledby="invite-list-title">
        <h2 id="invite-list-title">{t("invites.admin.listTitle")}</h2>
        {invites.length === 0 ? (
          <p className="empty">{t("invites.admin.empty")}</p>
        ) : (
          <ul className="invite-list">
            {invites.map((invite) => (
              <li key={invite.id} className="invite-row">
                <div className="invite-row-main">
                  <h3>{invite.label ?? invite.neighbourhood.name}</h3>
                  <p className="post-meta">
                    {invite.neighbourhood.name} · <span className={`badge state-${invite.state}`}>{t(`invites.states.${invite.state}`)}</span>
                    {invite.role === "prospective" ? <> · {t("invites.admin.roles.prospective")}</> : null}
                    {invite.complex ? <> · {invite.complex.name}</> : null}
                  </p>
                  <p className="post-meta" data-testid="invite-kind">
                    {invite.kind === "personal" ? t("invites.admin.kinds.personal") : t("invites.admin.kinds.neighbourhood")}
                    {" · "}
                    {invite.createdBy ? t("invites.admin.createdBy", { name: invite.createdBy.displayName }) : t("invites.admin.createdByUnknown")}
                  </p>
                  <p>
                    <span className="visually-hidden">{t("invites.admin.code")}: </span>
                    <code className="invite-code">{invite.code}</code>
                  </p>
                  <p className="post-meta">
                    <UsesText invite={invite} /> · {invite.expiresAt ? t("invites.admin.expires", { date: formatLastDay(invite.expiresAt, locale) }) : t("invites.admin.noExpiry")}
                  </p>
                </div>
                <p className="action-links">
                  {invite.kind === "personal" ? null : (
                    <>
                      <Link to={`/beheer/uitnodigingen/${invite.id}/brief`} aria-label={`${t("invites.admin.letter")}: ${invite.label ?? invite.code}`}>
                        {t("invites.admin.letter")}
                      </Link>
                      <Link to={`/beheer/uitnodigingen/${invite.id}/poster`} aria-label={`${t("invites.admin.poster")}: ${invite.label ?? invite.code}`}>
                        {t("invites.admin.poster")}
                      </Link>
                    </>
                  )}
                  {invite.state !== "revoked" ? (
                    <Link to={`?intrekken=${invite.id}${page > 1 ? `&pagina=${page}` : ""}`} aria-label={`${t("invites.admin.revoke")}: ${invite.label ?? invite.code}`}>
                      {t("invites.admin.revoke")}
                    </Link>
                  ) : null}
                </p>
              </li>
            ))}
          </ul>
        )}
        <p className="action-links">
          {page > 1 ? <Link to={`?pagina=${page - 1}`}>{t("invites.admin.newer")}</Link> : null}
          {hasMore ? <Link to={`?pagina=${page + 1}`}>{t("invites.admin.older")}</Link> : null}
        </p>
      </section>
    </div>
  );
}
