import { useTranslation } from "../../i18n/i18n.ts";
import { fieldAria } from "../../lib/forms.ts";
import { FieldError } from "../../components/field-error.tsx";

export interface SponsorValues {
  name: string;
  website: string;
  description: string;
}

/** Name, website and description of a sponsor (the add and the edit form). */
export function SponsorFields({ values, fields }: { values: Partial<SponsorValues> | null; fields: Record<string, string> }) {
  const { t } = useTranslation();
  return (
    <>
      <label htmlFor="name">{t("branding.sponsors.name")}</label>
      <input id="name" name="name" defaultValue={values?.name ?? ""} required minLength={2} maxLength={80} {...fieldAria(fields, "name")} />
      <FieldError id="name-error" message={fields.name} />

      <label htmlFor="website">{t("branding.sponsors.website")}</label>
      <p className="hint" id="website-hint">
        {t("branding.sponsors.websiteHint")}
      </p>
      <input id="website" name="website" type="url" inputMode="url" defaultValue={values?.website ?? ""} maxLength={300} {...fieldAria(fields, "website", true)} />
      <FieldError id="website-error" message={fields.website} />

      <label htmlFor="description">{t("branding.sponsors.description")}</label>
      <p className="hint" id="description-hint">
        {t("branding.sponsors.descriptionHint")}
      </p>
      <textarea id="description" name="description" rows={2} maxLength={300} defaultValue={values?.description ?? ""} {...fieldAria(fields, "description", true)} />
      <FieldError id="description-error" message={fields.description} />
    </>
  );
}

export function sponsorValues(form: FormData): SponsorValues {
  const read = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value.trim() : "";
  };
  return { name: read("name"), website: read("website"), description: read("description") };
}
