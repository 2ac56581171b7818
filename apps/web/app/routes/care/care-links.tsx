import { Link } from "react-router";
import { useTranslation } from "../../i18n/i18n.ts";

/** The ways into early warning from the neighbourhoods page, by role (decision 027). */
export function CareLinks({ role }: { role: string }) {
  const { t } = useTranslation();
  if (role === "partner") return null;
  if (role === "care_partner") {
    return (
      <p className="care-links">
        <Link className="button" to="/zorg">
          {t("care.links.inbox")}
        </Link>
      </p>
    );
  }
  const staff = role === "admin" || role === "moderator";
  return (
    <p className="care-links">
      <Link to="/zorgmelding">{t("care.links.raise")}</Link> · <Link to="/mijn-zorgen">{t("care.links.mine")}</Link>
      {staff ? (
        <>
          {" "}
          · <Link to="/beheer/zorgmeldingen">{t("care.links.insight")}</Link> · <Link to="/zorg">{t("care.links.coordinatorInbox")}</Link>
        </>
      ) : null}
    </p>
  );
}
