// Shared bench setup: a local libSQL server on a temp dir with a migrated control database.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startLibsqlServer } from "../infra/src/libsql-server/server.ts";
import { generateTenantTokenKey, importTenantTokenKey, type TenantTokenKey } from "../packages/core/src/index.ts";
import {
  controlMigrations,
  createDbClient,
  LocalTenantDatabases,
  migrateDatabase,
  openControlDb,
  type Client,
  type ControlDb,
} from "../packages/db/src/index.ts";

export interface LocalPlatform {
  databases: LocalTenantDatabases;
  controlClient: Client;
  control: ControlDb;
  /** Encrypts the tenant database tokens in this control plane, as TENANT_TOKEN_KEY does in the worker. */
  tokenKey: TenantTokenKey;
  close(): Promise<void>;
}

export async function startLocalPlatform(): Promise<LocalPlatform> {
  const dataDir = await mkdtemp(join(tmpdir(), "buurtplein-bench-"));
  const adminToken = randomBytes(16).toString("hex");
  const server = await startLibsqlServer({ dataDir, port: 0, adminToken });
  const databases = new LocalTenantDatabases({ adminUrl: server.url, adminToken });
  const controlDatabase = await databases.createDatabase("control");
  const controlClient = createDbClient({ url: controlDatabase.url, authToken: controlDatabase.token });
  await migrateDatabase(controlClient, controlMigrations);
  return {
    databases,
    controlClient,
    control: openControlDb(controlClient),
    tokenKey: await importTenantTokenKey(generateTenantTokenKey()),
    async close() {
      controlClient.close();
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Nearest-rank percentile of already sorted numbers. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}
