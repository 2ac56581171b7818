// Reads a CSV file as Excel writes it: "," or ";" between fields (Dutch Excel uses ";"), an optional
// byte order mark, fields in double quotes (with "" for a quote, and line breaks inside), and CRLF, LF
// or CR line ends. Each record keeps the line number it starts on, for messages people can find.

export type CsvSeparator = "," | ";";

export interface CsvRecord {
  /** 1-based line in the file where this record starts. */
  line: number;
  fields: string[];
}

export type CsvParseResult =
  | { ok: true; separator: CsvSeparator; records: CsvRecord[] }
  | { ok: false; error: "unclosed_quote"; line: number };

/** The separator of the first line: whichever of ";" and "," occurs more often outside quotes (";" on a tie). */
export function detectSeparator(text: string): CsvSeparator {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === "\n" || char === "\r")) break;
    else if (!quoted && char === ";") semicolons++;
    else if (!quoted && char === ",") commas++;
  }
  return commas > semicolons ? "," : ";";
}

/** Every record with at least one non-blank field (empty lines, and Excel's ";;;;" rows, are left out). */
export function parseCsv(input: string, separator?: CsvSeparator): CsvParseResult {
  const text = input.startsWith("\uFEFF") ? input.slice(1) : input;
  const sep = separator ?? detectSeparator(text);
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let quoteLine = 1;
  let i = 0;

  const endRecord = () => {
    fields.push(field);
    if (fields.some((value) => value.trim() !== "")) records.push({ line: recordLine, fields });
    fields = [];
    field = "";
  };

  while (i < text.length) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      if (char === "\r" || char === "\n") {
        // A line break inside quotes belongs to the field (as "\n"), and still counts as a line.
        field += "\n";
        i += char === "\r" && text[i + 1] === "\n" ? 2 : 1;
        line++;
        continue;
      }
      field += char;
      i++;
      continue;
    }
    if (char === '"' && field.trim() === "") {
      // A quote opens a quoted field only at its start (spaces before it are dropped, as Excel does).
      quoted = true;
      quoteLine = line;
      field = "";
      i++;
      continue;
    }
    if (char === sep) {
      fields.push(field);
      field = "";
      i++;
      continue;
    }
    if (char === "\r" || char === "\n") {
      endRecord();
      i += char === "\r" && text[i + 1] === "\n" ? 2 : 1;
      line++;
      recordLine = line;
      continue;
    }
    field += char;
    i++;
  }
  if (quoted) return { ok: false, error: "unclosed_quote", line: quoteLine };
  if (field !== "" || fields.length > 0) endRecord();
  return { ok: true, separator: sep, records };
}
