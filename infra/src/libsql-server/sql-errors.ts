// Maps whatever libsql (or our own validation) throws to a Hrana `Error` ({ message, code }), the way
// Turso's server (sqld, libsql-server/src/hrana/stmt.rs in tursodatabase/libsql) does:
// - `code` is SQLite's PRIMARY result code by name ("SQLITE_CONSTRAINT"), never the extended one
//   ("SQLITE_CONSTRAINT_PRIMARYKEY"): Hrana has no field for that, so @libsql/client's
//   LibsqlError.extendedCode and .rawCode stay undefined against Turso and against us alike.
// - sqld names codes through rusqlite's ErrorCode, which has no variant for SQLITE_ERROR (nor for the
//   rarer ones listed below as missing): those arrive as "SQLITE_UNKNOWN", e.g. "no such table".
// - the message is SQLite's, after "SQLite error: "; @libsql/client then puts "<code>: " in front.
// - a statement sqld's own parser refuses is SQL_PARSE_ERROR, "SQL string could not be parsed: …".
import { HranaFailure, type HranaError } from "./hrana-protocol.ts";

// libsql reports parse errors as plain SQLITE_ERROR; Turso (sqld) parses SQL itself and says SQL_PARSE_ERROR.
const PARSE_ERROR = /syntax error|incomplete input|unrecognized token/i;

/** The primary codes sqld names; any other (SQLITE_ERROR, SQLITE_FORMAT, …) it sends as SQLITE_UNKNOWN. */
const SQLD_PRIMARY_CODES = new Set([
  "SQLITE_INTERNAL",
  "SQLITE_PERM",
  "SQLITE_ABORT",
  "SQLITE_BUSY",
  "SQLITE_LOCKED",
  "SQLITE_NOMEM",
  "SQLITE_READONLY",
  "SQLITE_INTERRUPT",
  "SQLITE_IOERR",
  "SQLITE_CORRUPT",
  "SQLITE_NOTFOUND",
  "SQLITE_FULL",
  "SQLITE_CANTOPEN",
  "SQLITE_PROTOCOL",
  "SQLITE_SCHEMA",
  "SQLITE_TOOBIG",
  "SQLITE_CONSTRAINT",
  "SQLITE_MISMATCH",
  "SQLITE_MISUSE",
  "SQLITE_NOLFS",
  "SQLITE_AUTH",
  "SQLITE_RANGE",
  "SQLITE_NOTADB",
]);

/** "SQLITE_CONSTRAINT_UNIQUE" → "SQLITE_CONSTRAINT"; primary code names have no further underscore. */
export function sqldCode(sqliteCode: string): string {
  const primary = /^SQLITE_[A-Z]+/.exec(sqliteCode)?.[0] ?? "";
  return SQLD_PRIMARY_CODES.has(primary) ? primary : "SQLITE_UNKNOWN";
}

export function toHranaError(error: unknown): HranaError {
  if (error instanceof HranaFailure) return { message: error.message, code: error.code };
  if (error instanceof Error) {
    const code = (error as Error & { code?: unknown }).code;
    if (typeof code === "string" && code.startsWith("SQLITE_")) {
      if (code === "SQLITE_ERROR" && PARSE_ERROR.test(error.message)) {
        return { message: `SQL string could not be parsed: ${error.message}`, code: "SQL_PARSE_ERROR" };
      }
      return { message: `SQLite error: ${error.message}`, code: sqldCode(code) };
    }
    // e.g. TypeErrors thrown by libsql's argument binding.
    return { message: error.message, code: "SQL_INPUT_ERROR" };
  }
  return { message: String(error), code: "INTERNAL_ERROR" };
}
