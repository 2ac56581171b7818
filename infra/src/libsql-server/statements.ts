// Executing one Hrana statement (`Stmt`) on a stream's connection, plus `describe` and `sequence`.
import { performance } from "node:perf_hooks";
import { readStatus, type Connection, type LibsqlStatement } from "./connections.ts";
import type { DatabaseHandle } from "./databases.ts";
import {
  HranaFailure,
  isWireObject,
  type HranaDescribeResult,
  type HranaStmtResult,
} from "./hrana-protocol.ts";
import { decodeValue, encodeValue, type SqlValue } from "./hrana-values.ts";
import { isEmptySql, isExplain } from "./sql-text.ts";
import { explainProgram, finishExplain, indexOfName } from "./statement-params.ts";

export interface StatementTarget {
  handle: DatabaseHandle;
  conn: Connection;
  sqlTexts: Map<number, string>;
}

/** The SQL of a Stmt / sequence / describe request: exactly one of `sql` and `sql_id`. */
export function resolveSql(wire: Record<string, unknown>, sqlTexts: Map<number, string>): string {
  if (typeof wire.sql === "string") return wire.sql;
  if (typeof wire.sql_id === "number") {
    const sql = sqlTexts.get(wire.sql_id);
    if (sql === undefined) throw new HranaFailure(`SQL text ${wire.sql_id} is not stored`, "SQL_NOT_FOUND");
    return sql;
  }
  throw new HranaFailure("Expected `sql` or `sql_id`", "PROTO_ERROR");
}

function prepare(target: StatementTarget, sql: string): LibsqlStatement {
  // libsql prepares an empty (or comment-only) text fine and then fails oddly (SQLITE_OK/SQLITE_DONE).
  if (isEmptySql(sql)) throw new HranaFailure("SQL string does not contain any statement", "SQL_NO_STATEMENT");
  return target.conn.db.prepare(sql);
}

/** Always an array bound by index (see statement-params.ts for why). */
function bindArgs(target: StatementTarget, sql: string, stmt: Record<string, unknown>): SqlValue[] {
  const args = Array.isArray(stmt.args) ? stmt.args.map(decodeValue) : [];
  const named = Array.isArray(stmt.named_args) ? stmt.named_args : [];
  if (named.length === 0) return args;
  const layout = target.handle.paramLayout(target.conn, sql);
  for (const arg of named) {
    if (!isWireObject(arg) || typeof arg.name !== "string") {
      throw new HranaFailure("A named argument needs a `name` and a `value`", "PROTO_ERROR");
    }
    const index = indexOfName(layout, arg.name);
    if (index === undefined) continue; // like sqld: an argument the statement does not use is ignored
    while (args.length < index) args.push(null);
    args[index - 1] = decodeValue(arg.value); // named wins over positional, as the spec asks
  }
  return args;
}

export function executeStmt(target: StatementTarget, stmt: unknown): HranaStmtResult {
  if (!isWireObject(stmt)) throw new HranaFailure("Expected a statement object", "PROTO_ERROR");
  const sql = resolveSql(stmt, target.sqlTexts);
  const started = performance.now();
  const prepared = prepare(target, sql);
  const args = bindArgs(target, sql, stmt);
  const before = readStatus(target.conn).totalChanges;

  let cols: HranaStmtResult["cols"] = [];
  let rows: unknown[][] = [];
  if (prepared.reader) {
    prepared.raw(true).safeIntegers(true);
    cols = prepared.columns().map((col) => ({ name: col.name, decltype: col.type }));
    rows = prepared.all(args) as unknown[][];
    if (isExplain(sql)) finishExplain(prepared);
  } else {
    prepared.run(args); // raw()/all() refuse statements that return no data
  }

  // run() reports lastInsertRowid as a lossy number and nothing for RETURNING, so ask SQLite directly.
  const status = readStatus(target.conn);
  const changed = status.totalChanges !== before;
  const affected = changed ? Number(status.changes) : 0;
  return {
    cols,
    rows: stmt.want_rows === false ? [] : rows.map((row) => row.map(encodeValue)),
    affected_row_count: affected,
    last_insert_rowid: changed ? status.lastInsertRowid.toString() : null,
    rows_read: rows.length,
    rows_written: affected,
    query_duration_ms: performance.now() - started,
  };
}

export function describeSql(target: StatementTarget, sql: string): HranaDescribeResult {
  const prepared = prepare(target, sql);
  const explain = isExplain(sql);
  const cols = prepared.reader
    ? prepared.columns().map((col) => ({ name: col.name, decltype: col.type }))
    : [];
  const layout = target.handle.paramLayout(target.conn, sql);
  const nameByIndex = new Map([...layout.indexByName].map(([name, index]) => [index, name]));
  const params = Array.from({ length: layout.count }, (_, i) => ({ name: nameByIndex.get(i + 1) ?? null }));
  return { params, cols, is_explain: explain, is_readonly: explain || isReadonly(target, sql) };
}

/** Like sqlite3_stmt_readonly(): the statement's program opens no write transaction. */
function isReadonly(target: StatementTarget, sql: string): boolean {
  const program = explainProgram(target.conn.db, sql);
  return !program.some(
    (op) => (op[1] === "Transaction" && Number(op[3]) !== 0) || op[1] === "OpenWrite",
  );
}

export function runSequence(target: StatementTarget, sql: string): void {
  target.conn.db.exec(sql); // stops at the first failing statement, like the spec asks
}
