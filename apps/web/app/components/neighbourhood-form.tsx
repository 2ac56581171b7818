import { Form } from "react-router";
import { useTranslation } from "../i18n/i18n.ts";
import { fieldAria } from "../lib/forms.ts";
import { FieldError } from "./field-error.tsx";
import { SubmitButton } from "./submit-button.tsx";

export interface NeighbourhoodFormValues {
  name: string;
  kind: string;
  city: string;
  description: string;
}

/** The fields of a neighbourhood (name, kind, town, description), for creating and for editing. */
export function NeighbourhoodForm({ values, fields, submitLabel }: { values: NeighbourhoodFormValues; fields: Record<string, string>; submitLabel: string }) {
  const { t } = useTranslation();
  return (
    <Form method="post" className="form">
      <label htmlFor="name">{t("neighbourhoodAdmin.form.name")}</label>
      <p className="hint" id="name-hint">
        {t("neighbourhoodAdmin.form.nameHint")}
      </p>
      <input id="name" name="name" required minLength={2} maxLength={80} defaultValue={values.name} {...fieldAria(fields, "name", true)} />
      <FieldError id="name-error" message={fields.name} />

      <fieldset className="choices" {...fieldAria(fields, "kind")}>
        <legend>{t("neighbourhoodAdmin.form.kind")}</legend>
        <label className="choice">
          <input type="radio" name="kind" value="existing" defaultChecked={values.kind !== "new_build"} />
          {t("neighbourhoodAdmin.form.kindExisting")}
        </label>
        <label className="choice">
          <input type="radio" name="kind" value="new_build" defaultChecked={values.kind === "new_build"} />
          {t("neighbourhoodAdmin.form.kindNewBuild")}
        </label>
      </fieldset>
      <FieldError id="kind-error" message={fields.kind} />

      <label htmlFor="city">{t("neighbourhoodAdmin.form.city")}</label>
      <input id="city" name="city" maxLength={80} autoComplete="address-level2" defaultValue={values.city} {...fieldAria(fields, "city")} />
      <FieldError id="city-error" message={fields.city} />

      <label htmlFor="description">{t("neighbourhoodAdmin.form.description")}</label>
      <p className="hint" id="description-hint">
        {t("neighbourhoodAdmin.form.descriptionHint")}
      </p>
      <textarea id="description" name="description" rows={3} maxLength={500} defaultValue={values.description} {...fieldAria(fields, "description", true)} />
      <FieldError id="description-error" message={fields.description} />

      <SubmitButton label={submitLabel} />
    </Form>
  );
}
