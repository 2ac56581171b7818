// TenantDatabases backed by the admin API of our local libSQL server (infra/src/libsql-server).
// Plain fetch only: this also runs inside workerd during local development.
import { TenantDatabaseApiError, type DatabaseExport, type ListedDatabase, type TenantDatabase, type TenantDatabases } from "./tenant-databases.ts";

export interface LocalTenantDatabasesOptions {
  /** Base URL of the local libSQL server, e.g. http://127.0.0.1:8081 */
  adminUrl: string;
  adminToken: string;
  fetch?: typeof fetch;
}

export class LocalTenantDatabases implements TenantDatabases {
  readonly #baseUrl: string;
  readonly #adminToken: string;
  readonly #fetch: typeof fetch;

  constructor({ adminUrl, adminToken, fetch: customFetch }: LocalTenantDatabasesOptions) {
    this.#baseUrl = adminUrl.replace(/\/+$/, "");
    this.#adminToken = adminToken;
    // Wrapped: workerd throws "Illegal invocation" when fetch is called detached from globalThis.
    this.#fetch = customFetch ?? ((input, init) => fetch(input, init));
  }

  async createDatabase(name: string): Promise<TenantDatabase> {
    const created = await this.#request("POST", "/admin/databases", { name });
    if (created.status === 201) return parseDatabase(await created.json());
    if (created.status !== 409) throw await toError(created, `create database ${name}`);
    await created.body?.cancel();
    // It already exists (e.g. a retried provisioning step): hand out the existing one untouched. Whether it
    // is the caller's to use is decided by the caller (provision-tenant.ts claims the name first).
    const existing = await this.#request("GET", `/admin/databases/${encodeURIComponent(name)}`);
    if (!existing.ok) throw await toError(existing, `get database ${name}`);
    return parseDatabase(await existing.json());
  }

  async databaseExists(name: string): Promise<boolean> {
    const response = await this.#request("GET", `/admin/databases/${encodeURIComponent(name)}`);
    if (response.status === 404) {
      await response.body?.cancel();
      return false;
    }
    if (!response.ok) throw await toError(response, `get database ${name}`);
    await response.body?.cancel();
    return true;
  }

  async listDatabases(): Promise<ListedDatabase[]> {
    const response = await this.#request("GET", "/admin/databases");
    if (!response.ok) throw await toError(response, "list databases");
    const { databases } = ((await response.json()) ?? {}) as { databases?: unknown };
    if (!Array.isArray(databases)) throw new TenantDatabaseApiError("local libSQL server returned an unexpected database list", undefined);
    return databases.map((entry: unknown) => {
      const { name, url } = (entry ?? {}) as Record<string, unknown>;
      if (typeof name !== "string" || typeof url !== "string") {
        throw new TenantDatabaseApiError("local libSQL server returned an unexpected database list", undefined);
      }
      return { name, url };
    });
  }

  async deleteDatabase(name: string): Promise<void> {
    const response = await this.#request("DELETE", `/admin/databases/${encodeURIComponent(name)}`);
    await response.body?.cancel();
    if (response.status === 204 || response.status === 404) return;
    throw new TenantDatabaseApiError(`delete database ${name} failed: HTTP ${response.status}`, response.status);
  }

  /** The admin API copies the database with `VACUUM INTO` (a read transaction: writers go on) and streams the copy. */
  async exportDatabase(name: string): Promise<DatabaseExport> {
    const response = await this.#request("GET", `/admin/databases/${encodeURIComponent(name)}/export`);
    if (!response.ok || !response.body) throw await toError(response, `export database ${name}`);
    const length = Number(response.headers.get("content-length"));
    return { body: response.body, size: Number.isFinite(length) && length > 0 ? length : null };
  }

  #request(method: string, path: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.#adminToken}` };
    if (body !== undefined) headers["content-type"] = "application/json";
    return this.#fetch(`${this.#baseUrl}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  }
}

function parseDatabase(value: unknown): TenantDatabase {
  const { name, url, token } = (value ?? {}) as Record<string, unknown>;
  if (typeof name !== "string" || typeof url !== "string" || typeof token !== "string") {
    throw new TenantDatabaseApiError("local libSQL server returned an unexpected database record", undefined);
  }
  return { name, url, token };
}

async function toError(response: Response, what: string): Promise<TenantDatabaseApiError> {
  const text = await response.text().catch(() => "");
  return new TenantDatabaseApiError(`${what} failed: HTTP ${response.status} ${text}`.trim(), response.status);
}
