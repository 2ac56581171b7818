import { useTranslation } from "../i18n/i18n.ts";
import { useNavigation } from "react-router";

/** A form's main button: says it is busy, and cannot be pressed twice, while the form is being sent. */
export function SubmitButton({ label }: { label: string }) {
  const { t } = useTranslation();
  const submitting = useNavigation().state === "submitting";
  return (
    <button type="submit" className="button" disabled={submitting}>
      {submitting ? t("common.loading") : label}
    </button>
  );
}
