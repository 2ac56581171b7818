import { Form } from "react-router";
import { useTranslation } from "../../i18n/i18n.ts";
import { field, fieldAria } from "../../lib/forms.ts";
import { FieldError } from "../../components/field-error.tsx";
import { SubmitButton } from "../../components/submit-button.tsx";

/** What the activity form holds, as typed (times as datetime-local values: Amsterdam time). */
export interface ActivityFormValues {
  title: string;
  description: string;
  place: string;
  startsAt: string;
  endsAt: string;
  capacity: string;
  registrationDeadline: string;
  sponsorNote?: string;
  neighbourhoods?: string[];
}

/** Reads the posted form: the values to show again, and the API's JSON body. */
export function readActivityForm(form: FormData) {
  const values: ActivityFormValues = {
    title: field(form, "title"),
    description: field(form, "description"),
    place: field(form, "place"),
    startsAt: field(form, "startsAt"),
    endsAt: field(form, "endsAt"),
    capacity: field(form, "capacity"),
    registrationDeadline: field(form, "registrationDeadline"),
    sponsorNote: field(form, "sponsorNote"),
    neighbourhoods: form.getAll("neighbourhoods").filter((value): value is string => typeof value === "string"),
  };
  const body = {
    title: values.title,
    description: values.description,
    place: values.place,
    startsAt: values.startsAt,
    endsAt: values.endsAt,
    // An empty field is "no maximum"; anything else goes as a number (the API explains what is wrong).
    capacity: values.capacity === "" ? null : /^-?\d+$/.test(values.capacity) ? Number(values.capacity) : values.capacity,
    registrationDeadline: values.registrationDeadline === "" ? null : values.registrationDeadline,
  };
  return { values, body };
}

export const EMPTY_ACTIVITY: ActivityFormValues = { title: "", description: "", place: "", startsAt: "", endsAt: "", capacity: "", registrationDeadline: "", sponsorNote: "" };

interface Props {
  values: ActivityFormValues;
  fields: Record<string, string>;
  submitLabel: string;
  /** A partner's form: which neighbourhoods (slug, name), the sponsor note, and a "save as draft" button. */
  partner?: { neighbourhoods: { slug: string; name: string; sponsoredOff: boolean }[]; draftLabel?: string };
}

export function ActivityForm({ values, fields, submitLabel, partner }: Props) {
  const { t } = useTranslation();
  const text = (name: keyof ActivityFormValues, label: string, options: { hint?: string; type?: string; required?: boolean; max?: number; min?: number } = {}) => (
    <>
      <label htmlFor={name}>{label}</label>
      <input
        id={name}
        name={name}
        type={options.type ?? "text"}
        required={options.required}
        maxLength={options.type ? undefined : options.max}
        min={options.min}
        defaultValue={(values[name] as string | undefined) ?? ""}
        {...fieldAria(fields, name, Boolean(options.hint))}
      />
      {options.hint ? (
        <p className="hint" id={`${name}-hint`}>
          {options.hint}
        </p>
      ) : null}
      <FieldError id={`${name}-error`} message={fields[name]} />
    </>
  );
  return (
    <Form method="post" className="form">
      {text("title", t("activities.form.title"), { required: true, max: 120 })}
      <label htmlFor="description">{t("activities.form.description")}</label>
      <textarea id="description" name="description" rows={5} required maxLength={5000} defaultValue={values.description} {...fieldAria(fields, "description")} />
      <FieldError id="description-error" message={fields.description} />
      {text("place", t("activities.form.place"), { required: true, max: 200, hint: t("activities.form.placeHint") })}
      {text("startsAt", t("activities.form.startsAt"), { type: "datetime-local", required: true, hint: t("activities.form.timeHint") })}
      {text("endsAt", t("activities.form.endsAt"), { type: "datetime-local", required: true })}
      {text("capacity", t("activities.form.capacity"), { type: "number", min: 1, hint: t("activities.form.capacityHint") })}
      {text("registrationDeadline", t("activities.form.registrationDeadline"), { type: "datetime-local" })}
      {partner ? (
        <>
          <fieldset {...fieldAria(fields, "neighbourhoods")}>
            <legend>{t("activities.form.neighbourhoods")}</legend>
            {partner.neighbourhoods.map((place) => (
              <label key={place.slug} className="checkbox">
                <input type="checkbox" name="neighbourhoods" value={place.slug} disabled={place.sponsoredOff} defaultChecked={values.neighbourhoods?.includes(place.slug) ?? partner.neighbourhoods.length === 1} />
                {place.name}
              </label>
            ))}
          </fieldset>
          <FieldError id="neighbourhoods-error" message={fields.neighbourhoods} />
          {text("sponsorNote", t("activities.form.sponsorNote"), { max: 300 })}
        </>
      ) : null}
      <div className="button-row">
        <SubmitButton label={submitLabel} />
        {partner?.draftLabel ? (
          <button type="submit" name="intent" value="draft" className="button secondary">
            {partner.draftLabel}
          </button>
        ) : null}
      </div>
    </Form>
  );
}
