import { useTranslation } from "../../i18n/i18n.ts";
import { type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { requirePageViewer } from "../../lib/invite-pages.ts";
import { viewerIsAdmin } from "../../lib/domain-pages.ts";

// /beheer/gegevens — admins download everything of their corporation: the database as one SQLite file
// (GET /api/settings/export) and the uploaded files as one tar archive (GET /api/settings/export/files).
// Plain links: the browser downloads them, no JavaScript needed.

export const meta: MetaFunction = () => [{ title: "Alle gegevens downloaden — Buurtplein" }];

export async function loader({ context }: LoaderFunctionArgs) {
  requirePageViewer(context, viewerIsAdmin);
  return null;
}

export default function AdminDataExport() {
  const { t } = useTranslation();
  return (
    <section className="data-export">
      <h1>{t("dataExport.title")}</h1>
      <p>{t("dataExport.intro")}</p>
      <section className="card" aria-labelledby="export-database-heading">
        <h2 id="export-database-heading">{t("dataExport.databaseTitle")}</h2>
        <p>{t("dataExport.databaseText")}</p>
        <p className="hint">{t("dataExport.databaseNote")}</p>
        <a className="button" href="/api/settings/export" download>
          {t("dataExport.databaseDownload")}
        </a>
      </section>
      <section className="card" aria-labelledby="export-files-heading">
        <h2 id="export-files-heading">{t("dataExport.filesTitle")}</h2>
        <p>{t("dataExport.filesText")}</p>
        <a className="button secondary" href="/api/settings/export/files" download>
          {t("dataExport.filesDownload")}
        </a>
      </section>
    </section>
  );
}
