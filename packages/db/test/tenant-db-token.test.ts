import { generateTenantTokenKey, importTenantTokenKey, TenantTokenDecryptError } from "@buurtplein/core";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  controlSchema,
  openTenantDb,
  provisionTenant,
  requestTenant,
  sealPlainTenantDbTokens,
  TenantDatabaseMissingError,
  tenantDbClient,
  tenantDbCredentials,
  tenantMigrations,
  type ControlDb,
  type Tenant,
} from "../src/index.ts";
import { createControlDb, localDatabases, tokenKey, uniqueName } from "./support/databases.ts";

const admin = { email: "beheer@example.nl", displayName: "Beheer", passwordHash: "h" };

async function loadTenant(control: ControlDb, id: string): Promise<Tenant> {
  const tenant = await control.select().from(controlSchema.tenants).where(eq(controlSchema.tenants.id, id)).get();
  if (!tenant) throw new Error("tenant vanished");
  return tenant;
}

/** The token the local libSQL server issues for a database (creating it again returns the existing one). */
async function issuedToken(dbName: string): Promise<string> {
  return (await localDatabases().createDatabase(dbName)).token;
}

async function answers(tenant: Tenant): Promise<boolean> {
  const db = openTenantDb(await tenantDbClient(tenant, tokenKey));
  const rows = await db.all<{ one: number }>(sql`select 1 as one`);
  return rows[0]?.one === 1;
}

/** A tenant as an older release left it: database created and recorded with its token in plain text. */
async function legacyTenant(control: ControlDb, step: "database_created" | "active") {
  const slug = uniqueName("oud");
  const { id } = await requestTenant(control, { slug, name: "Oude Corporatie", admin });
  const database = await localDatabases().createDatabase(`tenant-${slug}`);
  await control
    .update(controlSchema.tenants)
    .set({
      dbName: database.name,
      dbUrl: database.url,
      dbToken: database.token,
      provisioningStep: step,
      status: step === "active" ? "active" : "failed",
      ...(step === "active" ? { pendingAdmin: null } : {}),
    })
    .where(eq(controlSchema.tenants.id, id));
  return { id, token: database.token };
}

describe("tenant database tokens at rest", () => {
  it("are stored encrypted by provisioning, and read back through tenantDbCredentials", async () => {
    const control = await createControlDb();
    const { id } = await requestTenant(control, { slug: uniqueName("linde"), name: "De Linde", admin });
    const tenant = await provisionTenant({ control, databases: localDatabases(), tenantId: id, tenantMigrations, tokenKey });

    const plain = await issuedToken(tenant.dbName!);
    const stored = (await loadTenant(control, id)).dbToken!;
    expect(stored).toMatch(/^v1:/);
    expect(stored).not.toContain(plain);
    expect(await tenantDbCredentials(tenant, tokenKey)).toEqual({ url: tenant.dbUrl, authToken: plain });
    expect(await answers(tenant)).toBe(true);
  });

  it("refuses the wrong key, and a row without a database", async () => {
    const control = await createControlDb();
    const { id } = await requestTenant(control, { slug: uniqueName("linde"), name: "De Linde", admin });
    await expect(tenantDbCredentials(await loadTenant(control, id), tokenKey)).rejects.toThrow(TenantDatabaseMissingError);

    const tenant = await provisionTenant({ control, databases: localDatabases(), tenantId: id, tenantMigrations, tokenKey });
    const otherKey = await importTenantTokenKey(generateTenantTokenKey());
    await expect(tenantDbCredentials(tenant, otherKey)).rejects.toThrow(TenantTokenDecryptError);
  });

  it("still reads a legacy plain token, and seals it when provisioning resumes", async () => {
    const control = await createControlDb();
    const { id, token } = await legacyTenant(control, "database_created");
    const before = await loadTenant(control, id);
    expect(before.dbToken).toBe(token);
    expect((await tenantDbCredentials(before, tokenKey)).authToken).toBe(token);

    const tenant = await provisionTenant({ control, databases: localDatabases(), tenantId: id, tenantMigrations, tokenKey });
    expect(tenant.status).toBe("active");
    expect(tenant.dbToken).toMatch(/^v1:/);
    expect(tenant.dbToken).not.toContain(token);
    expect(await answers(tenant)).toBe(true);
  });

  it("sealPlainTenantDbTokens encrypts every plain token once and leaves sealed ones alone", async () => {
    const control = await createControlDb();
    const legacy = [await legacyTenant(control, "active"), await legacyTenant(control, "active")];
    const { id } = await requestTenant(control, { slug: uniqueName("nieuw"), name: "Nieuw", admin });
    const modern = await provisionTenant({ control, databases: localDatabases(), tenantId: id, tenantMigrations, tokenKey });
    const notYetCreated = await requestTenant(control, { slug: uniqueName("wacht"), name: "Wacht", admin });

    expect(await sealPlainTenantDbTokens(control, tokenKey)).toBe(2);
    for (const { id: legacyId, token } of legacy) {
      const row = await loadTenant(control, legacyId);
      expect(row.dbToken).toMatch(/^v1:/);
      expect(row.dbToken).not.toContain(token);
      expect((await tenantDbCredentials(row, tokenKey)).authToken).toBe(token);
      expect(await answers(row)).toBe(true);
    }
    expect((await loadTenant(control, id)).dbToken).toBe(modern.dbToken);
    expect((await loadTenant(control, notYetCreated.id)).dbToken).toBeNull();
    expect(await sealPlainTenantDbTokens(control, tokenKey)).toBe(0);
  });
});
