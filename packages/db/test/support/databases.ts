// Test helpers: fresh databases on the shared local libSQL server (see setup/libsql-server.ts).
import { randomBytes } from "node:crypto";
import { generateTenantTokenKey, importTenantTokenKey, type TenantTokenKey } from "@buurtplein/core";
import { inject } from "vitest";
import {
  controlMigrations,
  createDbClient,
  LocalTenantDatabases,
  migrateDatabase,
  openControlDb,
  type Client,
  type ControlDb,
  type TenantDatabase,
} from "../../src/index.ts";

export function localDatabases(): LocalTenantDatabases {
  return new LocalTenantDatabases({ adminUrl: inject("libsqlUrl"), adminToken: inject("libsqlAdminToken") });
}

/** A lower-case name that no other test uses, e.g. "mig-3fa9c1d2". */
export function uniqueName(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString("hex")}`;
}

export async function createFreshDatabase(prefix: string): Promise<{ database: TenantDatabase; client: Client }> {
  const database = await localDatabases().createDatabase(uniqueName(prefix));
  return { database, client: createDbClient({ url: database.url, authToken: database.token }) };
}

export async function createControlDb(): Promise<ControlDb> {
  const { client } = await createFreshDatabase("control");
  await migrateDatabase(client, controlMigrations);
  return openControlDb(client);
}

/** The TENANT_TOKEN_KEY of these tests (one random key per test file). */
export const tokenKey: TenantTokenKey = await importTenantTokenKey(generateTenantTokenKey());
