import { useTranslation } from "../../i18n/i18n.ts";
import { data, Form, Link, redirect, useActionData, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { callApi } from "../../lib/api.server.ts";
import type { ApiAnswer, ApiClient } from "../../lib/api-types.ts";
import { field, readForm } from "../../lib/forms.ts";
import { FormError } from "../../components/field-error.tsx";
import { SubmitButton } from "../../components/submit-button.tsx";
import { requireAdminPage } from "./admin-pages.ts";

// /beheer/complexen/importeren — an admin imports complexes from a CSV file: upload → a preview table
// with every row's errors (line, column, what is wrong) → confirm. Nothing is written before the
// confirmation; the file travels with the confirm form (base64 in a hidden field), so no state is kept
// on the server and the page works without JavaScript.

export const meta: MetaFunction = () => [{ title: "Complexen importeren — Buurtplein" }];

type Plan = ApiAnswer<ApiClient["complexes"]["import"]["preview"]["$post"]>["plan"];

const EXAMPLE = "complexcode;naam;straat;huisnummers;postcode;buurt\nLH-A;Lindenhof flat A;Hofstraat;2-40;3817 AB;Lindenhof";

/** UTF-8 text ↔ base64, for the hidden field that carries the file to the confirmation. */
function toBase64(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
function fromBase64(value: string): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(atob(value), (char) => char.charCodeAt(0)));
  } catch {
    return null;
  }
}

/** A CSV file as text: UTF-8 (what "CSV UTF-8" in Excel writes), else Windows-1252 (Excel's plain "CSV" on Windows). */
async function readFileText(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    try {
      return new TextDecoder("windows-1252").decode(bytes);
    } catch {
      return new TextDecoder("utf-8").decode(bytes);
    }
  }
}

export async function loader({ context }: LoaderFunctionArgs) {
  requireAdminPage(context);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  requireAdminPage(context);
  const form = await readForm(request);
  if (field(form, "intent") === "confirm") {
    const csv = fromBase64(field(form, "csv"));
    if (csv === null) throw data({ code: "bad_request" }, { status: 400 });
    const result = await callApi(request, (api) => api.complexes.import.$post(), { json: { csv } });
    if (result.ok) {
      const { created, updated } = result.data.imported;
      throw redirect(`/beheer/buurten?geimporteerd=1&nieuw=${created}&bijgewerkt=${updated}`);
    }
    const plan = (result.error.details as { plan?: Plan } | undefined)?.plan ?? null;
    return data({ plan, csv: plan ? toBase64(csv) : null, failure: result.error.message }, { status: result.status });
  }
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) {
    return data({ plan: null, csv: null, failure: null, noFile: true }, { status: 422 });
  }
  const csv = await readFileText(file);
  const result = await callApi(request, (api) => api.complexes.import.preview.$post(), { json: { csv } });
  if (!result.ok) return data({ plan: null, csv: null, failure: result.error.message }, { status: result.status });
  return { plan: result.data.plan, csv: toBase64(csv), failure: null };
}

function Problems({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const problems = [...plan.fileErrors, ...plan.rows.flatMap((row) => row.errors)];
  if (problems.length === 0) return null;
  return (
    <section className="form-error import-errors" role="alert" aria-labelledby="import-errors-title">
      <h2 id="import-errors-title">{t("neighbourhoodAdmin.importPage.errorsTitle")}</h2>
      <p>{t("neighbourhoodAdmin.importPage.errorsText")}</p>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t("neighbourhoodAdmin.importPage.errorsTitle")}>
        <table className="members">
          <thead>
            <tr>
              <th scope="col">{t("neighbourhoodAdmin.importPage.line")}</th>
              <th scope="col">{t("neighbourhoodAdmin.importPage.column")}</th>
              <th scope="col">{t("neighbourhoodAdmin.importPage.problem")}</th>
            </tr>
          </thead>
          <tbody>
            {problems.map((problem, index) => (
              <tr key={`${problem.line}-${problem.column}-${index}`}>
                <td>{problem.line}</td>
                <td>{problem.columnLabel ?? t("neighbourhoodAdmin.importPage.wholeRow")}</td>
                <td>{problem.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Preview({ plan, csv }: { plan: Plan; csv: string | null }) {
  const { t } = useTranslation();
  const columns = ["code", "name", "street", "houseNumbers", "postcode", "neighbourhood"] as const;
  return (
    <section aria-labelledby="preview-title">
      <h2 id="preview-title">{t("neighbourhoodAdmin.importPage.previewTitle")}</h2>
      {plan.fileErrors.length === 0 ? <p role="status">{t("neighbourhoodAdmin.importPage.summary", plan.counts)}</p> : null}
      <Problems plan={plan} />
      {plan.rows.length > 0 ? (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t("neighbourhoodAdmin.importPage.tableCaption")}>
          <table className="members import-preview">
            <caption className="visually-hidden">{t("neighbourhoodAdmin.importPage.tableCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("neighbourhoodAdmin.importPage.line")}</th>
                {columns.map((column) => (
                  <th scope="col" key={column}>
                    {t(`neighbourhoodAdmin.columns.${column}`)}
                  </th>
                ))}
                <th scope="col">{t("neighbourhoodAdmin.importPage.action")}</th>
              </tr>
            </thead>
            <tbody>
              {plan.rows.map((row) => (
                <tr key={row.line} className={row.errors.length > 0 ? "row-error" : undefined}>
                  <td>{row.line}</td>
                  {columns.map((column) => (
                    <td key={column}>{column === "neighbourhood" && row.neighbourhood ? row.neighbourhood.name : row.values[column]}</td>
                  ))}
                  <td>
                    <span className={`badge ${row.errors.length > 0 ? "state-revoked" : row.action === "unchanged" ? "state-expired" : "state-valid"}`}>
                      {t(`neighbourhoodAdmin.importPage.actions.${row.errors.length > 0 ? "error" : (row.action ?? "error")}`)}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {plan.fileErrors.length === 0 && plan.counts.errors === 0 && !plan.canConfirm ? <p className="notice">{t("neighbourhoodAdmin.importPage.nothingToDo")}</p> : null}
      {plan.canConfirm && csv ? (
        <Form method="post" className="button-row">
          <input type="hidden" name="intent" value="confirm" />
          <input type="hidden" name="csv" value={csv} />
          <SubmitButton label={t("neighbourhoodAdmin.importPage.confirm")} />
          <Link to="/beheer/buurten" className="button secondary">
            {t("neighbourhoodAdmin.importPage.cancel")}
          </Link>
        </Form>
      ) : null}
    </section>
  );
}

export default function ImportComplexes() {
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <section className="complex-import">
      <h1>{t("neighbourhoodAdmin.importPage.title")}</h1>
      <p>{t("neighbourhoodAdmin.importPage.intro")}</p>
      <p>{t("neighbourhoodAdmin.importPage.keyHint")}</p>
      <details>
        <summary>{t("neighbourhoodAdmin.importPage.example")}</summary>
        <pre className="csv-example">{EXAMPLE}</pre>
      </details>
      <FormError message={result && "noFile" in result ? t("neighbourhoodAdmin.importPage.noFile") : result?.failure} />
      <Form method="post" encType="multipart/form-data" className="form card">
        <input type="hidden" name="intent" value="preview" />
        <label htmlFor="file">{t("neighbourhoodAdmin.importPage.file")}</label>
        <p className="hint" id="file-hint">
          {t("neighbourhoodAdmin.importPage.fileHint")}
        </p>
        <input id="file" name="file" type="file" accept=".csv,text/csv" required aria-describedby="file-hint" />
        <SubmitButton label={t("neighbourhoodAdmin.importPage.upload")} />
      </Form>
      {result?.plan ? <Preview plan={result.plan} csv={result.csv} /> : null}
      <p>
        <Link to="/beheer/buurten">{t("neighbourhoodAdmin.back")}</Link>
      </p>
    </section>
  );
}
