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
import { callApi, forwardCookies } from "../../lib/api.server.ts";
import { field, secretField, readForm } from "../../lib/forms.ts";
import { assertTenantSite, requestSiteContext } from "../../lib/site-context.ts";
import { devToolsEnabled } from "../../lib/dev-tools.server.ts";
import { failureNote, failureText, fieldErrors, type FormFailure } from "../../lib/api-errors.ts";
import { FieldError, FormError } from "../../components/field-error.tsx";
import { SubmitButton } from "../../components/submit-button.tsx";

// /inloggen — a login link by e-mail first (no password to remember); ?met=wachtwoord for e-mail or
// login name + password. Two plain forms: works without JavaScript.

export const meta: MetaFunction = () => [{ title: "Inloggen — Buurtplein" }];

export async function loader({ context, request }: LoaderFunctionArgs) {
  const { site, viewer } = context.get(requestSiteContext);
  assertTenantSite(site);
  if (viewer) throw redirect("/");
  const mode = new URL(request.url).searchParams.get("met") === "wachtwoord" ? ("password" as const) : ("link" as const);
  return { mode, devMailbox: devToolsEnabled() };
}

interface ActionResult {
  intent: "link" | "password";
  sent: boolean;
  email: string;
  identifier: string;
  failure: FormFailure | null;
  fields: Record<string, string>;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { site, locale } = context.get(requestSiteContext);
  assertTenantSite(site);
  const form = await readForm(request);
  if (field(form, "intent") === "link") {
    const email = field(form, "email");
    const result = await callApi(request, (api) => api.auth["magic-link"].$post(), { json: { email, locale } });
    if (result.ok) return { intent: "link", sent: true, email, identifier: "", failure: null, fields: {} } satisfies ActionResult;
    return data(
      { intent: "link", sent: false, email, identifier: "", failure: result.error, fields: fieldErrors(result.error?.details) } satisfies ActionResult,
      { status: result.status },
    );
  }
  const identifier = field(form, "identifier");
  const password = secretField(form, "password");
  const result = await callApi(request, (api) => api.auth.login.$post(), { json: { identifier, password } });
  if (result.ok) throw redirect("/", { headers: forwardCookies(result) });
  return data(
    { intent: "password", sent: false, email: "", identifier, failure: result.error, fields: fieldErrors(result.error?.details) } satisfies ActionResult,
    { status: result.status },
  );
}

export default function Login() {
  const { mode, devMailbox } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const fields: Record<string, string> = result?.fields ?? {};
  const error = failureText(t, result?.failure);
  const note = failureNote(t, result?.failure);

  if (result?.intent === "link" && result.sent) {
    return (
      <section className="card narrow" aria-labelledby="sent-heading">
        <h1 id="sent-heading">{t("access.login.sentTitle")}</h1>
        <p role="status">{t("access.login.sentText", { email: result.email })}</p>
        <p>{t("access.login.sentHint")}</p>
        {devMailbox ? (
          <p className="notice">
            {t("access.login.devMailbox")} <a href="/dev/mail">/dev/mail</a>
          </p>
        ) : null}
        <Link className="button secondary" to="/inloggen">
          {t("access.login.sentAgain")}
        </Link>
      </section>
    );
  }

  if (mode === "password") {
    return (
      <section className="card narrow">
        <h1>{t("access.login.title")}</h1>
        <p>{t("access.login.passwordIntro")}</p>
        <FormError message={error} note={note} />
        <Form method="post" className="form" action="/inloggen?met=wachtwoord">
          <input type="hidden" name="intent" value="password" />
          <label htmlFor="identifier">{t("access.login.identifier")}</label>
          <p className="hint" id="identifier-hint">
            {t("access.login.identifierHint")}
          </p>
          <input
            id="identifier"
            name="identifier"
            required
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            defaultValue={result?.identifier ?? ""}
            aria-invalid={fields.identifier || fields.email ? true : undefined}
            aria-describedby={fields.identifier || fields.email ? "identifier-hint identifier-error" : "identifier-hint"}
          />
          <FieldError id="identifier-error" message={fields.identifier ?? fields.email} />
          <label htmlFor="password">{t("access.login.password")}</label>
          <input id="password" name="password" type="password" required autoComplete="current-password" />
          <SubmitButton label={t("access.login.submit")} />
        </Form>
        <ul className="access-links">
          <li>
            <Link to="/inloggen">{t("access.login.useLink")}</Link>
          </li>
          <li>
            <Link to="/herstel">{t("access.login.recover")}</Link>
          </li>
        </ul>
      </section>
    );
  }

  return (
    <section className="card narrow">
      <h1>{t("access.login.title")}</h1>
      <p>{t("access.login.linkIntro")}</p>
      <FormError message={error} note={note} />
      <Form method="post" className="form">
        <input type="hidden" name="intent" value="link" />
        <label htmlFor="email">{t("access.login.email")}</label>
        <input
          id="email"
          name="email"
          type="email"
          required
          autoComplete="email"
          defaultValue={result?.email ?? ""}
          aria-invalid={fields.email ? true : undefined}
          aria-describedby={fields.email ? "email-error" : undefined}
        />
        <FieldError id="email-error" message={fields.email} />
        <SubmitButton label={t("access.login.sendLink")} />
      </Form>
      <ul className="access-links">
        <li>
          <Link to="/inloggen?met=wachtwoord">{t("access.login.usePassword")}</Link>
        </li>
        <li>
          <Link to="/herstel">{t("access.login.recover")}</Link>
        </li>
      </ul>
    </section>
  );
}
