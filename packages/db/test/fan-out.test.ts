import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  controlSchema,
  migrateAllTenants,
  provisionTenant,
  requestTenant,
  tenantDbClient,
  tenantMigrations,
  type ControlDb,
  type Migration,
  type Tenant,
  type TenantMigrationResult,
} from "../src/index.ts";
import { createControlDb, localDatabases, tokenKey, uniqueName } from "./support/databases.ts";

const probe: Migration = {
  id: "9000_bench_probe",
  hash: "probe",
  statements: ["CREATE TABLE bench_probe (id INTEGER PRIMARY KEY, note TEXT)"],
};
const migrations = [...tenantMigrations, probe];
const admin = { email: "beheer@example.nl", displayName: "Beheer", passwordHash: "h" };
const openTenantClient = (tenant: Tenant) => tenantDbClient(tenant, tokenKey);

async function provisionTenants(control: ControlDb, count: number): Promise<Tenant[]> {
  const result: Tenant[] = [];
  for (let i = 0; i < count; i++) {
    const { id } = await requestTenant(control, { slug: uniqueName(`fan${i}`), name: `Corporatie ${i}`, admin });
    result.push(await provisionTenant({ control, databases: localDatabases(), tenantId: id, tenantMigrations, tokenKey }));
  }
  return result;
}

function bySlug(results: TenantMigrationResult[]): Map<string, TenantMigrationResult> {
  return new Map(results.map((r) => [r.slug, r]));
}

describe("migrateAllTenants", () => {
  it("migrates every tenant, isolating a broken one, and records the runs", async () => {
    const control = await createControlDb();
    const tenants = await provisionTenants(control, 5);
    const [first, , broken] = tenants as [Tenant, Tenant, Tenant];
    await localDatabases().deleteDatabase(broken.dbName ?? "");
    await control.update(controlSchema.tenants).set({ status: "suspended" }).where(eq(controlSchema.tenants.id, first.id));
    // Still being provisioned: not part of the fan-out.
    await requestTenant(control, { slug: uniqueName("pending"), name: "Nog bezig", admin });

    const progress: [number, number][] = [];
    const results = await migrateAllTenants({
      control,
      openTenantClient,
      migrations,
      concurrency: 2,
      onProgress: (done, total) => progress.push([done, total]),
    });

    expect(results).toHaveLength(5);
    expect(progress).toEqual([1, 2, 3, 4, 5].map((done) => [done, 5]));
    const outcome = bySlug(results);
    for (const tenant of tenants) {
      const result = outcome.get(tenant.slug);
      if (tenant === broken) {
        expect(result).toMatchObject({ tenantId: broken.id, status: "failed", applied: [] });
        expect(result?.error).toBeTruthy();
      } else {
        expect(result).toMatchObject({ tenantId: tenant.id, status: "migrated", applied: ["9000_bench_probe"] });
      }
      expect(result?.ms).toBeGreaterThanOrEqual(0);
    }

    const runs = await control.select().from(controlSchema.tenantMigrationRuns).all();
    expect(runs).toHaveLength(5);
    expect(runs.every((run) => run.migrationId === "9000_bench_probe")).toBe(true);
    expect(runs.filter((run) => run.status === "ok")).toHaveLength(4);
    expect(runs.find((run) => run.tenantId === broken.id)).toMatchObject({ status: "failed" });

    const second = await migrateAllTenants({ control, openTenantClient, migrations });
    expect(second.filter((r) => r.status === "up_to_date")).toHaveLength(4);
    expect(second.filter((r) => r.status === "failed").map((r) => r.tenantId)).toEqual([broken.id]);
  });

  it("resumes: skips tenants whose latest run reached the newest migration", async () => {
    const control = await createControlDb();
    const tenants = await provisionTenants(control, 3);
    const [a, b, c] = tenants as [Tenant, Tenant, Tenant];
    // Only a and b got the probe so far (say the run was interrupted before c).
    await migrateAllTenants({
      control,
      openTenantClient: (tenant) => {
        if (tenant.id === c.id) throw new Error("interrupted");
        return openTenantClient(tenant);
      },
      migrations,
    });

    const opened: string[] = [];
    const resumed = await migrateAllTenants({
      control,
      migrations,
      resume: true,
      openTenantClient: (tenant) => {
        opened.push(tenant.id);
        return openTenantClient(tenant);
      },
    });
    expect(opened).toEqual([c.id]);
    const outcome = bySlug(resumed);
    expect(outcome.get(a.slug)).toMatchObject({ status: "up_to_date", skipped: true });
    expect(outcome.get(b.slug)).toMatchObject({ status: "up_to_date", skipped: true });
    expect(outcome.get(c.slug)).toMatchObject({ status: "migrated", applied: ["9000_bench_probe"] });

    // A newer migration makes everyone due again, even with resume.
    const newer: Migration = { id: "9001_newer", hash: "n", statements: ["CREATE TABLE newer (id INTEGER)"] };
    const next = await migrateAllTenants({ control, openTenantClient, migrations: [...migrations, newer], resume: true });
    expect(next.map((r) => r.status)).toEqual(["migrated", "migrated", "migrated"]);
  });
});
