import { useTranslation } from "../i18n/i18n.ts";
import { fieldAria } from "../lib/forms.ts";
import { FieldError } from "./field-error.tsx";

export interface ComplexFormValues {
  code: string;
  name: string;
  street: string;
  houseNumbers: string;
  postcode: string;
}

export const EMPTY_COMPLEX: ComplexFormValues = { code: "", name: "", street: "", houseNumbers: "", postcode: "" };

/** The fields of a complex (code, name, street, house numbers, postcode), inside a form. */
export function ComplexFields({ values, fields }: { values: ComplexFormValues; fields: Record<string, string> }) {
  const { t } = useTranslation();
  return (
    <>
      <label htmlFor="code">{t("neighbourhoodAdmin.complexes.code")}</label>
      <p className="hint" id="code-hint">
        {t("neighbourhoodAdmin.complexes.codeHint")}
      </p>
      <input id="code" name="code" required maxLength={30} autoCapitalize="characters" spellCheck={false} defaultValue={values.code} {...fieldAria(fields, "code", true)} />
      <FieldError id="code-error" message={fields.code} />

      <label htmlFor="complex-name">{t("neighbourhoodAdmin.complexes.name")}</label>
      <input id="complex-name" name="name" required minLength={2} maxLength={80} defaultValue={values.name} {...fieldAria(fields, "name")} aria-describedby={fields.name ? "complex-name-error" : undefined} />
      <FieldError id="complex-name-error" message={fields.name} />

      <label htmlFor="street">{t("neighbourhoodAdmin.complexes.street")}</label>
      <input id="street" name="street" maxLength={80} autoComplete="address-line1" defaultValue={values.street} {...fieldAria(fields, "street")} />
      <FieldError id="street-error" message={fields.street} />

      <label htmlFor="houseNumbers">{t("neighbourhoodAdmin.complexes.houseNumbers")}</label>
      <p className="hint" id="houseNumbers-hint">
        {t("neighbourhoodAdmin.complexes.houseNumbersHint")}
      </p>
      <input id="houseNumbers" name="houseNumbers" maxLength={20} defaultValue={values.houseNumbers} {...fieldAria(fields, "houseNumbers", true)} />
      <FieldError id="houseNumbers-error" message={fields.houseNumbers} />

      <label htmlFor="postcode">{t("neighbourhoodAdmin.complexes.postcode")}</label>
      <p className="hint" id="postcode-hint">
        {t("neighbourhoodAdmin.complexes.postcodeHint")}
      </p>
      <input id="postcode" name="postcode" maxLength={10} autoComplete="postal-code" autoCapitalize="characters" defaultValue={values.postcode} {...fieldAria(fields, "postcode", true)} />
      <FieldError id="postcode-error" message={fields.postcode} />
    </>
  );
}

/** The values a complex form sent. */
export function complexFormValues(read: (name: string) => string): ComplexFormValues {
  return { code: read("code"), name: read("name"), street: read("street"), houseNumbers: read("houseNumbers"), postcode: read("postcode") };
}
