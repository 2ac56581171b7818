// Applies tenant migrations to every tenant database: a bounded pool, one broken database doesn't
// stop the others, and every outcome is recorded in tenant_migration_runs so a run can be resumed.
import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { Client, ControlDb } from "../client.ts";
import { tenantMigrationRuns, tenants, type Tenant } from "../control/schema.ts";
import { migrateDatabase, type Migration } from "../migrate.ts";
import { messageOf } from "../provisioning/errors.ts";
import { runPool } from "./run-pool.ts";

export interface TenantMigrationResult {
  tenantId: string;
  slug: string;
  status: "migrated" | "up_to_date" | "failed";
  applied: string[];
  error?: string;
  ms: number;
  /** Not contacted: with `resume`, an earlier run already brought it to the newest migration. */
  skipped?: boolean;
}

export interface MigrateAllTenantsOptions {
  control: ControlDb;
  /** A client for one tenant's database, e.g. `(tenant) => tenantDbClient(tenant, key)`. */
  openTenantClient: (tenant: Tenant) => Client | Promise<Client>;
  migrations: Migration[];
  concurrency?: number;
  /** Skip tenants whose latest recorded run reached the newest migration successfully. */
  resume?: boolean;
  onProgress?: (done: number, total: number, result: TenantMigrationResult) => void;
}

/** Run statuses in tenant_migration_runs. */
export const RUN_OK = "ok";
export const RUN_FAILED = "failed";

export async function migrateAllTenants(options: MigrateAllTenantsOptions): Promise<TenantMigrationResult[]> {
  const { control, migrations, concurrency = 8, resume = false, onProgress } = options;
  const newestId = migrations.at(-1)?.id;
  const candidates = await control
    .select()
    .from(tenants)
    .where(and(inArray(tenants.status, ["active", "suspended"]), isNotNull(tenants.dbUrl)))
    .orderBy(tenants.slug);
  const done = resume && newestId ? await findUpToDateTenants(control, newestId) : new Set<string>();

  let finished = 0;
  return runPool(candidates, concurrency, async (tenant) => {
    const result = done.has(tenant.id)
      ? skippedResult(tenant)
      : await migrateTenant(options, tenant, newestId);
    onProgress?.(++finished, candidates.length, result);
    return result;
  });
}

async function migrateTenant(
  { control, openTenantClient, migrations }: MigrateAllTenantsOptions,
  tenant: Tenant,
  newestId: string | undefined,
): Promise<TenantMigrationResult> {
  const started = performance.now();
  let result: TenantMigrationResult;
  try {
    const client = await openTenantClient(tenant);
    try {
      const { applied } = await migrateDatabase(client, migrations);
      result = base(tenant, applied.length > 0 ? "migrated" : "up_to_date", started, applied);
    } finally {
      client.close();
    }
  } catch (error) {
    result = { ...base(tenant, "failed", started, []), error: messageOf(error) };
  }
  if (newestId) await recordRun(control, result, newestId);
  return result;
}

async function recordRun(control: ControlDb, result: TenantMigrationResult, newestId: string): Promise<void> {
  try {
    await control.insert(tenantMigrationRuns).values({
      tenantId: result.tenantId,
      migrationId: newestId,
      status: result.status === "failed" ? RUN_FAILED : RUN_OK,
      error: result.error ?? null,
      finishedAt: Date.now(),
    });
  } catch (error) {
    // The migration itself went fine or failed on its own; losing the record only costs a resume skip.
    result.error = [result.error, `recording the run failed: ${messageOf(error)}`].filter(Boolean).join("; ");
  }
}

/** Tenants whose most recent run (highest rowid) reached `migrationId` with status ok. */
async function findUpToDateTenants(control: ControlDb, migrationId: string): Promise<Set<string>> {
  const rows = await control
    .select({ tenantId: tenantMigrationRuns.tenantId })
    .from(tenantMigrationRuns)
    .where(
      and(
        eq(tenantMigrationRuns.migrationId, migrationId),
        eq(tenantMigrationRuns.status, RUN_OK),
        sql`${tenantMigrationRuns}.rowid = (SELECT max(rowid) FROM ${tenantMigrationRuns} latest WHERE latest.tenant_id = ${tenantMigrationRuns.tenantId})`,
      ),
    );
  return new Set(rows.map((row) => row.tenantId));
}

function base(
  tenant: Tenant,
  status: TenantMigrationResult["status"],
  started: number,
  applied: string[],
): TenantMigrationResult {
  return { tenantId: tenant.id, slug: tenant.slug, status, applied, ms: Math.round(performance.now() - started) };
}

function skippedResult(tenant: Tenant): TenantMigrationResult {
  return { tenantId: tenant.id, slug: tenant.slug, status: "up_to_date", applied: [], ms: 0, skipped: true };
}
