import { useTranslation } from "../../i18n/i18n.ts";
import { data, Form, Link, useActionData, useLoaderData, useNavigation, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { callApi } from "../../lib/api.server.ts";
import { MEMBER_ID } from "../../lib/api-types.ts";
import { readForm } from "../../lib/forms.ts";
import { failureText } from "../../lib/api-errors.ts";
import { requirePageViewer, viewerIsStaff } from "../../lib/invite-pages.ts";
import { FormError } from "../../components/field-error.tsx";
import { PrintButton } from "../../components/print-button.tsx";
import { RecoverySlip } from "../../components/recovery-slip.tsx";
import type { RouteHandle } from "../../root.tsx";

// /beheer/leden/:id/herstelcode — a resident without e-mail forgot their password. A moderator confirms,
// and hands over a new one-time recovery code on paper; earlier codes stop working.

// The print button needs JavaScript (without it, the hint says to use the browser's Print).
export const handle: RouteHandle = { hydrate: true };

export const meta: MetaFunction = () => [{ title: "Nieuwe herstelcode — Buurtplein" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { locale } = requirePageViewer(context, viewerIsStaff);
  const result = await callApi(request, (api) => api.members[MEMBER_ID].$get({ param: { id: encodeURIComponent(params.id ?? "") } }));
  if (!result.ok) throw data({ code: result.error?.code }, { status: result.status === 422 ? 404 : result.status });
  return { member: result.data.member, origin: new URL(request.url).origin, locale };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  requirePageViewer(context, viewerIsStaff);
  await readForm(request); // only our own form post asks for a new code
  const result = await callApi(request, (api) => api.members[MEMBER_ID]["recovery-code"].$post({ param: { id: encodeURIComponent(params.id ?? "") } }), { json: {} });
  if (result.ok) return { issued: result.data, failure: null };
  return data({ issued: null, failure: result.error }, { status: result.status });
}

export default function MemberRecoveryCode() {
  const { member, origin, locale } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();

  const issued = result?.issued;
  if (issued) {
    return (
      <section className="card handover-slip" aria-labelledby="issued-title">
        <h1 id="issued-title">{t("access.members.recoveryDoneTitle", { name: issued.member.displayName })}</h1>
        {/* The API issues a code only to an account with a login name (recoveryCodeRefusal). */}
        <RecoverySlip loginName={issued.member.loginName ?? ""} recoveryCode={issued.recoveryCode} expiresAt={issued.recoveryCodeExpiresAt} origin={origin} locale={locale} />
        <div className="button-row no-print">
          <PrintButton label={t("invites.admin.print")} />
          <Link to="/beheer/leden" className="button secondary">
            {t("access.members.backToList")}
          </Link>
        </div>
      </section>
    );
  }

  return (
    <section className="card narrow" aria-labelledby="recovery-title">
      <h1 id="recovery-title">{t("access.members.recoveryTitle", { name: member.displayName })}</h1>
      <p>
        {t(`access.members.roles.${member.role}`, { defaultValue: member.role })}
        {member.neighbourhoods.length ? ` · ${member.neighbourhoods.join(", ")}` : ""}
        {member.loginName ? ` · ${member.loginName}` : ""}
      </p>
      <FormError message={failureText(t, result?.failure)} />
      {member.canGetRecoveryCode ? (
        <>
          <p>{t("access.members.recoveryIntro")}</p>
          <Form method="post" className="form">
            <button type="submit" className="button" disabled={navigation.state === "submitting"}>
              {t("access.members.recoverySubmit")}
            </button>
          </Form>
        </>
      ) : (
        <p>{t("access.members.recoveryNotPossible")}</p>
      )}
      <p>
        <Link to="/beheer/leden">{t("access.members.cancelRecovery")}</Link>
      </p>
    </section>
  );
}
