// TenantDatabases backed by the Turso Platform API (via @tursodatabase/api).
import { createClient } from "@tursodatabase/api";
import type { ListedDatabase, TenantDatabase, TenantDatabases } from "./tenant-databases.ts";

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
}

type TursoApi = ReturnType<typeof createClient>;

export class TursoTenantDatabases implements TenantDatabases {
  readonly #api: TursoApi;
  readonly #group: string;
  readonly #tokenExpiration: string | undefined;

  constructor({ organization, apiToken, group, baseUrl, tokenExpiration }: TursoTenantDatabasesOptions) {
    this.#api = createClient({ org: organization, token: apiToken, ...(baseUrl ? { baseUrl } : {}) });
    this.#group = group;
    this.#tokenExpiration = tokenExpiration;
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

function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === "number" ? status : undefined;
}
