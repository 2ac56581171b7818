// The operator's cleanup CLI against a real local libSQL server and control plane.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateTenantTokenKey, importTenantTokenKey } from "@buurtplein/core";
import {
  controlMigrations,
  controlSchema,
  createDbClient,
  LocalTenantDatabases,
  migrateDatabase,
  openControlDb,
  provisionTenant,
  requestTenant,
  tenantMigrations,
  type ControlDb,
} from "@buurtplein/db";
import { eq } from "drizzle-orm";
import { startLibsqlServer, type RunningLibsqlServer } from "../../src/libsql-server/server.ts";
import { makeTempDir } from "../libsql-server/helpers.ts";

const root = resolve(import.meta.dirname, "../../..");
const run = promisify(execFile);
const admin = { email: "beheer@example.nl", displayName: "Beheer", passwordHash: "scrypt$x" };

let server: RunningLibsqlServer;
let databases: LocalTenantDatabases;
let control: ControlDb;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  const adminToken = randomBytes(16).toString("hex");
  server = await startLibsqlServer({ port: 0, dataDir: await makeTempDir(), adminToken });
  databases = new LocalTenantDatabases({ adminUrl: server.url, adminToken });
  const controlDb = await databases.createDatabase("control");
  const controlClient = createDbClient({ url: controlDb.url, authToken: controlDb.token });
  await migrateDatabase(controlClient, controlMigrations);
  control = openControlDb(controlClient);
  env = {
    ...process.env,
    CONTROL_DB_URL: controlDb.url,
    CONTROL_DB_TOKEN: controlDb.token,
    LOCAL_LIBSQL_ADMIN_URL: server.url,
    LOCAL_LIBSQL_ADMIN_TOKEN: adminToken,
  };
});

afterAll(async () => {
  await server.close();
});

async function cli(...args: string[]): Promise<string> {
  const { stdout } = await run(resolve(root, "node_modules/.bin/tsx"), [resolve(root, "infra/src/cli/remove-orphan-databases.ts"), ...args], { env, cwd: root });
  return stdout;
}

async function names(): Promise<string[]> {
  return (await databases.listDatabases()).map((database) => database.name).sort();
}

describe("remove-orphan-databases", () => {
  it("lists databases without a tenant, deletes them only with --yes, and keeps every claimed one", async () => {
    const tokenKey = await importTenantTokenKey(generateTenantTokenKey());
    // An active tenant.
    const active = await requestTenant(control, { slug: "actief", name: "Actief", admin });
    await provisionTenant({ control, databases, tenantId: active.id, tenantMigrations, tokenKey });
    // A tenant in the middle of provisioning: its name is claimed and the database exists, the step is not recorded yet.
    const midway = await requestTenant(control, { slug: "halverwege", name: "Halverwege", admin });
    await control.update(controlSchema.tenants).set({ dbName: "tenant-halverwege" }).where(eq(controlSchema.tenants.id, midway.id));
    await databases.createDatabase("tenant-halverwege");
    // A corporation whose row is gone; and a database that is no tenant database at all.
    const gone = await requestTenant(control, { slug: "weg", name: "Weg", admin });
    await provisionTenant({ control, databases, tenantId: gone.id, tenantMigrations, tokenKey });
    await control.delete(controlSchema.tenants).where(eq(controlSchema.tenants.id, gone.id));
    await databases.createDatabase("iets-anders");

    const dryRun = await cli();
    expect(dryRun).toContain("without a tenant: tenant-weg");
    expect(dryRun).toMatch(/1 database\(s\) without a tenant; nothing deleted/);
    expect(await names()).toEqual(["control", "iets-anders", "tenant-actief", "tenant-halverwege", "tenant-weg"]);

    expect(await cli("--yes")).toContain("deleted tenant-weg");
    expect(await names()).toEqual(["control", "iets-anders", "tenant-actief", "tenant-halverwege"]);
    expect(await cli()).toContain("no databases without a tenant");
  }, 60_000); // three CLI runs, each a fresh tsx process
});
