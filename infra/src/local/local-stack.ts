// The local stand-in for production's data layer: our libSQL server (supervised) serving database
// files from a data folder, a migrated control-plane database, and tenant databases created through
// the server's admin API exactly as Turso's platform API would create them.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generateTenantTokenKey, importTenantTokenKey, type TenantTokenKey } from "@buurtplein/core";
import { eq } from "drizzle-orm";
import {
  controlMigrations,
  controlSchema,
  createDbClient,
  LocalTenantDatabases,
  migrateDatabase,
  openControlDb,
  sealPlainTenantDbTokens,
  type ControlDb,
} from "@buurtplein/db";
import { startSupervisedLibsqlServer, type SupervisedServer } from "../libsql-server/supervisor.ts";

export const CONTROL_DATABASE_NAME = "control";

export interface LocalStack {
  server: SupervisedServer;
  adminUrl: string;
  adminToken: string;
  controlUrl: string;
  controlToken: string;
  control: ControlDb;
  databases: LocalTenantDatabases;
  /** TENANT_TOKEN_KEY of this data folder (base64), and the same key imported. */
  tenantTokenKeyBase64: string;
  tenantTokenKey: TenantTokenKey;
  stop(): Promise<void>;
}

/** A random admin token, kept in the data folder so restarts keep working with the same files. */
function adminTokenFor(dataDir: string): string {
  const file = join(dataDir, "admin-token");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const token = randomBytes(24).toString("base64url");
  writeFileSync(file, token, { mode: 0o600 });
  return token;
}

/**
 * The key that encrypts tenant database tokens in this data folder's control plane, made once and kept
 * next to the databases it belongs to (a new key would make the stored tokens unreadable).
 */
export function tenantTokenKeyFor(dataDir: string): string {
  const file = join(dataDir, "tenant-token.key");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const key = generateTenantTokenKey();
  writeFileSync(file, key, { mode: 0o600 });
  return key;
}

export async function startLocalStack(options: { dataDir: string; libsqlPort: number; quiet?: boolean }): Promise<LocalStack> {
  mkdirSync(options.dataDir, { recursive: true });
  const adminToken = adminTokenFor(options.dataDir);
  const server = await startSupervisedLibsqlServer({ dataDir: options.dataDir, port: options.libsqlPort, adminToken, quiet: options.quiet ?? false });
  const databases = new LocalTenantDatabases({ adminUrl: server.url, adminToken });
  const controlDatabase = await databases.createDatabase(CONTROL_DATABASE_NAME); // idempotent: returns the existing one
  const controlClient = createDbClient({ url: controlDatabase.url, authToken: controlDatabase.token });
  await migrateDatabase(controlClient, controlMigrations);
  const control = openControlDb(controlClient);
  const tenantTokenKeyBase64 = tenantTokenKeyFor(options.dataDir);
  const tenantTokenKey = await importTenantTokenKey(tenantTokenKeyBase64);
  // Data folders from before tokens were encrypted: seal their plain tokens once.
  await sealPlainTenantDbTokens(control, tenantTokenKey);
  await pointTenantsAtServer(control, databases);
  return {
    server,
    adminUrl: server.url,
    adminToken,
    controlUrl: controlDatabase.url,
    controlToken: controlDatabase.token,
    control,
    databases,
    tenantTokenKeyBase64,
    tenantTokenKey,
    stop: () => server.stop(),
  };
}

/**
 * Rewrites each tenant's `db_url` to where this server serves its database now; returns how many
 * rows changed. A local URL holds the libSQL server's port (PORT − 7 by default), so a data folder
 * first served with `npm start` and then with `PORT=9000 npm start` would otherwise point every
 * tenant at a port nobody listens on.
 *
 * Why rewrite rather than store a port-free reference resolved at connect time: `db_url` stays a
 * plain URL, as it is with Turso, so every reader (the worker's tenant middleware, the retention
 * cron, the migration fan-out, CLIs, tests) connects with it as is and no local-only resolver runs
 * in production code. The port can only change when this function's caller starts the server, and
 * nothing reads the control plane before it returns, so correcting the rows here is enough.
 */
export async function pointTenantsAtServer(control: ControlDb, databases: LocalTenantDatabases): Promise<number> {
  const served = new Map((await databases.listDatabases()).map((database) => [database.name, database.url]));
  const rows = await control
    .select({ id: controlSchema.tenants.id, dbName: controlSchema.tenants.dbName, dbUrl: controlSchema.tenants.dbUrl })
    .from(controlSchema.tenants);
  let changed = 0;
  for (const row of rows) {
    const url = row.dbName ? served.get(row.dbName) : undefined;
    if (!url || !row.dbUrl || row.dbUrl === url) continue;
    await control.update(controlSchema.tenants).set({ dbUrl: url }).where(eq(controlSchema.tenants.id, row.id));
    changed++;
  }
  return changed;
}

/**
 * The Worker's local secrets and settings. `npm start` hands them to the web app's build and dev
 * server in the environment variable BUURTPLEIN_WORKER_VARS (apps/web/vite.config.ts puts them into the
 * worker's config), so two local products, each with its own data folder, never read each other's.
 */
export function workerLocalVars(stack: LocalStack, extra: Record<string, string> = {}): Record<string, string> {
  return {
    CONTROL_DB_URL: stack.controlUrl,
    CONTROL_DB_TOKEN: stack.controlToken,
    LOCAL_LIBSQL_ADMIN_URL: stack.adminUrl,
    LOCAL_LIBSQL_ADMIN_TOKEN: stack.adminToken,
    TENANT_TOKEN_KEY: stack.tenantTokenKeyBase64,
    ...extra,
  };
}
