import { Form, Link } from "react-router";
import { useTranslation } from "../i18n/i18n.ts";

/** Who is logged in, the way to the audit log and out; on every console page. */
export function OperatorBar({ name }: { name: string }) {
  const { t } = useTranslation();
  return (
    <div className="quiet-links operator-bar">
      <ul>
        <li>{t("operator.console.signedInAs", { name })}</li>
        <li>
          <Link to="/beheer">{t("operator.console.title")}</Link>
        </li>
        <li>
          <Link to="/beheer/logboek">{t("operator.console.auditLink")}</Link>
        </li>
        <li>
          <Form method="post" action="/beheer">
            <input type="hidden" name="intent" value="logout" />
            <button type="submit" className="link-button">
              {t("operator.console.logout")}
            </button>
          </Form>
        </li>
      </ul>
    </div>
  );
}
