import { useTranslation } from "../../i18n/i18n.ts";
import {
  data,
  Form,
  Link,
  redirect,
  useActionData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "react-router";
import { callApi, forwardCookies } from "../../lib/api.server.ts";
import { field, secretField, readForm } from "../../lib/forms.ts";
import { assertTenantSite, requestSiteContext } from "../../lib/site-context.ts";
import { failureNote, failureText, fieldErrors } from "../../lib/api-errors.ts";
import { FieldError, FormError } from "../../components/field-error.tsx";
import { SubmitButton } from "../../components/submit-button.tsx";

// /herstel — an account without e-mail gets back in: login name + recovery code (on paper from the
// corporation) + a new password.

export const meta: MetaFunction = () => [{ title: "Herstelcode — Buurtplein" }];

export async function loader({ context }: LoaderFunctionArgs) {
  const { site, viewer } = context.get(requestSiteContext);
  assertTenantSite(site);
  if (viewer) throw redirect("/");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  assertTenantSite(context.get(requestSiteContext).site);
  const form = await readForm(request);
  const loginName = field(form, "loginName");
  const code = field(form, "code");
  const newPassword = secretField(form, "newPassword");
  const result = await callApi(request, (api) => api.auth.recover.$post(), { json: { loginName, code, newPassword } });
  if (result.ok) throw redirect("/", { headers: forwardCookies(result) });
  const fields = fieldErrors(result.error?.details);
  // The code message is already in the alert; don't repeat it under the field.
  if (result.error?.code === "recovery_code_invalid") delete fields.code;
  return data({ loginName, code, failure: result.error, fields, codeWrong: result.error?.code === "recovery_code_invalid" }, { status: result.status });
}

export default function Recover() {
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const fields = result?.fields ?? {};
  const invalid = (name: string) => (fields[name] ? { "aria-invalid": true as const, "aria-describedby": `${name}-error` } : {});
  return (
    <section className="card narrow">
      <h1>{t("access.recover.title")}</h1>
      <p>{t("access.recover.intro")}</p>
      <FormError message={failureText(t, result?.failure)} note={failureNote(t, result?.failure)} />
      <Form method="post" className="form">
        <label htmlFor="loginName">{t("access.recover.loginName")}</label>
        <input id="loginName" name="loginName" required autoComplete="username" autoCapitalize="none" spellCheck={false} defaultValue={result?.loginName ?? ""} {...invalid("loginName")} />
        <FieldError id="loginName-error" message={fields.loginName} />
        <label htmlFor="code">{t("access.recover.code")}</label>
        <input
          id="code"
          name="code"
          required
          autoComplete="one-time-code"
          autoCapitalize="characters"
          spellCheck={false}
          defaultValue={result?.code ?? ""}
          {...invalid("code")}
          {...(result?.codeWrong ? { "aria-invalid": true as const } : {})}
        />
        <FieldError id="code-error" message={fields.code} />
        <label htmlFor="newPassword">{t("access.recover.newPassword")}</label>
        <p className="hint" id="newPassword-hint">
          {t("access.recover.newPasswordHint")}
        </p>
        <input
          id="newPassword"
          name="newPassword"
          type="password"
          required
          minLength={10}
          autoComplete="new-password"
          aria-invalid={fields.newPassword ? true : undefined}
          aria-describedby={fields.newPassword ? "newPassword-hint newPassword-error" : "newPassword-hint"}
        />
        <FieldError id="newPassword-error" message={fields.newPassword} />
        <SubmitButton label={t("access.recover.submit")} />
      </Form>
      <ul className="access-links">
        <li>
          <Link to="/inloggen">{t("access.login.useLink")}</Link>
        </li>
      </ul>
    </section>
  );
}
