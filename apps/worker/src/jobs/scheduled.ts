// The cron trigger (wrangler.toml, hourly): the control plane's own cleanup runs here; everything per
// tenant goes on the JOBS queue as one message per tenant and job, so each runs in its own invocation
// with its own limits (subrequests, CPU), retries and a dead-letter queue (decision 024).
import { and, inArray, isNotNull } from "drizzle-orm";
import { computeRetentionCutoffs, hourPeriod } from "@buurtplein/core";
import { cleanControlPlane, controlSchema, createDbClient, openControlDb, type ControlDb } from "@buurtplein/db";
import type { Bindings } from "../env.ts";
import { createLogger } from "../lib/logger.ts";
import { JOB_NAMES, type JobMessage, type JobName } from "./job-message.ts";

/** Messages per sendBatch call (the Queues limit is 100 messages and 256 KB per batch). */
export const ENQUEUE_BATCH_SIZE = 100;

/** The tenants scheduled work is for: active ones; suspended ones still hold data that retention must clean. */
export async function scheduledTenants(control: ControlDb): Promise<{ slug: string; status: string }[]> {
  return control
    .select({ slug: controlSchema.tenants.slug, status: controlSchema.tenants.status })
    .from(controlSchema.tenants)
    .where(and(inArray(controlSchema.tenants.status, ["active", "suspended"]), isNotNull(controlSchema.tenants.dbUrl), isNotNull(controlSchema.tenants.dbToken)))
    .orderBy(controlSchema.tenants.slug);
}

/** One message per tenant and job (the digest only for active corporations). */
export function jobMessagesFor(tenants: { slug: string; status: string }[], scheduledTime: number, jobs: readonly JobName[] = JOB_NAMES): JobMessage[] {
  const period = hourPeriod(scheduledTime);
  return tenants.flatMap((tenant) =>
    jobs.filter((job) => job !== "digest" || tenant.status === "active").map((job) => ({ job, tenant: tenant.slug, period, scheduledTime })),
  );
}

/** The Worker's `scheduled` handler. */
export async function scheduled(controller: ScheduledController, env: Bindings, _ctx: ExecutionContext): Promise<void> {
  const logger = createLogger({ job: "scheduler", cron: controller.cron });
  const control = openControlDb(createDbClient({ url: env.CONTROL_DB_URL, authToken: env.CONTROL_DB_TOKEN }));
  let controlPlane: Awaited<ReturnType<typeof cleanControlPlane>> | { error: string };
  try {
    controlPlane = await cleanControlPlane(control, computeRetentionCutoffs(controller.scheduledTime));
  } catch (error) {
    controlPlane = { error: error instanceof Error ? error.message : String(error) };
  }
  if (!env.JOBS) throw new Error("the JOBS queue binding is missing (wrangler.toml [[queues.producers]])");
  const messages = jobMessagesFor(await scheduledTenants(control), controller.scheduledTime);
  for (let start = 0; start < messages.length; start += ENQUEUE_BATCH_SIZE) {
    await env.JOBS.sendBatch(messages.slice(start, start + ENQUEUE_BATCH_SIZE).map((body) => ({ body, contentType: "json" as const })));
  }
  logger.log("error" in controlPlane ? "error" : "info", "jobs enqueued", { messages: messages.length, period: messages[0]?.period ?? null, controlPlane });
}
