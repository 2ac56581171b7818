// Scheduled work: the cron puts one message per tenant and job on the JOBS queue; the queue handler
// runs a tenant's job once per period (job_runs), acknowledges it, and asks for a retry when it fails.
import { describe, expect, it } from "vitest";
import { createExecutionContext, createMessageBatch, createScheduledController, getQueueResult, waitOnExecutionContext } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { generateSessionToken, generateTenantTokenKey, hashSessionToken, hourPeriod } from "@buurtplein/core";
import { controlSchema, tenantSchema } from "@buurtplein/db";
import worker from "../src/index.ts";
import type { JobMessage } from "../src/jobs/job-message.ts";
import type { Bindings } from "../src/env.ts";
import { bindings, control, tenantDb } from "./helpers.ts";
import { createFreshTenant } from "./invite-fixtures.ts";

/** The JOBS queue as the cron sees it, recording what it sends (Cloudflare Queues is the outside service here). */
function recordingQueue() {
  const sent: JobMessage[] = [];
  const queue = {
    async send(body: JobMessage) {
      sent.push(body);
    },
    async sendBatch(messages: Iterable<{ body: JobMessage }>) {
      for (const message of messages) sent.push(message.body);
    },
  };
  return { sent, env: { ...bindings, JOBS: queue } as unknown as Bindings };
}

async function deliver(body: JobMessage, env: Bindings = bindings, attempts = 1) {
  const id = crypto.randomUUID();
  const batch = createMessageBatch<JobMessage>("buurtplein-jobs", [{ id, timestamp: new Date(), attempts, body }]);
  const ctx = createExecutionContext();
  await worker.queue(batch as MessageBatch<unknown>, env, ctx);
  return { id, result: await getQueueResult(batch, ctx) };
}

async function jobRun(slug: string, job: string, period: string) {
  const rows = await (await tenantDb(slug))
    .select()
    .from(tenantSchema.jobRuns)
    .where(and(eq(tenantSchema.jobRuns.job, job), eq(tenantSchema.jobRuns.period, period), eq(tenantSchema.jobRuns.scope, "tenant")));
  return rows[0] ?? null;
}

/** A unique period, so runs of this test never meet another test's. */
function testPeriod(): string {
  return `test-${crypto.randomUUID()}`;
}

describe("scheduled work on the JOBS queue", () => {
  it("the cron enqueues one message per tenant and job for the hour, and cleans the control plane itself", async () => {
    const fresh = await createFreshTenant();
    const { sent, env } = recordingQueue();
    const scheduledTime = Date.UTC(2026, 11, 1, 7, 17);
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ scheduledTime, cron: "17 * * * *" }), env, ctx);
    await waitOnExecutionContext(ctx);

    const activeTenants = await control().select({ slug: controlSchema.tenants.slug }).from(controlSchema.tenants).where(eq(controlSchema.tenants.status, "active"));
    for (const slug of ["delinde", "havenstad", fresh.slug]) {
      expect(sent.filter((message) => message.tenant === slug).map((message) => message.job).sort()).toEqual(["care", "digest", "retention"]);
    }
    expect(sent.filter((message) => message.job === "digest")).toHaveLength(activeTenants.length);
    expect(new Set(sent.map((message) => message.period))).toEqual(new Set([hourPeriod(scheduledTime)]));
    expect(sent.every((message) => message.scheduledTime === scheduledTime)).toBe(true);
  });

  it("the consumer runs a tenant's job, acknowledges it, and a second delivery for the same period does nothing", async () => {
    const db = await tenantDb("delinde");
    const [someone] = await db.select({ id: tenantSchema.users.id }).from(tenantSchema.users).limit(1);
    const token = generateSessionToken();
    const expired = await hashSessionToken(token);
    await db.insert(tenantSchema.sessions).values({ id: expired, userId: someone!.id, expiresAt: Date.now() - 60_000 });
    const body: JobMessage = { job: "retention", tenant: "delinde", period: testPeriod(), scheduledTime: Date.now() };

    const first = await deliver(body);
    expect(first.result.explicitAcks).toEqual([first.id]);
    expect(first.result.retryMessages).toEqual([]);
    expect(await db.select().from(tenantSchema.sessions).where(eq(tenantSchema.sessions.id, expired))).toEqual([]);
    const run = await jobRun("delinde", "retention", body.period);
    expect(run).toMatchObject({ status: "done", attempts: 1 });
    expect((run!.result as { sessions: number }).sessions).toBeGreaterThanOrEqual(1);

    const again = await deliver(body, bindings, 2);
    expect(again.result.explicitAcks).toEqual([again.id]);
    expect(await jobRun("delinde", "retention", body.period)).toMatchObject({ status: "done", attempts: 1 });
  });

  it("asks for a retry when the job fails, and then runs it; nonsense and unknown tenants are acknowledged", async () => {
    const body: JobMessage = { job: "retention", tenant: "havenstad", period: testPeriod(), scheduledTime: Date.now() };
    // A wrong TENANT_TOKEN_KEY: the tenant's database cannot be opened.
    const broken = await deliver(body, { ...bindings, TENANT_TOKEN_KEY: generateTenantTokenKey() });
    expect(broken.result.explicitAcks).toEqual([]);
    expect(broken.result.retryMessages).toEqual([expect.objectContaining({ msgId: broken.id })]);
    expect(await jobRun("havenstad", "retention", body.period)).toBeNull();

    const retried = await deliver(body, bindings, 2);
    expect(retried.result.explicitAcks).toEqual([retried.id]);
    expect(await jobRun("havenstad", "retention", body.period)).toMatchObject({ status: "done" });

    for (const nonsense of [{ job: "explode", tenant: "havenstad", period: "x", scheduledTime: 1 }, { ...body, tenant: "no-such-corporation" }]) {
      const answered = await deliver(nonsense as JobMessage);
      expect(answered.result.explicitAcks).toEqual([answered.id]);
    }
  });

  it("the digest through the queue sends at the member's hour, once", async () => {
    const tenant = await createFreshTenant();
    const [amber] = await tenant.db.select({ id: tenantSchema.users.id }).from(tenantSchema.users).where(eq(tenantSchema.users.email, "amber@proef.example"));
    await tenant.db.insert(tenantSchema.posts).values({ id: crypto.randomUUID(), neighbourhoodId: tenant.neighbourhoods.oudwijk, authorId: amber!.id, kind: "help_request", body: "Wie kan mijn kat eten geven?" });
    const scheduledTime = Date.now();
    const hour = Number(new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Amsterdam", hour: "numeric", hourCycle: "h23" }).format(scheduledTime));
    const [rik] = await tenant.db.select({ id: tenantSchema.users.id }).from(tenantSchema.users).where(eq(tenantSchema.users.email, "rik@proef.example"));
    await tenant.db.insert(tenantSchema.notificationPreferences).values({ userId: rik!.id, digest: "daily", digestHour: hour });
    // Everyone else in this corporation prefers another hour.
    const body: JobMessage = { job: "digest", tenant: tenant.slug, period: testPeriod(), scheduledTime };
    const first = await deliver(body);
    expect(first.result.explicitAcks).toEqual([first.id]);
    const run = await jobRun(tenant.slug, "digest", body.period);
    expect(run).toMatchObject({ status: "done" });
    expect(run!.result).toMatchObject({ sent: 1 });
    const mails = await control().select().from(controlSchema.devMail).where(and(eq(controlSchema.devMail.tenantSlug, tenant.slug), eq(controlSchema.devMail.to, "rik@proef.example")));
    expect(mails).toHaveLength(1);
    // A new hourly message in the same day (another period of the tenant's run) still sends nothing new.
    await deliver({ ...body, period: testPeriod() });
    expect(await control().select().from(controlSchema.devMail).where(and(eq(controlSchema.devMail.tenantSlug, tenant.slug), eq(controlSchema.devMail.to, "rik@proef.example")))).toHaveLength(1);
  });
});
