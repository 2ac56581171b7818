import { data, Form, redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { SIGNAL_CATEGORIES } from "@buurtplein/core";
import { useTranslation } from "../../i18n/i18n.ts";
import { callApi } from "../../lib/api.server.ts";
import { field, readForm } from "../../lib/forms.ts";
import { fieldErrors } from "../../lib/api-errors.ts";
import { assertTenantSite, requestSiteContext } from "../../lib/site-context.ts";
import { FieldError, FormError } from "../../components/field-error.tsx";
import { SubmitButton } from "../../components/submit-button.tsx";

// /beheer/zorgmeldingen/regels — admin: which care organisation receives which signals (category ×
// neighbourhood, "any" for either), and the reminder, escalation and retention times, the social
// coordinator and the privacy officer (decision 027).

export const meta: MetaFunction = () => [{ title: "Verdeling zorgmeldingen — Buurtplein" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { site, viewer } = context.get(requestSiteContext);
  assertTenantSite(site);
  if (!viewer) throw redirect("/inloggen");
  const result = await callApi(request, (api) => api.care.rules.$get());
  if (!result.ok) throw data({ code: result.error?.code }, { status: result.status });
  return result.data;
}

export async function action({ request, context }: ActionFunctionArgs) {
  if (!context.get(requestSiteContext).viewer) throw redirect("/inloggen");
  const form = await readForm(request);
  const intent = field(form, "intent");
  const result =
    intent === "remove"
      ? await callApi(request, (api) => api.care.rules[":id"].$delete({ param: { id: encodeURIComponent(field(form, "id")) } }))
      : intent === "settings"
        ? await callApi(request, (api) => api.care.settings.$put(), {
            json: {
              reminderWorkingDays: Number(field(form, "reminderWorkingDays")),
              escalationWorkingDays: Number(field(form, "escalationWorkingDays")),
              retentionMonths: Number(field(form, "retentionMonths")),
              coordinatorId: field(form, "coordinatorId") || null,
              privacyOfficerId: field(form, "privacyOfficerId") || null,
            },
          })
        : await callApi(request, (api) => api.care.rules.$post(), {
            json: { category: field(form, "category") || null, neighbourhood: field(form, "neighbourhood") || null, organisationId: field(form, "organisationId") },
          });
  if (result.ok) throw redirect("/beheer/zorgmeldingen/regels");
  return data({ intent, error: result.error?.message ?? null, fields: fieldErrors(result.error?.details) }, { status: result.status });
}

export default function CareRules() {
  const { rules, settings, organisations, neighbourhoods, staff } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const fields = result?.fields ?? {};
  const ruleFields = result?.intent === "rule" ? fields : {};
  const settingFields = result?.intent === "settings" ? fields : {};
  return (
    <section>
      <h1>{t("care.rules.title")}</h1>
      <p>{t("care.rules.intro")}</p>
      <FormError message={result?.error} />
      {rules.length === 0 ? (
        <p className="empty">{t("care.rules.none")}</p>
      ) : (
        <ul className="invite-list">
          {rules.map((rule) => (
            <li key={rule.id} className="card">
              <p>
                {rule.category ? t(`care.categories.${rule.category as "other"}`) : t("care.rules.anyCategory")} · {rule.neighbourhood ?? t("care.rules.anyNeighbourhood")} →{" "}
                <strong>{rule.organisation}</strong>
              </p>
              <Form method="post">
                <input type="hidden" name="intent" value="remove" />
                <input type="hidden" name="id" value={rule.id} />
                <button type="submit" className="button secondary">
                  {t("care.rules.remove")}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
      <p className="hint">{t("care.rules.fallback")}</p>

      <h2>{t("care.rules.add")}</h2>
      <Form method="post" className="form card">
        <input type="hidden" name="intent" value="rule" />
        <label htmlFor="category">{t("care.signal.category")}</label>
        <select id="category" name="category" defaultValue="">
          <option value="">{t("care.rules.anyCategory")}</option>
          {SIGNAL_CATEGORIES.map((category) => (
            <option key={category} value={category}>
              {t(`care.categories.${category}`)}
            </option>
          ))}
        </select>
        <FieldError id="category-error" message={ruleFields.category} />
        <label htmlFor="neighbourhood">{t("care.signal.neighbourhood")}</label>
        <select id="neighbourhood" name="neighbourhood" defaultValue="">
          <option value="">{t("care.rules.anyNeighbourhood")}</option>
          {neighbourhoods.map((place) => (
            <option key={place.slug} value={place.slug}>
              {place.name}
            </option>
          ))}
        </select>
        <FieldError id="neighbourhood-error" message={ruleFields.neighbourhood} />
        <label htmlFor="organisationId">{t("care.rules.organisation")}</label>
        <select id="organisationId" name="organisationId" required defaultValue="">
          <option value="" disabled>
            —
          </option>
          {organisations.map((organisation) => (
            <option key={organisation.id} value={organisation.id}>
              {organisation.name}
            </option>
          ))}
        </select>
        <FieldError id="organisationId-error" message={ruleFields.organisationId} />
        <SubmitButton label={t("care.rules.add")} />
      </Form>

      <h2>{t("care.rules.settings")}</h2>
      <Form method="post" className="form card">
        <input type="hidden" name="intent" value="settings" />
        <label htmlFor="reminderWorkingDays">{t("care.rules.reminderDays")}</label>
        <input id="reminderWorkingDays" name="reminderWorkingDays" type="number" min={1} max={30} required defaultValue={settings.reminderWorkingDays} />
        <FieldError id="reminderWorkingDays-error" message={settingFields.reminderWorkingDays} />
        <label htmlFor="escalationWorkingDays">{t("care.rules.escalationDays")}</label>
        <input id="escalationWorkingDays" name="escalationWorkingDays" type="number" min={1} max={60} required defaultValue={settings.escalationWorkingDays} />
        <FieldError id="escalationWorkingDays-error" message={settingFields.escalationWorkingDays} />
        <label htmlFor="retentionMonths">{t("care.rules.retentionMonths")}</label>
        <input id="retentionMonths" name="retentionMonths" type="number" min={1} max={60} required defaultValue={settings.retentionMonths} />
        <FieldError id="retentionMonths-error" message={settingFields.retentionMonths} />
        {(["coordinatorId", "privacyOfficerId"] as const).map((name) => (
          <div key={name}>
            <label htmlFor={name}>{t(name === "coordinatorId" ? "care.rules.coordinator" : "care.rules.privacyOfficer")}</label>
            <select id={name} name={name} defaultValue={settings[name] ?? ""}>
              <option value="">{t("care.rules.nobody")}</option>
              {staff.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.name}
                </option>
              ))}
            </select>
            <FieldError id={`${name}-error`} message={settingFields[name]} />
          </div>
        ))}
        <SubmitButton label={t("care.rules.save")} />
      </Form>
    </section>
  );
}
