// Importing complexes from a CSV file, as a plan: every row checked (line, column, what is wrong) and
// what it would do (create, update, or nothing: unchanged). Nothing is written here; the API writes
// the plan only when it has no errors and the admin confirms. The complex code is the key, so
// importing the same file again changes nothing.
import type { MessageKey, MessageParams } from "../i18n/messages.ts";
import { checkComplexFields, type ComplexField, type ComplexFields } from "./complex-fields.ts";
import { parseCsv, type CsvRecord, type CsvSeparator } from "./parse-csv.ts";
import { foldName } from "./slug.ts";

export const COMPLEX_IMPORT_COLUMNS = ["code", "name", "street", "houseNumbers", "postcode", "neighbourhood"] as const;
export type ComplexImportColumn = (typeof COMPLEX_IMPORT_COLUMNS)[number];

export const MAX_IMPORT_ROWS = 2000;
/** The largest file accepted (characters): 2,000 rows fit easily. */
export const MAX_IMPORT_CHARACTERS = 500_000;

/** Header names people use for each column (compared folded, without spaces or punctuation). */
const HEADER_NAMES: Record<ComplexImportColumn, string[]> = {
  code: ["complexcode", "code", "complex", "complexnummer", "complexnr", "complexid"],
  name: ["naam", "name", "complexnaam", "complexname"],
  street: ["straat", "street", "straatnaam", "streetname"],
  houseNumbers: ["huisnummers", "huisnummer", "huisnummerreeks", "huisnummerrange", "nummers", "housenumbers", "housenumberrange", "housenumber", "numbers"],
  postcode: ["postcode", "postalcode", "zipcode", "zip"],
  neighbourhood: ["buurt", "buurtnaam", "wijk", "neighbourhood", "neighborhood"],
};

export interface ImportNeighbourhood {
  id: string;
  slug: string;
  name: string;
  archived: boolean;
}

export interface ExistingComplex {
  id: string;
  code: string | null;
  name: string;
  street: string | null;
  houseNumberFrom: number | null;
  houseNumberTo: number | null;
  postcode: string | null;
  neighbourhoodId: string;
}

export interface ImportProblem {
  line: number;
  /** The column the problem is in; null for the whole row or file. */
  column: ComplexImportColumn | null;
  message: MessageKey;
  params?: MessageParams;
}

export type ImportAction = "create" | "update" | "unchanged";

export interface ImportRow {
  line: number;
  /** What the row says, as written (for the preview table). */
  values: Record<ComplexImportColumn, string>;
  /** The checked complex and where it goes; null when the row has errors. */
  complex: (ComplexFields & { neighbourhoodId: string }) | null;
  neighbourhood: { slug: string; name: string } | null;
  action: ImportAction | null;
  /** The existing complex an update or unchanged row is about. */
  existingId: string | null;
  errors: ImportProblem[];
}

export interface ComplexImportPlan {
  separator: CsvSeparator | null;
  /** Problems of the whole file (unreadable, no rows, too many rows). */
  fileErrors: ImportProblem[];
  rows: ImportRow[];
  counts: { create: number; update: number; unchanged: number; errors: number };
  /** True when there is something to write and nothing wrong. */
  canConfirm: boolean;
}

function headerKey(value: string): string {
  return foldName(value).replace(/[^a-z0-9]/g, "");
}

/** The column order the header gives, or null when the first record is data (the documented order). */
function readHeader(record: CsvRecord): ComplexImportColumn[] | null {
  const columns = record.fields.map((field) => {
    const key = headerKey(field);
    return COMPLEX_IMPORT_COLUMNS.find((column) => HEADER_NAMES[column].includes(key)) ?? null;
  });
  const known = columns.filter((column) => column !== null);
  if (known.length < 2) return null;
  return columns as ComplexImportColumn[];
}

function sameComplex(existing: ExistingComplex, complex: ComplexFields & { neighbourhoodId: string }): boolean {
  return (
    existing.name === complex.name &&
    existing.street === complex.street &&
    existing.houseNumberFrom === (complex.houseNumbers?.from ?? null) &&
    existing.houseNumberTo === (complex.houseNumbers?.to ?? null) &&
    existing.postcode === complex.postcode &&
    existing.neighbourhoodId === complex.neighbourhoodId
  );
}

const EMPTY_COUNTS = { create: 0, update: 0, unchanged: 0, errors: 0 };

function fileProblem(line: number, message: MessageKey, params?: MessageParams): ComplexImportPlan {
  return { separator: null, fileErrors: [{ line, column: null, message, ...(params ? { params } : {}) }], rows: [], counts: { ...EMPTY_COUNTS }, canConfirm: false };
}

export function planComplexImport(input: { csv: string; neighbourhoods: readonly ImportNeighbourhood[]; existing: readonly ExistingComplex[] }): ComplexImportPlan {
  if (input.csv.length > MAX_IMPORT_CHARACTERS) return fileProblem(1, "validation.complexImport.fileTooLarge");
  const parsed = parseCsv(input.csv);
  if (!parsed.ok) return fileProblem(parsed.line, "validation.complexImport.unclosedQuote");
  if (parsed.records.length === 0) return fileProblem(1, "validation.complexImport.empty");

  const header = readHeader(parsed.records[0]!);
  const columns: (ComplexImportColumn | null)[] = header ?? [...COMPLEX_IMPORT_COLUMNS];
  const dataRecords = header ? parsed.records.slice(1) : parsed.records;
  if (header) {
    const missing = (["code", "name", "neighbourhood"] as const).filter((column) => !columns.includes(column));
    if (missing.length > 0) return fileProblem(parsed.records[0]!.line, "validation.complexImport.headerMissing", { columns: missing.join(", ") });
  }
  if (dataRecords.length === 0) return fileProblem(parsed.records[0]!.line, "validation.complexImport.empty");
  if (dataRecords.length > MAX_IMPORT_ROWS) return fileProblem(dataRecords[MAX_IMPORT_ROWS]!.line, "validation.complexImport.tooManyRows", { max: MAX_IMPORT_ROWS });

  const byName = new Map<string, ImportNeighbourhood>();
  for (const neighbourhood of input.neighbourhoods) {
    byName.set(foldName(neighbourhood.name), neighbourhood);
    byName.set(neighbourhood.slug, neighbourhood);
  }
  const existingByCode = new Map(input.existing.filter((complex) => complex.code !== null).map((complex) => [complex.code!, complex]));
  const firstLineOfCode = new Map<string, number>();

  const rows: ImportRow[] = dataRecords.map((record) => {
    const values = Object.fromEntries(COMPLEX_IMPORT_COLUMNS.map((column) => [column, ""])) as Record<ComplexImportColumn, string>;
    const errors: ImportProblem[] = [];
    record.fields.forEach((value, index) => {
      const column = columns[index];
      if (column) values[column] = value.trim();
      else if (value.trim() !== "" && !header) errors.push({ line: record.line, column: null, message: "validation.complexImport.tooManyColumns", params: { max: COMPLEX_IMPORT_COLUMNS.length } });
    });

    const checked = checkComplexFields(values);
    if (!checked.ok) {
      for (const [column, message] of Object.entries(checked.fields) as [ComplexField, MessageKey][]) errors.push({ line: record.line, column, message });
    }

    let neighbourhood: ImportNeighbourhood | undefined;
    if (values.neighbourhood === "") {
      errors.push({ line: record.line, column: "neighbourhood", message: "validation.complexImport.neighbourhoodMissing" });
    } else {
      neighbourhood = byName.get(foldName(values.neighbourhood));
      if (!neighbourhood) errors.push({ line: record.line, column: "neighbourhood", message: "validation.complexImport.neighbourhoodUnknown", params: { name: values.neighbourhood } });
      else if (neighbourhood.archived) errors.push({ line: record.line, column: "neighbourhood", message: "validation.complexImport.neighbourhoodArchived", params: { name: neighbourhood.name } });
    }

    if (checked.ok) {
      const earlier = firstLineOfCode.get(checked.complex.code);
      if (earlier !== undefined) errors.push({ line: record.line, column: "code", message: "validation.complexImport.duplicateCode", params: { code: checked.complex.code, line: earlier } });
      else firstLineOfCode.set(checked.complex.code, record.line);
    }

    const dedupedErrors = errors.filter((error, index) => errors.findIndex((other) => other.column === error.column && other.message === error.message) === index);
    if (!checked.ok || !neighbourhood || dedupedErrors.length > 0) {
      return { line: record.line, values, complex: null, neighbourhood: neighbourhood ? { slug: neighbourhood.slug, name: neighbourhood.name } : null, action: null, existingId: null, errors: dedupedErrors };
    }
    const complex = { ...checked.complex, neighbourhoodId: neighbourhood.id };
    const existing = existingByCode.get(complex.code);
    const action: ImportAction = !existing ? "create" : sameComplex(existing, complex) ? "unchanged" : "update";
    return { line: record.line, values, complex, neighbourhood: { slug: neighbourhood.slug, name: neighbourhood.name }, action, existingId: existing?.id ?? null, errors: [] };
  });

  const counts = { ...EMPTY_COUNTS };
  for (const row of rows) {
    if (row.errors.length > 0) counts.errors++;
    else if (row.action) counts[row.action]++;
  }
  return { separator: parsed.separator, fileErrors: [], rows, counts, canConfirm: counts.errors === 0 && counts.create + counts.update > 0 };
}
