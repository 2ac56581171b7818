// Shared setup for the libSQL server conformance tests: a fresh server on a temp dir, driven by the
// real @libsql/client.
import { createClient, type Client } from "@libsql/client";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createLocalAdminClient, type LocalAdminClient, type LocalDatabase } from "../../src/libsql-server/admin-client.ts";
import { startLibsqlServer, type LibsqlServerOptions, type RunningLibsqlServer } from "../../src/libsql-server/server.ts";

export interface TestServer {
  server: RunningLibsqlServer;
  admin: LocalAdminClient;
  adminToken: string;
  dataDir: string;
  /** Creates a database and a bigint-mode client for it (closed by `stop`). */
  database(name: string): Promise<{ db: LocalDatabase; client: Client }>;
  stop(): Promise<void>;
}

export async function makeTempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), "libsql-server-test-"));
}

export async function startTestServer(options: Partial<LibsqlServerOptions> = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? (await makeTempDir());
  const adminToken = options.adminToken ?? randomBytes(16).toString("hex");
  const server = await startLibsqlServer({ port: 0, ...options, dataDir, adminToken });
  const admin = createLocalAdminClient({ url: server.url, adminToken });
  const clients: Client[] = [];
  return {
    server,
    admin,
    adminToken,
    dataDir,
    async database(name) {
      const db = await admin.createDatabase(name);
      const client = createClient({ url: db.url, authToken: db.token, intMode: "bigint" });
      clients.push(client);
      return { db, client };
    },
    async stop() {
      for (const client of clients) client.close();
      await server.close();
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A raw Hrana pipeline call, for what @libsql/client does not let us express directly. */
export async function pipeline(db: LocalDatabase, body: unknown, token = db.token): Promise<{ status: number; body: any }> {
  const response = await fetch(new URL("v2/pipeline", db.url), {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}
