// Running one job for one tenant, at most once per period: the job_runs row (job, period, scope) is
// the lock and the record. A message delivered twice finds the row "done" and does nothing; a run that
// failed (or died: "running" for longer than STALE_RUN_MS) may be claimed again by a retry.
import { and, eq, isNotNull, lt, or, sql } from "drizzle-orm";
import { computeRetentionCutoffs } from "@buurtplein/core";
import { cleanTenantDatabase, tenantSchema, type ControlDb, type TenantDb } from "@buurtplein/db";
import type { Bindings, Tenant } from "../env.ts";
import type { Logger } from "../lib/logger.ts";
import { runDigestJob } from "../notifications/digest-job.ts";
import { runCareJob } from "../care/care-job.ts";
import type { JobName } from "./job-message.ts";

const { jobRuns } = tenantSchema;

/** A "running" row older than this is taken to be a run that died (the Worker was stopped). */
export const STALE_RUN_MS = 15 * 60 * 1000;

/** Read notifications are deleted by the retention job after this long. */
export const READ_NOTIFICATION_RETENTION_MS = 183 * 24 * 60 * 60 * 1000;

/** Scope of a whole-tenant run in job_runs (a member's digest uses the member's id). */
export const TENANT_SCOPE = "tenant";

/** Claims (job, period, scope); true when this caller now owns the run. */
export async function claimJobRun(db: TenantDb, job: string, period: string, scope: string, now: number): Promise<boolean> {
  const result = await db
    .insert(jobRuns)
    .values({ job, period, scope, status: "running", startedAt: now })
    .onConflictDoUpdate({
      target: [jobRuns.job, jobRuns.period, jobRuns.scope],
      set: { status: "running", attempts: sql`${jobRuns.attempts} + 1`, startedAt: now, finishedAt: null },
      setWhere: or(eq(jobRuns.status, "failed"), and(eq(jobRuns.status, "running"), lt(jobRuns.startedAt, now - STALE_RUN_MS))),
    });
  return result.rowsAffected === 1;
}

export async function finishJobRun(db: TenantDb, job: string, period: string, scope: string, status: "done" | "failed", result: Record<string, unknown>): Promise<void> {
  await db
    .update(jobRuns)
    .set({ status, result, finishedAt: Date.now() })
    .where(and(eq(jobRuns.job, job), eq(jobRuns.period, period), eq(jobRuns.scope, scope)));
}

export interface TenantJobContext {
  env: Bindings;
  control: ControlDb;
  tenant: Tenant;
  db: TenantDb;
  logger: Logger;
  now: number;
  /** The corporation's site, for links in e-mails. */
  origin: string;
  /** Dev only: run the digest as if every member's preferred hour had come. */
  everyone?: boolean;
}

/** The work itself, without the once-per-period guard (the dev route and the consumer share it). */
export async function runJobWork(job: JobName, context: TenantJobContext): Promise<Record<string, unknown>> {
  switch (job) {
    case "retention": {
      const counts = await cleanTenantDatabase(context.db, computeRetentionCutoffs(context.now));
      // Read notifications are kept half a year; unread ones until they are read.
      const notifications = await context.db
        .delete(tenantSchema.notifications)
        .where(and(isNotNull(tenantSchema.notifications.readAt), lt(tenantSchema.notifications.readAt, context.now - READ_NOTIFICATION_RETENTION_MS)));
      return { ...counts, notifications: notifications.rowsAffected };
    }
    case "digest":
      return { ...(await runDigestJob(context)) };
    case "care":
      // Reminders, escalation and retention of early-warning signals (care/care-job.ts).
      return { ...(await runCareJob(context.db, context.now)) };
  }
}

export type JobOutcome = { status: "done"; result: Record<string, unknown> } | { status: "skipped"; reason: "already_ran" };

/** Runs `job` for this tenant and period once; throws (and records "failed") when the work fails, so the queue retries. */
export async function runTenantJobOnce(job: JobName, period: string, context: TenantJobContext): Promise<JobOutcome> {
  if (!(await claimJobRun(context.db, job, period, TENANT_SCOPE, context.now))) return { status: "skipped", reason: "already_ran" };
  try {
    const result = await runJobWork(job, context);
    await finishJobRun(context.db, job, period, TENANT_SCOPE, "done", result);
    return { status: "done", result };
  } catch (error) {
    await finishJobRun(context.db, job, period, TENANT_SCOPE, "failed", { error: error instanceof Error ? error.message : String(error) }).catch(() => undefined);
    throw error;
  }
}

/** Links in scheduled e-mails point at the tenant's own host. */
export function tenantOrigin(env: Pick<Bindings, "TENANT_ORIGIN_TEMPLATE" | "BASE_DOMAINS">, slug: string): string {
  const base = env.BASE_DOMAINS.split(",")[0]?.trim() || "localhost";
  return (env.TENANT_ORIGIN_TEMPLATE ?? "https://{slug}.{base}").replace("{slug}", slug).replace("{base}", base);
}
