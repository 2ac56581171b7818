import { useTranslation } from "../../i18n/i18n.ts";
import {
  data,
  Form,
  useActionData,
  useLoaderData,
  useNavigation,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "react-router";
import { callApi } from "../../lib/api.server.ts";
import { fieldErrors } from "../../lib/api-errors.ts";
import { field, readForm } from "../../lib/forms.ts";
import { formatDay, requirePageViewer, viewerHelpsMembers } from "../../lib/invite-pages.ts";
import { FieldError, FormError } from "../../components/field-error.tsx";

// /beheer/aanmeldingen — people waiting for approval, with "let in" and "turn down + message"; admins
// also switch approval on or off here. For staff, and for ambassadors in their own neighbourhood.

export const meta: MetaFunction = () => [{ title: "Aanmeldingen — Buurtplein" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { locale } = requirePageViewer(context, viewerHelpsMembers);
  const result = await callApi(request, (api) => api.members.pending.$get());
  if (!result.ok) throw data({ code: result.error?.code }, { status: result.status });
  return { ...result.data, locale };
}

type Notice = { kind: "approved" | "rejected"; name: string; mailed: boolean } | { kind: "saved" };

export async function action({ request, context }: ActionFunctionArgs) {
  requirePageViewer(context, viewerHelpsMembers);
  const form = await readForm(request);
  const intent = field(form, "intent");
  const id = field(form, "id");
  const name = field(form, "name");
  const neighbourhood = field(form, "neighbourhood");
  /** Which request of this person (one can wait for more than one neighbourhood). */
  const requestKey = `${id}:${neighbourhood}`;
  let result;
  if (intent === "setting") {
    result = await callApi(request, (api) => api.settings.membership.$patch(), { json: { requireMemberApproval: form.get("requireMemberApproval") === "on" } });
    if (result.ok) return { notice: { kind: "saved" } as Notice, failure: null, rejectFor: null, message: "", fields: {} as Record<string, string> };
  } else if (intent === "approve") {
    result = await callApi(request, (api) => api.members[":id"].approve.$post({ param: { id: encodeURIComponent(id) } }), { json: { neighbourhood } });
    if (result.ok) return { notice: { kind: "approved", name, mailed: result.data.mailed === true } as Notice, failure: null, rejectFor: null, message: "", fields: {} as Record<string, string> };
  } else {
    const message = field(form, "message");
    result = await callApi(request, (api) => api.members[":id"].reject.$post({ param: { id: encodeURIComponent(id) } }), { json: { message, neighbourhood } });
    if (result.ok) return { notice: { kind: "rejected", name, mailed: result.data.mailed === true } as Notice, failure: null, rejectFor: null, message: "", fields: {} as Record<string, string> };
    return data({ notice: null, failure: result.error?.message ?? null, rejectFor: requestKey, message, fields: fieldErrors(result.error?.details) }, { status: result.status });
  }
  return data({ notice: null, failure: result.error?.message ?? null, rejectFor: null, message: "", fields: {} as Record<string, string> }, { status: result.status });
}

export default function PendingMembers() {
  const { members, requireMemberApproval, canChangeSetting, locale } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const busy = navigation.state === "submitting";
  const notice = result?.notice;

  return (
    <div className="admin-pending">
      <h1>{t("invites.pending.title")}</h1>
      <p>{t("invites.pending.intro")}</p>
      {notice ? (
        <p className="success" role="status">
          {notice.kind === "saved" ? t("invites.pending.saved") : t(`invites.pending.${notice.kind}`, { name: notice.name })}
          {notice.kind !== "saved" && notice.mailed ? <> {t("invites.pending.mailed")}</> : null}
        </p>
      ) : null}
      <FormError message={result?.rejectFor ? null : result?.failure} />

      {canChangeSetting ? (
        <section className="card" aria-labelledby="approval-setting-title">
          <h2 id="approval-setting-title">{t("invites.pending.settingTitle")}</h2>
          <p>{requireMemberApproval ? t("invites.pending.settingOn") : t("invites.pending.settingOff")}</p>
          <Form method="post" className="form">
            <input type="hidden" name="intent" value="setting" />
            <label className="checkbox">
              <input type="checkbox" name="requireMemberApproval" defaultChecked={requireMemberApproval} key={String(requireMemberApproval)} aria-describedby="approval-setting-hint" />
              {t("invites.pending.settingLabel")}
            </label>
            <p className="hint" id="approval-setting-hint">
              {t("invites.pending.settingHint")}
            </p>
            <button type="submit" className="button secondary" disabled={busy}>
              {t("invites.pending.save")}
            </button>
          </Form>
        </section>
      ) : null}

      <section aria-labelledby="pending-list-title">
        <h2 id="pending-list-title">{t("invites.pending.listTitle")}</h2>
        {members.length === 0 ? (
          <p className="empty">{t("invites.pending.empty")}</p>
        ) : (
          <ul className="invite-list">
            {members.map((member) => {
              const requestKey = `${member.id}:${member.neighbourhood.slug}`;
              const rejecting = result?.rejectFor === requestKey;
              const messageId = `reject-message-${member.id}-${member.neighbourhood.slug}`;
              return (
                <li key={requestKey} className="card pending-member">
                  <h3>{member.displayName}</h3>
                  <p className="post-meta">
                    {member.neighbourhood.name}
                    {member.street ? <> · {t("invites.pending.street", { street: member.street })}</> : null} ·{" "}
                    {t("invites.pending.joinedAt", { date: formatDay(member.requestedAt ?? member.createdAt, locale) })}
                  </p>
                  {member.kind === "extra_neighbourhood" ? <p className="notice">{t("invites.pending.extraNeighbourhood", { neighbourhood: member.neighbourhood.name })}</p> : null}
                  <p className="post-meta">
                    {[
                      member.email ?? (member.hasEmail ? null : t("invites.pending.noEmail")),
                      member.invite
                        ? member.invite.kind === "personal"
                          ? t("invites.pending.viaPersonal")
                          : t("invites.pending.via", { label: member.invite.label ?? "—" })
                        : null,
                    ]
                      .filter(Boolean)
                      .join(" · ")}
                  </p>
                  <Form method="post">
                    <input type="hidden" name="intent" value="approve" />
                    <input type="hidden" name="id" value={member.id} />
                    <input type="hidden" name="name" value={member.displayName} />
                    <input type="hidden" name="neighbourhood" value={member.neighbourhood.slug} />
                    <button type="submit" className="button" disabled={busy} aria-label={`${t("invites.pending.approve")}: ${member.displayName}`}>
                      {t("invites.pending.approve")}
                    </button>
                  </Form>
                  <Form method="post" className="form reject-form">
                    <input type="hidden" name="intent" value="reject" />
                    <input type="hidden" name="id" value={member.id} />
                    <input type="hidden" name="name" value={member.displayName} />
                    <input type="hidden" name="neighbourhood" value={member.neighbourhood.slug} />
                    <label htmlFor={messageId}>{t("invites.pending.rejectMessage", { name: member.displayName })}</label>
                    {rejecting ? <FormError message={result?.failure} /> : null}
                    <textarea
                      id={messageId}
                      name="message"
                      rows={2}
                      required
                      minLength={2}
                      maxLength={500}
                      defaultValue={rejecting ? result?.message : ""}
                      aria-invalid={rejecting && result?.fields.message ? true : undefined}
                      aria-describedby={rejecting && result?.fields.message ? `${messageId}-error` : undefined}
                    />
                    <FieldError id={`${messageId}-error`} message={rejecting ? result?.fields.message : undefined} />
                    <button type="submit" className="button secondary" disabled={busy} aria-label={`${t("invites.pending.reject")}: ${member.displayName}`}>
                      {t("invites.pending.reject")}
                    </button>
                  </Form>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </div>
  );
}
