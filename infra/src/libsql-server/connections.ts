// One libsql connection plus the few helper statements we keep prepared on it.
import Database from "libsql";

export type LibsqlDatabase = Database.Database;
export type LibsqlStatement = Database.Statement;

export interface Connection {
  readonly db: LibsqlDatabase;
  /** SELECT changes(), total_changes(), last_insert_rowid() — prepared once, as raw bigint rows. */
  readonly status: LibsqlStatement;
}

export function openConnection(path: string, options: { enableWal: boolean }): Connection {
  const db = new Database(path);
  try {
    db.defaultSafeIntegers(true);
    // journal_mode is stored in the file; only set it when no other connection of ours is open.
    if (options.enableWal) db.exec("PRAGMA journal_mode=WAL");
    db.exec("PRAGMA foreign_keys=ON");
    const status = db.prepare("SELECT changes(), total_changes(), last_insert_rowid()");
    status.raw(true).safeIntegers(true);
    return { db, status };
  } catch (error) {
    db.close();
    throw error;
  }
}

/** `db.inTransaction` on a closed libsql connection panics the native module, so always ask through here. */
export function isInTransaction(conn: Connection): boolean {
  return conn.db.open && conn.db.inTransaction;
}

export interface ConnectionStatus {
  changes: bigint;
  totalChanges: bigint;
  lastInsertRowid: bigint;
}

export function readStatus(conn: Connection): ConnectionStatus {
  const row = (conn.status.all() as unknown[][])[0] ?? [];
  return {
    changes: BigInt(row[0] as bigint),
    totalChanges: BigInt(row[1] as bigint),
    lastInsertRowid: BigInt(row[2] as bigint),
  };
}

/**
 * Puts a connection back into a neutral state before it is reused by another stream.
 * Returns false when it should be closed instead (e.g. it carries TEMP objects of its last user).
 */
export function resetConnection(conn: Connection): boolean {
  try {
    if (!conn.db.open) return false;
    if (isInTransaction(conn)) conn.db.exec("ROLLBACK");
    conn.db.exec("PRAGMA foreign_keys=ON");
    const temp = conn.db.prepare("SELECT count(*) FROM temp.sqlite_schema").raw(true).all() as unknown[][];
    return Number(temp[0]?.[0] ?? 0) === 0;
  } catch {
    return false;
  }
}

export function closeConnection(conn: Connection): void {
  if (!conn.db.open) return;
  try {
    if (isInTransaction(conn)) conn.db.exec("ROLLBACK");
  } catch {
    // closing anyway
  }
  try {
    conn.db.close();
  } catch {
    // already closed
  }
}
