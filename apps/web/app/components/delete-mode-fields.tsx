import { useTranslation } from "../i18n/i18n.ts";
import { FieldError } from "./field-error.tsx";

/** The two choices and the typed confirmation shared by "delete my account" and "remove a member". */
export function DeleteModeFields({
  legend,
  anonymiseLabel,
  removeLabel,
  fields,
  mode,
}: {
  legend: string;
  anonymiseLabel: string;
  removeLabel: string;
  fields: Record<string, string>;
  mode: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <>
      <fieldset className="choices" aria-describedby={fields.mode ? "mode-error" : undefined}>
        <legend>{legend}</legend>
        <label className="choice">
          <input type="radio" name="mode" value="anonymise_posts" required defaultChecked={mode === "anonymise_posts"} />
          {anonymiseLabel}
        </label>
        <label className="choice">
          <input type="radio" name="mode" value="remove_posts" required defaultChecked={mode === "remove_posts"} />
          {removeLabel}
        </label>
      </fieldset>
      <FieldError id="mode-error" message={fields.mode} />
      <label htmlFor="confirm">{t("access.delete.confirm")}</label>
      <input
        id="confirm"
        name="confirm"
        required
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        aria-invalid={fields.confirm ? true : undefined}
        aria-describedby={fields.confirm ? "confirm-error" : undefined}
      />
      <FieldError id="confirm-error" message={fields.confirm} />
    </>
  );
}
