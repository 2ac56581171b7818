// The retention cleanup in one go: the control plane first, then every tenant database through a
// bounded pool. One broken tenant is reported, not fatal. The hourly cron no longer calls this: it
// cleans the control plane and puts one "retention" message per tenant on the JOBS queue (scheduled.ts,
// run-job.ts); this stays for one-off runs and tests of the cleanup itself.
import { and, inArray, isNotNull } from "drizzle-orm";
import { computeRetentionCutoffs } from "@buurtplein/core";
import {
  cleanControlPlane,
  cleanTenantDatabase,
  controlSchema,
  runPool,
  type ControlDb,
  type ControlPlaneCleanupCounts,
  type TenantCleanupCounts,
  type TenantDb,
} from "@buurtplein/db";
import type { Tenant } from "../env.ts";
import type { Logger } from "../lib/logger.ts";

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
