// The Worker's `queue` handler: runs each message's job for its tenant (run-job.ts). A message whose
// job failed is retried with a delay (wrangler.toml: max_retries, then the dead-letter queue); one that
// makes no sense (unknown job or tenant) is logged and acknowledged: retrying cannot mend it.
import { eq } from "drizzle-orm";
import { controlSchema, createDbClient, openControlDb, openTenantDb, tenantDbClient } from "@buurtplein/db";
import type { Bindings } from "../env.ts";
import { createLogger } from "../lib/logger.ts";
import { tenantTokenKey } from "../tenancy/tenant-token-key.ts";
import { isJobName, type JobMessage } from "./job-message.ts";
import { runTenantJobOnce, tenantOrigin } from "./run-job.ts";

/** Seconds before a failed job is tried again (then 2×, 4×… is not needed: a few retries, then dead letters). */
export const RETRY_DELAY_SECONDS = 60;

export async function queue(batch: MessageBatch<unknown>, env: Bindings, _ctx: ExecutionContext): Promise<void> {
  const control = openControlDb(createDbClient({ url: env.CONTROL_DB_URL, authToken: env.CONTROL_DB_TOKEN }));
  for (const message of batch.messages) {
    const body = message.body as Partial<JobMessage> | null;
    const logger = createLogger({ queue: batch.queue, messageId: message.id, attempts: message.attempts, job: body?.job ?? null, tenant: body?.tenant ?? null });
    if (!body || !isJobName(body.job) || typeof body.tenant !== "string" || typeof body.period !== "string" || typeof body.scheduledTime !== "number") {
      logger.log("error", "job message not understood", { body });
      message.ack();
      continue;
    }
    try {
      const [tenant] = await control.select().from(controlSchema.tenants).where(eq(controlSchema.tenants.slug, body.tenant)).limit(1);
      if (!tenant || !tenant.dbUrl || !tenant.dbToken || (tenant.status !== "active" && tenant.status !== "suspended")) {
        logger.log("error", "job for a tenant that is not there", { status: tenant?.status ?? null });
        message.ack();
        continue;
      }
      const db = openTenantDb(await tenantDbClient(tenant, await tenantTokenKey(env)));
      const started = Date.now();
      const outcome = await runTenantJobOnce(body.job, body.period, { env, control, tenant, db, logger, now: body.scheduledTime, origin: tenantOrigin(env, tenant.slug) });
      logger.log("info", "job ran", { period: body.period, ...outcome, ms: Date.now() - started });
      message.ack();
    } catch (error) {
      logger.log("error", "job failed, will retry", { error: error instanceof Error ? error.message : String(error) });
      message.retry({ delaySeconds: RETRY_DELAY_SECONDS });
    }
  }
}
