import { data, Form, redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { SIGNAL_CATEGORIES, SIGNAL_NOTICED } from "@buurtplein/core";
import { useTranslation } from "../../i18n/i18n.ts";
import { callApi } from "../../lib/api.server.ts";
import { field, fieldAria, readForm } from "../../lib/forms.ts";
import { fieldErrors } from "../../lib/api-errors.ts";
import { assertTenantSite, requestSiteContext } from "../../lib/site-context.ts";
import { FieldError, FormError } from "../../components/field-error.tsx";
import { SubmitButton } from "../../components/submit-button.tsx";

// /zorgmelding — "Ik maak me zorgen": a concern about a neighbour, or a request for help for oneself.
// It asks what was noticed (never appearance or origin), says plainly it is no emergency service, and
// says what is shared with whom (decision 027).

export const meta: MetaFunction = () => [{ title: "Ik maak me zorgen — Buurtplein" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { site, viewer } = context.get(requestSiteContext);
  assertTenantSite(site);
  if (!viewer) throw redirect("/inloggen");
  const result = await callApi(request, (api) => api.neighbourhoods.$get());
  if (!result.ok) throw data({ code: result.error?.code }, { status: result.status });
  const chosen = new URL(request.url).searchParams.get("buurt") ?? "";
  return { neighbourhoods: result.data.neighbourhoods.map(({ slug, name }) => ({ slug, name })), chosen };
}

export async function action({ request, context }: ActionFunctionArgs) {
  if (!context.get(requestSiteContext).viewer) throw redirect("/inloggen");
  const form = await readForm(request);
  const values = {
    about: field(form, "about") || "neighbour",
    category: field(form, "category"),
    noticed: form.getAll("noticed").map(String),
    description: field(form, "description"),
    neighbourhood: field(form, "neighbourhood"),
    address: field(form, "address"),
    contact: field(form, "contact"),
    consent: form.get("consent") === "on",
  };
  const result = await callApi(request, (api) => api.signals.$post(), { json: values });
  if (result.ok) throw redirect("/mijn-zorgen?gemeld=1");
  return data({ values, error: result.error?.message ?? null, fields: fieldErrors(result.error?.details) }, { status: result.status });
}

export default function RaiseConcern() {
  const { neighbourhoods, chosen } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const fields = result?.fields ?? {};
  const values = result?.values;
  return (
    <section className="card concern-form">
      <h1>{t("care.raise.title")}</h1>
      <p>{t("care.raise.intro")}</p>
      <p className="notice" role="note">
        {t("care.raise.emergency")}
      </p>
      <p className="hint">{t("care.raise.private")}</p>
      <FormError message={result?.error} />
      <Form method="post" className="form">
        <fieldset>
          <legend>{t("care.raise.about")}</legend>
          <label className="checkbox">
            <input type="radio" name="about" value="neighbour" defaultChecked={(values?.about ?? "neighbour") === "neighbour"} />
            {t("care.raise.aboutNeighbour")}
          </label>
          <label className="checkbox">
            <input type="radio" name="about" value="myself" defaultChecked={values?.about === "myself"} />
            {t("care.raise.aboutMyself")}
          </label>
          <p className="hint">{t("care.raise.neighbourShares")}</p>
        </fieldset>
        <label htmlFor="category">{t("care.raise.category")}</label>
        <select id="category" name="category" required defaultValue={values?.category ?? ""} {...fieldAria(fields, "category")}>
          <option value="" disabled>
            —
          </option>
          {SIGNAL_CATEGORIES.map((category) => (
            <option key={category} value={category}>
              {t(`care.categories.${category}`)}
            </option>
          ))}
        </select>
        <FieldError id="category-error" message={fields.category} />
        <fieldset>
          <legend>{t("care.raise.noticedLegend")}</legend>
          {SIGNAL_NOTICED.map((item) => (
            <label key={item} className="checkbox">
              <input type="checkbox" name="noticed" value={item} defaultChecked={values?.noticed.includes(item) ?? false} />
              {t(`care.noticed.${item}`)}
            </label>
          ))}
        </fieldset>
        <label htmlFor="description">{t("care.raise.description")}</label>
        <p className="hint" id="description-hint">
          {t("care.raise.descriptionHint")}
        </p>
        <textarea id="description" name="description" rows={5} required minLength={10} maxLength={2000} defaultValue={values?.description ?? ""} {...fieldAria(fields, "description", true)} />
        <FieldError id="description-error" message={fields.description} />
        <label htmlFor="neighbourhood">{t("care.raise.neighbourhood")}</label>
        <select id="neighbourhood" name="neighbourhood" required defaultValue={values?.neighbourhood ?? (chosen || neighbourhoods[0]?.slug)} {...fieldAria(fields, "neighbourhood")}>
          {neighbourhoods.map((place) => (
            <option key={place.slug} value={place.slug}>
              {place.name}
            </option>
          ))}
        </select>
        <FieldError id="neighbourhood-error" message={fields.neighbourhood} />
        <label htmlFor="address">{t("care.raise.address")}</label>
        <input id="address" name="address" maxLength={200} defaultValue={values?.address ?? ""} {...fieldAria(fields, "address")} />
        <FieldError id="address-error" message={fields.address} />
        <label htmlFor="contact">{t("care.raise.contact")}</label>
        <input id="contact" name="contact" maxLength={200} defaultValue={values?.contact ?? ""} {...fieldAria(fields, "contact")} />
        <FieldError id="contact-error" message={fields.contact} />
        <label className="checkbox">
          <input type="checkbox" name="consent" defaultChecked={values?.consent ?? false} aria-describedby="consent-hint" />
          {t("care.raise.consent")}
        </label>
        <p className="hint" id="consent-hint">
          {t("care.raise.consentHint")}
        </p>
        <FieldError id="consent-error" message={fields.consent} />
        <SubmitButton label={t("care.raise.submit")} />
      </Form>
    </section>
  );
}
