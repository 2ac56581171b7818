// Where tenant databases come from: the local libSQL server in development and tests, Turso in
// production. Create and delete are idempotent, so a provisioning retry can safely repeat them; which
// database belongs to which tenant is the control plane's business (provision-tenant.ts records the
// name before creating, so an existing database is never mistaken for a new one).

export interface TenantDatabase {
  name: string;
  /** libSQL URL a client connects to (http(s):// or libsql://). */
  url: string;
  /** Bearer token for that database. */
  token: string;
}

/** A database as the provider lists it. */
export interface ListedDatabase {
  name: string;
  /** libSQL URL a client connects to now. */
  url: string;
}

export interface TenantDatabases {
  /** Creates the database, or returns the existing one (with a usable token) without touching its data. */
  createDatabase(name: string): Promise<TenantDatabase>;
  /** Whether a database with this name exists at the provider. */
  databaseExists(name: string): Promise<boolean>;
  /** Every database at the provider (for Turso: in the configured group). */
  listDatabases(): Promise<ListedDatabase[]>;
  /** Deletes the database; deleting one that doesn't exist is not an error. */
  deleteDatabase(name: string): Promise<void>;
  /**
   * The whole database as one SQLite file, a consistent snapshot taken while it keeps serving
   * (locally `VACUUM INTO` on the libSQL server; on Turso its export of the current generation, see
   * docs/decisions/021-custom-domains-and-export.md).
   */
  exportDatabase(name: string): Promise<DatabaseExport>;
}

/** A database snapshot as a SQLite file, streamed. */
export interface DatabaseExport {
  body: ReadableStream<Uint8Array>;
  /** Its size in bytes, when the provider says. */
  size: number | null;
}

export class TenantDatabaseApiError extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
  ) {
    super(message);
    this.name = "TenantDatabaseApiError";
  }
}
