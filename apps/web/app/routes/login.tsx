import { useTranslation } from "react-i18next";
import { data, Form, redirect, useActionData, useNavigation, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { callApi, forwardCookies } from "../lib/api.server.ts";
import { field } from "../lib/forms.ts";
import { requestSiteContext } from "../lib/site-context.ts";
import { FieldError, FormError } from "../components/field-error.tsx";

export const meta: MetaFunction = () => [{ title: "Inloggen — Buurtplein" }];

function requireTenant(kind: string) {
  if (kind !== "tenant") throw data({ code: "not_found" }, { status: 404 });
}

export async function loader({ context }: LoaderFunctionArgs) {
  const { site, viewer } = context.get(requestSiteContext);
  requireTenant(site.kind);
  if (viewer) throw redirect("/");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  requireTenant(context.get(requestSiteContext).site.kind);
  const form = await request.formData();
  const email = field(form, "email");
  const password = typeof form.get("password") === "string" ? (form.get("password") as string) : "";
  const result = await callApi(request, "/api/auth/login", { method: "POST", body: { email, password } });
  if (result.ok) throw redirect("/", { headers: forwardCookies(result) });
  const fields = ((result.error?.details as { fields?: Record<string, string> } | undefined)?.fields ?? {}) as Record<string, string>;
  return data({ email, error: result.error?.message ?? null, fields }, { status: result.status });
}

export default function Login() {
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const fields = result?.fields ?? {};
  return (
    <section className="card narrow">
      <h1>{t("login.title")}</h1>
      <FormError message={result?.error} />
      <Form method="post" className="form">
        <label htmlFor="email">{t("login.email")}</label>
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
        <label htmlFor="password">{t("login.password")}</label>
        <input id="password" name="password" type="password" required autoComplete="current-password" />
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {navigation.state === "submitting" ? t("common.loading") : t("login.submit")}
        </button>
      </Form>
    </section>
  );
}
