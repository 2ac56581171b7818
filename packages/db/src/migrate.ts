// A tiny migrator for bundled migrations (drizzle's libsql migrator reads SQL files from disk, which
// a worker can't). Each migration and its bookkeeping row commit together, so a database is never
// left half-migrated.
import type { Client, InStatement } from "@libsql/client/web";

export interface Migration {
  /** drizzle-kit tag, e.g. "0000_init". */
  id: string;
  /** sha256 (hex) of the migration's SQL file. */
  hash: string;
  statements: string[];
}

export const MIGRATIONS_TABLE = "__buurtplein_migrations";

export class MigrationHashMismatchError extends Error {
  constructor(readonly migrationId: string) {
    super(
      `Migration ${migrationId} was already applied with different SQL (hash mismatch). ` +
        "Applied migrations must never be edited: add a new migration instead.",
    );
    this.name = "MigrationHashMismatchError";
  }
}

const createTable = `CREATE TABLE IF NOT EXISTS ${MIGRATIONS_TABLE} (
  id TEXT PRIMARY KEY,
  hash TEXT NOT NULL,
  applied_at INTEGER NOT NULL
)`;

const FOREIGN_KEYS_PRAGMA = /^PRAGMA\s+foreign_keys\s*=\s*(ON|OFF)\s*;?$/i;

export async function migrateDatabase(client: Client, migrations: Migration[]): Promise<{ applied: string[] }> {
  // One round trip: make sure the bookkeeping table exists and read it.
  const [, appliedRows] = await client.batch([createTable, `SELECT id, hash FROM ${MIGRATIONS_TABLE}`], "write");
  const appliedHashes = new Map<string, string>();
  for (const row of appliedRows?.rows ?? []) appliedHashes.set(String(row.id), String(row.hash));

  // Applied ids this code doesn't know (a newer deploy ran first) are left alone.
  const pending: Migration[] = [];
  for (const migration of migrations) {
    const appliedHash = appliedHashes.get(migration.id);
    if (appliedHash === undefined) pending.push(migration);
    else if (appliedHash !== migration.hash) throw new MigrationHashMismatchError(migration.id);
  }

  const applied: string[] = [];
  for (const migration of pending) {
    await applyMigration(client, migration);
    applied.push(migration.id);
  }
  return { applied };
}

async function applyMigration(client: Client, migration: Migration): Promise<void> {
  const statements = migration.statements.filter((sql) => !FOREIGN_KEYS_PRAGMA.test(sql.trim()));
  const bookkeeping: InStatement = {
    sql: `INSERT INTO ${MIGRATIONS_TABLE} (id, hash, applied_at) VALUES (?, ?, ?)`,
    args: [migration.id, migration.hash, Date.now()],
  };
  if (statements.length === migration.statements.length) {
    await client.batch([...statements, bookkeeping], "write");
  } else {
    // drizzle-kit rebuilds tables between `PRAGMA foreign_keys=OFF/ON`, but that pragma is a no-op
    // inside a transaction, and DROP TABLE with foreign keys on would cascade-delete child rows.
    // client.migrate() switches foreign keys off around its transaction.
    await client.migrate([...statements, bookkeeping]);
  }
}
