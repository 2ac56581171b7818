// TenantDatabases backed by the Turso Platform API (via @tursodatabase/api).
import { createClient } from "@tursodatabase/api";
import { TenantDatabaseApiError, type DatabaseExport, type ListedDatabase, type TenantDatabase, type TenantDatabases } from "./tenant-databases.ts";

export interface TursoTenantDatabasesOptions {
  /** Organization slug. */
  organization: string;
  /** Platform API token (not a database token). */
  apiToken: string;
  /** Group new databases are created in (its location and settings apply). */
  group: string;
  /** Override for tests; the library talks to https://api.turso.tech/v1/ by default. */
  baseUrl?: string;
  /** Database token expiry, e.g. "never" (Turso's default) or "30d". */
  tokenExpiration?: string;
  /** Override for tests: the HTTP base URL of a database by its hostname (default `https://<hostname>`). */
  databaseBaseUrl?: (hostname: string) => string;
  fetch?: typeof fetch;
}

type TursoApi = ReturnType<typeof createClient>;

export class TursoTenantDatabases implements TenantDatabases {
  readonly #api: TursoApi;
  readonly #group: string;
  readonly #tokenExpiration: string | undefined;
  readonly #databaseBaseUrl: (hostname: string) => string;
  readonly #fetch: typeof fetch;

  constructor({ organization, apiToken, group, baseUrl, tokenExpiration, databaseBaseUrl, fetch: customFetch }: TursoTenantDatabasesOptions) {
    this.#api = createClient({ org: organization, token: apiToken, ...(baseUrl ? { baseUrl } : {}) });
    this.#group = group;
    this.#tokenExpiration = tokenExpiration;
    this.#databaseBaseUrl = databaseBaseUrl ?? ((hostname) => `https://${hostname}`);
    // Wrapped: workerd throws "Illegal invocation" when fetch is called detached from globalThis.
    this.#fetch = customFetch ?? ((input, init) => fetch(input, init));
  }

  async createDatabase(name: string): Promise<TenantDatabase> {
    const hostname = await this.#createOrFind(name);
    const { jwt } = await this.#api.databases.createToken(name, {
      authorization: "full-access",
      ...(this.#tokenExpiration ? { expiration: this.#tokenExpiration } : {}),
    });
    return { name, url: `libsql://${hostname}`, token: jwt };
  }

  async databaseExists(name: string): Promise<boolean> {
    try {
      await this.#api.databases.get(name);
      return true;
    } catch (error) {
      if (statusOf(error) === 404) return false;
      throw error;
    }
  }

  /** The databases of our group only: the organisation may hold others (the control plane among them). */
  async listDatabases(): Promise<ListedDatabase[]> {
    const databases = await this.#api.databases.list({ group: this.#group });
    return databases.map(({ name, hostname }) => ({ name, url: `libsql://${hostname}` }));
  }

  async deleteDatabase(name: string): Promise<void> {
    try {
      await this.#api.databases.delete(name);
    } catch (error) {
      if (statusOf(error) !== 404) throw error;
    }
  }

  /**
   * Turso's export (what `turso db export` does): the database server's `GET /info` names its current
   * generation, `GET /export/<generation>` answers that generation as a SQLite file. A snapshot, so
   * consistent, but it may lack the last seconds of writes (decision 021). A short-lived read-only
   * token is minted for it, so the tenant's own token never leaves the control plane.
   */
  async exportDatabase(name: string): Promise<DatabaseExport> {
    const { hostname } = await this.#api.databases.get(name);
    const { jwt } = await this.#api.databases.createToken(name, { authorization: "read-only", expiration: "1h" });
    const base = this.#databaseBaseUrl(hostname).replace(/\/+$/, "");
    const headers = { authorization: `Bearer ${jwt}` };
    const info = await this.#fetch(`${base}/info`, { headers });
    if (!info.ok) throw await exportError(info, `info of database ${name}`);
    const { current_generation: generation } = ((await info.json()) ?? {}) as { current_generation?: unknown };
    if (typeof generation !== "number" && typeof generation !== "string") {
      throw new TenantDatabaseApiError(`info of database ${name} names no current generation`, undefined);
    }
    const exported = await this.#fetch(`${base}/export/${encodeURIComponent(String(generation))}`, { headers });
    if (!exported.ok || !exported.body) throw await exportError(exported, `export of database ${name}`);
    const length = Number(exported.headers.get("content-length"));
    return { body: exported.body, size: Number.isFinite(length) && length > 0 ? length : null };
  }

  async #createOrFind(name: string): Promise<string> {
    try {
      return (await this.#api.databases.create(name, { group: this.#group })).hostname;
    } catch (error) {
      // 409: it exists already (a retried step of the tenant that claimed this name, see
      // provision-tenant.ts). Its data stays; we only need its hostname.
      if (statusOf(error) !== 409) throw error;
      return (await this.#api.databases.get(name)).hostname;
    }
  }
}

async function exportError(response: Response, what: string): Promise<TenantDatabaseApiError> {
  const text = await response.text().catch(() => "");
  return new TenantDatabaseApiError(`${what} failed: HTTP ${response.status} ${text.slice(0, 200)}`.trim(), response.status);
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === "number" ? status : undefined;
}
