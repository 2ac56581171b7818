// The hourly retention cleanup (Cloudflare cron trigger, see wrangler.toml): the control plane first,
// then every tenant database through a bounded pool. One broken tenant is reported, not fatal.
import { and, inArray, isNotNull } from "drizzle-orm";
import { computeRetentionCutoffs } from "@buurtplein/core";
import {
  cleanControlPlane,
  cleanTenantDatabase,
  controlSchema,
  createDbClient,
  openControlDb,
  openTenantDb,
  runPool,
  tenantDbClient,
  type ControlDb,
  type ControlPlaneCleanupCounts,
  type TenantCleanupCounts,
  type TenantDb,
} from "@buurtplein/db";
import type { Bindings, Tenant } from "../env.ts";
import { createLogger, type Logger } from "../lib/logger.ts";
import { tenantTokenKey } from "../tenancy/tenant-token-key.ts";

/** Tenant databases cleaned at the same time. */
export const CLEANUP_CONCURRENCY = 8;

export interface RetentionCleanupOptions {
  control: ControlDb;
  openTenant: (tenant: Tenant) => TenantDb | Promise<TenantDb>;
  logger: Logger;
  now?: number;
  concurrency?: number;
}

export interface RetentionCleanupReport {
  controlPlane: ControlPlaneCleanupCounts | null;
  tenantsCleaned: number;
  tenantsFailed: { slug: string; error: string }[];
  /** Rows deleted over all tenant databases. */
  tenantTotals: TenantCleanupCounts;
  ms: number;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Cleans the control plane and every active or suspended tenant; logs one JSON line with the totals. */
export async function runRetentionCleanup(options: RetentionCleanupOptions): Promise<RetentionCleanupReport> {
  const { control, openTenant, logger, now = Date.now(), concurrency = CLEANUP_CONCURRENCY } = options;
  const started = Date.now();
  const cutoffs = computeRetentionCutoffs(now);
  const failures: { slug: string; error: string }[] = [];

  let controlPlane: ControlPlaneCleanupCounts | null = null;
  try {
    controlPlane = await cleanControlPlane(control, cutoffs);
  } catch (error) {
    failures.push({ slug: "(control plane)", error: messageOf(error) });
  }

  // Suspended corporations still hold personal data: the same retention periods apply to them.
  const tenants = await control
    .select()
    .from(controlSchema.tenants)
    .where(and(inArray(controlSchema.tenants.status, ["active", "suspended"]), isNotNull(controlSchema.tenants.dbUrl), isNotNull(controlSchema.tenants.dbToken)))
    .orderBy(controlSchema.tenants.slug);
  const tenantTotals: TenantCleanupCounts = { sessions: 0, loginTokens: 0, rateLimits: 0, auditLog: 0 };
  let tenantsCleaned = 0;
  await runPool(tenants, concurrency, async (tenant) => {
    try {
      const counts = await cleanTenantDatabase(await openTenant(tenant), cutoffs);
      tenantTotals.sessions += counts.sessions;
      tenantTotals.loginTokens += counts.loginTokens;
      tenantTotals.rateLimits += counts.rateLimits;
      tenantTotals.auditLog += counts.auditLog;
      tenantsCleaned++;
    } catch (error) {
      failures.push({ slug: tenant.slug, error: messageOf(error) });
    }
  });

  const report: RetentionCleanupReport = { controlPlane, tenantsCleaned, tenantsFailed: failures, tenantTotals, ms: Date.now() - started };
  logger.log(failures.length > 0 ? "error" : "info", "retention cleanup", {
    tenants: tenants.length,
    tenantsCleaned,
    tenantsFailed: failures,
    deleted: { ...tenantTotals, controlRateLimits: controlPlane?.rateLimits ?? 0, devMail: controlPlane?.devMail ?? 0, operatorSessions: controlPlane?.operatorSessions ?? 0 },
    ms: report.ms,
  });
  return report;
}

/** The worker's `scheduled` handler: the cron trigger runs the retention cleanup. */
export async function scheduled(controller: ScheduledController, env: Bindings, _ctx: ExecutionContext): Promise<void> {
  const control = openControlDb(createDbClient({ url: env.CONTROL_DB_URL, authToken: env.CONTROL_DB_TOKEN }));
  const logger = createLogger({ job: "retention-cleanup", cron: controller.cron });
  await runRetentionCleanup({
    control,
    logger,
    now: controller.scheduledTime,
    // Without a usable TENANT_TOKEN_KEY every tenant fails with that reason in the run's log line;
    // the control plane is still cleaned.
    openTenant: async (tenant) => openTenantDb(await tenantDbClient(tenant, await tenantTokenKey(env))),
  });
}
