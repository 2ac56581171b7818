// Typed client for the local libSQL server's admin API. Global fetch only: this also runs inside
// Cloudflare workerd, so no node: imports here.

export interface LocalDatabase {
  name: string;
  /** http://127.0.0.1:PORT/db/<name>/ */
  url: string;
  token: string;
}

export interface LocalDatabaseSummary {
  name: string;
  url: string;
}

export interface LocalAdminClient {
  createDatabase(name: string): Promise<LocalDatabase>;
  getDatabase(name: string): Promise<LocalDatabase>;
  listDatabases(): Promise<LocalDatabaseSummary[]>;
  deleteDatabase(name: string): Promise<void>;
}

/** A non-2xx answer. `code` is the server's error code, e.g. "database_exists" (409), "invalid_name" (422). */
export class LocalAdminError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
  ) {
    super(message);
    this.name = "LocalAdminError";
  }
}

export function createLocalAdminClient(options: { url: string; adminToken: string; fetch?: typeof fetch }): LocalAdminClient {
  const base = options.url.replace(/\/+$/, "");
  // Called through a closure: workerd throws "Illegal invocation" for a detached global fetch.
  const doFetch = options.fetch ?? ((input: string, init?: RequestInit) => fetch(input, init));

  async function request(method: string, path: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = { authorization: `Bearer ${options.adminToken}` };
    if (body !== undefined) headers["content-type"] = "application/json";
    const response = await doFetch(`${base}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (response.ok) return response;
    const text = await response.text().catch(() => "");
    let code = `http_${response.status}`;
    let message = text || response.statusText;
    try {
      const parsed = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
      if (typeof parsed.error?.code === "string") code = parsed.error.code;
      if (typeof parsed.error?.message === "string") message = parsed.error.message;
    } catch {
      // not JSON: keep the raw text
    }
    throw new LocalAdminError(`${method} ${path} failed (HTTP ${response.status}): ${message}`, response.status, code);
  }

  const path = (name: string) => `/admin/databases/${encodeURIComponent(name)}`;
  return {
    async createDatabase(name) {
      return (await (await request("POST", "/admin/databases", { name })).json()) as LocalDatabase;
    },
    async getDatabase(name) {
      return (await (await request("GET", path(name))).json()) as LocalDatabase;
    },
    async listDatabases() {
      const body = (await (await request("GET", "/admin/databases")).json()) as { databases: LocalDatabaseSummary[] };
      return body.databases;
    },
    async deleteDatabase(name) {
      const response = await request("DELETE", path(name));
      await response.body?.cancel();
    },
  };
}
