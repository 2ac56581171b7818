// Recognising what SQLite refused, identically against Turso and our local libSQL server. Both send a
// Hrana error whose `code` is SQLite's primary result code ("SQLITE_CONSTRAINT"; there is no extended
// code on the wire, so @libsql/client's LibsqlError.extendedCode is undefined) and whose message is
// "SQLite error: <SQLite's message>"; drizzle wraps the LibsqlError as `cause`.

/** The LibsqlError in `error` or its causes (drizzle wraps it), if any. */
function sqliteFailures(error: unknown): Array<{ code: string; message: string }> {
  const found: Array<{ code: string; message: string }> = [];
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") found.push({ code, message: current.message });
  }
  return found;
}

/** True when SQLite refused a duplicate in `column` ("table.column", e.g. "users.email"). */
export function isUniqueViolation(error: unknown, column: string): boolean {
  return sqliteFailures(error).some(({ code, message }) => {
    if (code !== "SQLITE_CONSTRAINT") return false;
    const columns = /UNIQUE constraint failed: (.+)$/.exec(message)?.[1];
    return columns?.split(", ").includes(column) ?? false;
  });
}
