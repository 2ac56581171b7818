import { useTranslation } from "../../i18n/i18n.ts";
import { data, Form, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { callApi } from "../../lib/api.server.ts";
import { field, fieldAria, secretField, readForm } from "../../lib/forms.ts";
import { fieldErrors } from "../../lib/api-errors.ts";
import { requestSiteContext } from "../../lib/site-context.ts";
import { FieldError, FormError } from "../../components/field-error.tsx";
import { SubmitButton } from "../../components/submit-button.tsx";

export const meta: MetaFunction = () => [{ title: "Aanmelden — Buurtplein" }];

function requireApex(kind: string) {
  if (kind !== "apex") throw data({ code: "not_found" }, { status: 404 });
}

export async function loader({ context, request }: LoaderFunctionArgs) {
  requireApex(context.get(requestSiteContext).site.kind);
  return { host: new URL(request.url).host };
}

export async function action({ request, context }: ActionFunctionArgs) {
  requireApex(context.get(requestSiteContext).site.kind);
  const form = await readForm(request);
  const values = {
    name: field(form, "name"),
    slug: field(form, "slug").toLowerCase(),
    adminName: field(form, "adminName"),
    adminEmail: field(form, "adminEmail"),
    adminPassword: secretField(form, "adminPassword"),
  };
  const result = await callApi(request, (api) => api.signup.$post(), { json: values });
  if (result.ok) return { done: result.data.tenant, values: null, error: null, fields: {} };
  const fields = fieldErrors(result.error?.details);
  // Keep what was typed (except the password) so nothing is lost.
  return data({ done: null, values: { ...values, adminPassword: "" }, error: result.error?.message ?? null, fields }, { status: result.status });
}

export default function Signup() {
  const { host } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  if (result?.done) {
    return (
      <section className="card">
        <h1>{t("signup.doneTitle")}</h1>
        <p>{t("signup.doneText")}</p>
        <a className="button" href={`${result.done.url}/inloggen?met=wachtwoord`}>
          {t("signup.goThere", { url: result.done.url })}
        </a>
      </section>
    );
  }
  const values = result?.values;
  const fields = result?.fields ?? {};
  const input = (name: "name" | "slug" | "adminName" | "adminEmail" | "adminPassword") => ({
    id: name,
    name,
    defaultValue: values?.[name] ?? "",
    ...fieldAria(fields, name),
  });
  return (
    <section className="card">
      <h1>{t("signup.title")}</h1>
      <p>{t("signup.intro")}</p>
      <FormError message={result?.error} />
      <Form method="post" className="form">
        <label htmlFor="name">{t("signup.name")}</label>
        <input {...input("name")} required minLength={2} maxLength={100} autoComplete="organization" />
        <FieldError id="name-error" message={fields.name} />

        <label htmlFor="slug">{t("signup.slug")}</label>
        <p className="hint" id="slug-hint">
          {t("signup.slugHint", { example: `naam.${host}` })}
        </p>
        <input {...input("slug")} required minLength={3} maxLength={40} pattern="[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?" autoCapitalize="none" spellCheck={false} />
        <FieldError id="slug-error" message={fields.slug} />

        <label htmlFor="adminName">{t("signup.adminName")}</label>
        <input {...input("adminName")} required minLength={2} maxLength={80} autoComplete="name" />
        <FieldError id="adminName-error" message={fields.adminName} />

        <label htmlFor="adminEmail">{t("signup.adminEmail")}</label>
        <input {...input("adminEmail")} type="email" required autoComplete="email" />
        <FieldError id="adminEmail-error" message={fields.adminEmail} />

        <label htmlFor="adminPassword">{t("signup.adminPassword")}</label>
        <p className="hint">{t("signup.adminPasswordHint")}</p>
        <input {...input("adminPassword")} type="password" required minLength={10} autoComplete="new-password" />
        <FieldError id="adminPassword-error" message={fields.adminPassword} />

        <SubmitButton label={t("signup.submit")} />
      </Form>
    </section>
  );
}
