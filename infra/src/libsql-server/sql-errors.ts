// Maps whatever libsql (or our own validation) throws to a Hrana `Error` ({ message, code }).
import { HranaFailure, type HranaError } from "./hrana-protocol.ts";

// libsql reports parse errors as plain SQLITE_ERROR; Turso (sqld) parses SQL itself and says SQL_PARSE_ERROR.
const PARSE_ERROR = /syntax error|incomplete input|unrecognized token/i;

export function toHranaError(error: unknown): HranaError {
  if (error instanceof HranaFailure) return { message: error.message, code: error.code };
  if (error instanceof Error) {
    const code = (error as Error & { code?: unknown }).code;
    if (typeof code === "string" && code.startsWith("SQLITE_")) {
      if (code === "SQLITE_ERROR" && PARSE_ERROR.test(error.message)) {
        return { message: error.message, code: "SQL_PARSE_ERROR" };
      }
      return { message: error.message, code };
    }
    // e.g. TypeErrors thrown by libsql's argument binding.
    return { message: error.message, code: "SQL_INPUT_ERROR" };
  }
  return { message: String(error), code: "INTERNAL_ERROR" };
}
