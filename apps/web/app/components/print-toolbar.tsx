import { useTranslation } from "../i18n/i18n.ts";
import { Link } from "react-router";
import { PrintButton } from "./print-button.tsx";

/** Above a letter or poster on screen only: back, print, and how to make a PDF. */
export function PrintToolbar({ backTo = "/beheer/uitnodigingen", backLabel }: { backTo?: string; backLabel?: string }) {
  const { t } = useTranslation();
  return (
    <div className="print-toolbar no-print">
      <Link to={backTo}>{backLabel ?? t("invites.admin.backToList")}</Link>
      <PrintButton label={t("invites.admin.print")} />
      <p className="hint">{t("invites.admin.printHint")}</p>
    </div>
  );
}
