import { data, Form, Link, redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { useTranslation } from "../../i18n/i18n.ts";
import { callApi } from "../../lib/api.server.ts";
import { fieldErrors } from "../../lib/api-errors.ts";
import { field, fieldAria, readForm } from "../../lib/forms.ts";
import { requirePageViewer } from "../../lib/invite-pages.ts";
import { FieldError, FormError } from "../../components/field-error.tsx";
import { SubmitButton } from "../../components/submit-button.tsx";
import type { RouteHandle } from "../../root.tsx";
import { ColourField } from "./colour-field.tsx";
import { LogoSection } from "../../components/logo-section.tsx";
import { uploadedFile, viewerIsAdmin } from "./branding-pages.server.ts";

// /beheer/huisstijl — an admin sets the name, tagline, colours (checked live for contrast where
// JavaScript runs; the API's check is the truth), default language, sponsor statement, own house rules
// and the logo. Saved changes show at once on every page.

export const handle: RouteHandle = { hydrate: true };

export const meta: MetaFunction = () => [{ title: "Huisstijl — Buurtplein" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  requirePageViewer(context, viewerIsAdmin);
  const result = await callApi(request, (api) => api.settings.branding.$get());
  if (!result.ok) throw data({ code: result.error.code }, { status: result.status });
  const notice = new URL(request.url).searchParams.get("klaar");
  return { branding: result.data.branding, notice: notice === "opgeslagen" || notice === "logo" || notice === "logo-weg" ? notice : null };
}

const TEXT_FIELDS = ["displayName", "tagline", "primaryColor", "accentColor", "sponsorStatement", "houseRules", "defaultLanguage"] as const;
type TextField = (typeof TEXT_FIELDS)[number];

export async function action({ request, context }: ActionFunctionArgs) {
  requirePageViewer(context, viewerIsAdmin);
  const form = await readForm(request);
  const intent = field(form, "intent");
  if (intent === "remove-logo") {
    const removed = await callApi(request, (api) => api.settings.logo.$delete());
    if (!removed.ok) return data({ intent, values: null, failure: removed.error.message, fields: {} as Record<string, string> }, { status: removed.status });
    throw redirect("/beheer/huisstijl?klaar=logo-weg");
  }
  if (intent === "logo") {
    const file = await uploadedFile(form, "logo");
    if (!file) return data({ intent, values: null, failure: null, fields: { logo: "missing" } as Record<string, string> }, { status: 422 });
    const uploaded = await callApi(request, (api) => api.settings.logo.$put(), { raw: file });
    if (!uploaded.ok) return data({ intent, values: null, failure: null, fields: { logo: uploaded.error.message } as Record<string, string> }, { status: uploaded.status });
    throw redirect("/beheer/huisstijl?klaar=logo");
  }
  const values = Object.fromEntries(TEXT_FIELDS.map((name) => [name, typeof form.get(name) === "string" ? String(form.get(name)) : ""])) as Record<TextField, string>;
  const saved = await callApi(request, (api) => api.settings.branding.$patch(), { json: values });
  if (saved.ok) throw redirect("/beheer/huisstijl?klaar=opgeslagen");
  return data({ intent: "save", values, failure: saved.error.message, fields: fieldErrors(saved.error.details) }, { status: saved.status });
}

export default function AdminBranding() {
  const { branding, notice } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const fields: Record<string, string> = result?.fields ?? {};
  const values = result?.values ?? null;
  const value = (name: TextField) => values?.[name] ?? (name === "defaultLanguage" ? branding.defaultLanguage : (branding[name] ?? ""));
  const text = (name: "displayName" | "tagline") => ({ id: name, name, defaultValue: value(name), ...fieldAria(fields, name, true) });
  const logoError = fields.logo === "missing" ? t("branding.logo.missing") : fields.logo;

  return (
    <div className="admin-branding">
      <h1>{t("branding.settings.title")}</h1>
      <p>{t("branding.settings.intro")}</p>
      {notice ? (
        <p className="success" role="status">
          {t(notice === "opgeslagen" ? "branding.settings.saved" : notice === "logo" ? "branding.logo.uploaded" : "branding.logo.removed")}
        </p>
      ) : null}
      <p>
        <Link to="/beheer/sponsors">{t("branding.settings.sponsorsLink")}</Link>
      </p>

      <section className="card" aria-labelledby="branding-form-title">
        <h2 id="branding-form-title">{t("branding.settings.formTitle")}</h2>
        <FormError message={result?.intent === "save" ? result.failure : null} />
        <Form method="post" className="form" noValidate>
          <input type="hidden" name="intent" value="save" />
          <label htmlFor="displayName">{t("branding.settings.displayName")}</label>
          <p className="hint" id="displayName-hint">
            {t("branding.settings.displayNameHint")}
          </p>
          <input {...text("displayName")} required minLength={2} maxLength={80} />
          <FieldError id="displayName-error" message={fields.displayName} />

          <label htmlFor="tagline">{t("branding.settings.tagline")}</label>
          <p className="hint" id="tagline-hint">
            {t("branding.settings.taglineHint")}
          </p>
          <input {...text("tagline")} maxLength={140} />
          <FieldError id="tagline-error" message={fields.tagline} />

          <fieldset className="colours">
            <legend>{t("branding.settings.colours")}</legend>
            <p className="hint">{t("branding.settings.coloursHint")}</p>
            <ColourField
              key={`primary-${value("primaryColor")}`}
              name="primaryColor"
              label={t("branding.settings.primaryColor")}
              hint={t("branding.settings.primaryColorHint")}
              defaultValue={value("primaryColor")}
              serverError={fields.primaryColor}
            />
            <ColourField
              key={`accent-${value("accentColor")}`}
              name="accentColor"
              label={t("branding.settings.accentColor")}
              hint={t("branding.settings.accentColorHint")}
              defaultValue={value("accentColor")}
              serverError={fields.accentColor}
            />
          </fieldset>

          <label htmlFor="defaultLanguage">{t("branding.settings.defaultLanguage")}</label>
          <p className="hint" id="defaultLanguage-hint">
            {t("branding.settings.defaultLanguageHint")}
          </p>
          <select id="defaultLanguage" name="defaultLanguage" defaultValue={value("defaultLanguage")} {...fieldAria(fields, "defaultLanguage", true)}>
            <option value="nl">{t("branding.settings.languages.nl")}</option>
            <option value="en">{t("branding.settings.languages.en")}</option>
          </select>
          <FieldError id="defaultLanguage-error" message={fields.defaultLanguage} />

          <label htmlFor="sponsorStatement">{t("branding.settings.sponsorStatement")}</label>
          <p className="hint" id="sponsorStatement-hint">
            {t("branding.settings.sponsorStatementHint")}
          </p>
          <textarea id="sponsorStatement" name="sponsorStatement" rows={2} maxLength={300} defaultValue={value("sponsorStatement")} {...fieldAria(fields, "sponsorStatement", true)} />
          <FieldError id="sponsorStatement-error" message={fields.sponsorStatement} />

          <label htmlFor="houseRules">{t("branding.settings.houseRules")}</label>
          <p className="hint" id="houseRules-hint">
            {t("branding.settings.houseRulesHint")}
          </p>
          <textarea id="houseRules" name="houseRules" rows={5} maxLength={3000} defaultValue={value("houseRules")} {...fieldAria(fields, "houseRules", true)} />
          <FieldError id="houseRules-error" message={fields.houseRules} />

          <SubmitButton label={t("branding.settings.submit")} />
        </Form>
      </section>

      <LogoSection id="logo-title" title={t("branding.logo.title")} logoUrl={branding.logoUrl} name={branding.displayName} error={logoError} current={t("branding.logo.current")} />
    </div>
  );
}
