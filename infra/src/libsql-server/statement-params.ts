// Where each SQL parameter sits. libsql cannot bind a mix of positional and named arguments, and binding
// an object to a statement with nameless `?` parameters panics the native module (aborting the process).
// So we always bind an array by index and learn the index of each named parameter from EXPLAIN, whose
// `Variable` opcodes carry the parameter index (p1) and name (p4).
import type { LibsqlDatabase, LibsqlStatement } from "./connections.ts";
import { withoutExplain } from "./sql-text.ts";

export interface ParamLayout {
  /** Highest parameter index (SQLite numbers parameters from 1). */
  count: number;
  /** Name (with its prefix: ":a", "@a", "$a", "?3") → index. */
  indexByName: Map<string, number>;
}

/** The VDBE program of a statement: rows of [addr, opcode, p1, p2, p3, p4, p5, comment]. */
export function explainProgram(db: LibsqlDatabase, sql: string): unknown[][] {
  const explain = db.prepare(`EXPLAIN ${withoutExplain(sql)}`).raw(true);
  const rows = explain.all() as unknown[][];
  finishExplain(explain);
  return rows;
}

/**
 * An EXPLAIN of a writing statement stays "in progress" after all() has read every row (libsql only
 * resets statements before running them), and then COMMIT fails with "SQL statements in progress".
 * get() resets the statement when done, so one more get() releases it.
 */
export function finishExplain(explain: LibsqlStatement): void {
  explain.get();
}

export function readParamLayout(db: LibsqlDatabase, sql: string): ParamLayout {
  const rows = explainProgram(db, sql);
  const indexByName = new Map<string, number>();
  let count = 0;
  for (const row of rows) {
    if (row[1] !== "Variable") continue;
    const index = Number(row[2]);
    count = Math.max(count, index);
    if (typeof row[5] === "string") indexByName.set(row[5], index);
  }
  return { count, indexByName };
}

/** Hrana lets clients leave out the prefix; then we try the three SQLite prefixes. */
export function indexOfName(layout: ParamLayout, name: string): number | undefined {
  if (/^[:@$?]/.test(name)) return layout.indexByName.get(name);
  for (const prefix of [":", "@", "$"]) {
    const index = layout.indexByName.get(prefix + name);
    if (index !== undefined) return index;
  }
  return undefined;
}
