// Where tenant databases come from: the local libSQL server in development and tests, Turso in
// production. Both operations are idempotent, so a provisioning retry can safely repeat them.

export interface TenantDatabase {
  name: string;
  /** libSQL URL a client connects to (http(s):// or libsql://). */
  url: string;
  /** Bearer token for that database. */
  token: string;
}

export interface TenantDatabases {
  /** Creates the database, or returns the existing one (with a usable token) without touching its data. */
  createDatabase(name: string): Promise<TenantDatabase>;
  /** Deletes the database; deleting one that doesn't exist is not an error. */
  deleteDatabase(name: string): Promise<void>;
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
