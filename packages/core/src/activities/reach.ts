// Reach figures for partners and the corporation: counts only, and any count that comes from fewer
// than five people is shown as "< 5", so no figure points at a person.

export const REACH_THRESHOLD = 5;
export const FEW = "< 5" as const;
export type MaskedCount = number | typeof FEW;

/** `count` of something done by `people` distinct people (the same number when each person counts once). */
export function maskCount(count: number, people: number = count): MaskedCount {
  return people < REACH_THRESHOLD ? FEW : count;
}

function csvCell(value: string | number): string {
  const text = String(value);
  // Quote when needed; a leading = + - @ would be read as a formula by spreadsheets, so it gets a quote mark.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n;]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A CSV file (RFC 4180, CRLF) from a header row and rows. */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
