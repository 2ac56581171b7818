import { useTranslation } from "../../i18n/i18n.ts";
import { Link, type MetaFunction } from "react-router";

// /account/verwijderd — shown once the account is gone (the session cookie is cleared by then).

export const meta: MetaFunction = () => [{ title: "Account verwijderd — Buurtplein" }];

export default function AccountDeleted() {
  const { t } = useTranslation();
  return (
    <section className="card narrow">
      <h1>{t("access.delete.doneTitle")}</h1>
      <p role="status">{t("access.delete.doneText")}</p>
      <Link className="button secondary" to="/">
        {t("common.home")}
      </Link>
    </section>
  );
}
