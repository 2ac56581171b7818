import { useTranslation } from "../../i18n/i18n.ts";
import {
  data,
  Form,
  Link,
  useActionData,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "react-router";
import { callApi } from "../../lib/api.server.ts";
import { fieldErrors } from "../../lib/api-errors.ts";
import { field, fieldAria, readForm } from "../../lib/forms.ts";
import { requirePageViewer, viewerHelpsMembers, viewerIsStaff } from "../../lib/invite-pages.ts";
import { FieldError, FormError } from "../../components/field-error.tsx";
import { PrintButton } from "../../components/print-button.tsx";
import { RecoverySlip } from "../../components/recovery-slip.tsx";
import { SubmitButton } from "../../components/submit-button.tsx";
import type { RouteHandle } from "../../root.tsx";

// /beheer/aanmelden-namens — help desk: staff (or an ambassador, for their own neighbourhood) register a
// resident who gave consent. Without e-mail, the page shows the login name and a one-time recovery
// code to hand over on paper.

// The print button needs JavaScript (without it, the hint says to use the browser's Print).
export const handle: RouteHandle = { hydrate: true };

export const meta: MetaFunction = () => [{ title: "Aanmelden namens een bewoner — Buurtplein" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { viewer, locale } = requirePageViewer(context, viewerHelpsMembers);
  let neighbourhoods = viewer.neighbourhoods.map(({ slug, name }) => ({ slug, name }));
  if (viewerIsStaff(viewer)) {
    const result = await callApi(request, (api) => api.neighbourhoods.$get());
    if (!result.ok) throw data({ code: result.error?.code }, { status: result.status });
    neighbourhoods = result.data.neighbourhoods.map(({ slug, name }) => ({ slug, name }));
  }
  return { neighbourhoods, origin: new URL(request.url).origin, locale };
}

export async function action({ request, context }: ActionFunctionArgs) {
  requirePageViewer(context, viewerHelpsMembers);
  const form = await readForm(request);
  const values = {
    neighbourhood: field(form, "neighbourhood"),
    displayName: field(form, "displayName"),
    email: field(form, "email"),
    street: field(form, "street"),
  };
  const result = await callApi(request, (api) => api.members.register.$post(), { json: { ...values, consent: form.get("consent") === "on" } });
  if (result.ok) return { done: result.data, values: null, failure: null, fields: {} as Record<string, string> };
  return data({ done: null, values, failure: result.error?.message ?? null, fields: fieldErrors(result.error?.details) }, { status: result.status });
}

export default function RegisterMember() {
  const { neighbourhoods, origin, locale } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();

  const done = result?.done;
  if (done) {
    return (
      <section className="card handover-slip" aria-labelledby="registered-title">
        <h1 id="registered-title">{t("invites.register.doneTitle", { name: done.member.displayName })}</h1>
        <p className="post-meta">{done.neighbourhood.name}</p>
        {done.member.loginName && done.recoveryCode ? (
          <RecoverySlip loginName={done.member.loginName} recoveryCode={done.recoveryCode} expiresAt={done.recoveryCodeExpiresAt} origin={origin} locale={locale} />
        ) : (
          <p>{t("invites.register.withEmail", { email: done.member.email ?? "" })}</p>
        )}
        <div className="button-row no-print">
          <PrintButton label={t("invites.admin.print")} />
          <Link to="/beheer/aanmelden-namens" className="button secondary" reloadDocument>
            {t("invites.register.another")}
          </Link>
        </div>
      </section>
    );
  }

  const values = result?.values;
  const fields: Record<string, string> = result?.fields ?? {};
  return (
    <section className="card" aria-labelledby="register-title">
      <h1 id="register-title">{t("invites.register.title")}</h1>
      <p>{t("invites.register.intro")}</p>
      <FormError message={result?.failure} />
      <Form method="post" className="form">
        <label htmlFor="neighbourhood">{t("invites.register.neighbourhood")}</label>
        <select id="neighbourhood" name="neighbourhood" defaultValue={values?.neighbourhood ?? neighbourhoods[0]?.slug} {...fieldAria(fields, "neighbourhood")}>
          {neighbourhoods.map((neighbourhood) => (
            <option key={neighbourhood.slug} value={neighbourhood.slug}>
              {neighbourhood.name}
            </option>
          ))}
        </select>
        <FieldError id="neighbourhood-error" message={fields.neighbourhood} />

        <label htmlFor="displayName">{t("invites.register.displayName")}</label>
        <input id="displayName" name="displayName" required minLength={2} maxLength={60} autoComplete="off" defaultValue={values?.displayName ?? ""} {...fieldAria(fields, "displayName")} />
        <FieldError id="displayName-error" message={fields.displayName} />

        <label htmlFor="email">{t("invites.register.email")}</label>
        <p className="hint" id="email-hint">
          {t("invites.register.emailHint")}
        </p>
        <input id="email" name="email" type="email" autoComplete="off" maxLength={254} defaultValue={values?.email ?? ""} {...fieldAria(fields, "email", true)} />
        <FieldError id="email-error" message={fields.email} />

        <label htmlFor="street">{t("invites.register.street")}</label>
        <p className="hint" id="street-hint">
          {t("invites.register.streetHint")}
        </p>
        <input id="street" name="street" maxLength={80} autoComplete="off" defaultValue={values?.street ?? ""} {...fieldAria(fields, "street", true)} />
        <FieldError id="street-error" message={fields.street} />

        <label className="checkbox">
          <input type="checkbox" name="consent" required {...fieldAria(fields, "consent", true)} />
          {t("invites.register.consent")}
        </label>
        <p className="hint" id="consent-hint">
          {t("invites.register.consentHint")}
        </p>
        <FieldError id="consent-error" message={fields.consent} />

        <SubmitButton label={t("invites.register.submit")} />
      </Form>
    </section>
  );
}
