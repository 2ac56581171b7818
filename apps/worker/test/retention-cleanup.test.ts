import { afterEach, describe, expect, it, vi } from "vitest";
import { createExecutionContext, createMessageBatch, createScheduledController, getQueueResult, waitOnExecutionContext } from "cloudflare:test";
import { eq, inArray } from "drizzle-orm";
import { contentLimitRules } from "../src/community/content-rate-limits.ts";
import { AUDIT_LOG_RETENTION_MS, generateSessionToken, hashSessionToken, LONGEST_RATE_LIMIT_WINDOW_MS } from "@buurtplein/core";
import { openTenantDb, tenantDbClient, tenantSchema } from "@buurtplein/db";
import worker from "../src/index.ts";
import { runRetentionCleanup } from "../src/jobs/clean-expired-data.ts";
import type { JobMessage } from "../src/jobs/job-message.ts";
import type { Bindings } from "../src/env.ts";
import { createLogger } from "../src/lib/logger.ts";
import { tenantTokenKey } from "../src/tenancy/tenant-token-key.ts";
import { RATE_LIMITS } from "../src/identity/rate-limit-rules.ts";
import { JOIN_RATE_LIMITS } from "../src/invites/join-rate-limits.ts";
import { bindings, call, control, json, tenantDb } from "./helpers.ts";
import { DELINDE, createTestUser, loginAs } from "./account-fixtures.ts";

const DAY = 24 * 60 * 60 * 1000;

/** A session row that expired a minute ago; returns its cookie. */
async function insertExpiredSession(slug: "delinde" | "havenstad", userId: string): Promise<{ id: string; cookie: string }> {
  const token = generateSessionToken();
  const id = await hashSessionToken(token);
  await (await tenantDb(slug)).insert(tenantSchema.sessions).values({ id, userId, expiresAt: Date.now() - 60_000 });
  return { id, cookie: `bp_session=${token}` };
}

async function sessionExists(slug: "delinde" | "havenstad", id: string): Promise<boolean> {
  const rows = await (await tenantDb(slug)).select().from(tenantSchema.sessions).where(eq(tenantSchema.sessions.id, id));
  return rows.length > 0;
}

function loggedLines(spy: { mock: { calls: unknown[][] } }): Record<string, any>[] {
  return spy.mock.calls.map(([line]) => {
    try {
      return JSON.parse(String(line)) as Record<string, any>;
    } catch {
      return {};
    }
  });
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("the hourly retention cleanup (cron trigger and queue)", () => {
  it("deletes an expired session through the cron and the queue (retention per tenant); a valid session keeps working", async () => {
    const user = await createTestUser("delinde", { neighbourhood: "lindenhof" });
    const expired = await insertExpiredSession("delinde", user.id);
    const cookie = await loginAs(DELINDE, user.email!);
    const spentToken = crypto.randomUUID();
    await (await tenantDb("delinde"))
      .insert(tenantSchema.loginTokens)
      .values({ id: spentToken, userId: user.id, purpose: "magic_link", expiresAt: Date.now() - 2 * DAY, usedAt: Date.now() - 2 * DAY });
    // Audit entries: one past the two-year retention period (goes), one just inside it (stays).
    const db = await tenantDb("delinde");
    const oldEntry = crypto.randomUUID();
    const recentEntry = crypto.randomUUID();
    await db.insert(tenantSchema.auditLog).values([
      { id: oldEntry, actorId: null, action: "member.rejected", subject: user.id, createdAt: Date.now() - AUDIT_LOG_RETENTION_MS - DAY },
      { id: recentEntry, actorId: null, action: "member.approved", subject: user.id, createdAt: Date.now() - AUDIT_LOG_RETENTION_MS + DAY },
    ]);
    // Notifications: one read long ago (goes), one read recently and one unread (stay).
    const notificationIds = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
    await db.insert(tenantSchema.notifications).values([
      { id: notificationIds[0]!, userId: user.id, kind: "reply", readAt: Date.now() - 200 * DAY, createdAt: Date.now() - 201 * DAY },
      { id: notificationIds[1]!, userId: user.id, kind: "reply", readAt: Date.now() - DAY },
      { id: notificationIds[2]!, userId: user.id, kind: "reply", createdAt: Date.now() - 300 * DAY },
    ]);
    const log = vi.spyOn(console, "log");

    // The cron cleans the control plane and enqueues the per-tenant work (recorded here: Cloudflare
    // Queues is the outside service); the queue handler then runs delinde's retention message.
    const sent: JobMessage[] = [];
    const queue = { send: async (body: JobMessage) => void sent.push(body), sendBatch: async (messages: Iterable<{ body: JobMessage }>) => void sent.push(...[...messages].map((message) => message.body)) };
    const env = { ...bindings, JOBS: queue } as unknown as Bindings;
    const scheduledTime = Date.now();
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ scheduledTime, cron: "17 * * * *" }), env, ctx);
    await waitOnExecutionContext(ctx);
    const [enqueued] = loggedLines(log).filter((entry) => entry.message === "jobs enqueued");
    expect(enqueued).toMatchObject({ level: "info", job: "scheduler", cron: "17 * * * *" });
    expect(Object.keys(enqueued!.controlPlane).sort()).toEqual(["devMail", "operatorSessions", "rateLimits"]);
    const retention = sent.find((message) => message.job === "retention" && message.tenant === "delinde")!;
    expect(retention).toBeDefined();
    // Its own period: a run of the real hour by another test file never stands in its way.
    const batch = createMessageBatch<JobMessage>("buurtplein-jobs", [{ id: "m1", timestamp: new Date(), attempts: 1, body: { ...retention, period: `retention-test-${crypto.randomUUID()}` } }]);
    const queueCtx = createExecutionContext();
    await worker.queue(batch as MessageBatch<unknown>, bindings, queueCtx);
    expect((await getQueueResult(batch, queueCtx)).explicitAcks).toEqual(["m1"]);

    expect(await sessionExists("delinde", expired.id)).toBe(false);
    const spent = await (await tenantDb("delinde")).select().from(tenantSchema.loginTokens).where(eq(tenantSchema.loginTokens.id, spentToken));
    expect(spent).toEqual([]);
    const auditLeft = await db.select({ id: tenantSchema.auditLog.id }).from(tenantSchema.auditLog).where(inArray(tenantSchema.auditLog.id, [oldEntry, recentEntry]));
    expect(auditLeft.map((row) => row.id)).toEqual([recentEntry]);
    const notificationsLeft = await db.select({ id: tenantSchema.notifications.id }).from(tenantSchema.notifications).where(inArray(tenantSchema.notifications.id, notificationIds));
    expect(notificationsLeft.map((row) => row.id).sort()).toEqual(notificationIds.slice(1).sort());
    const me = await call(DELINDE, "/api/auth/me", { cookie });
    expect(me.status).toBe(200);
    expect((await json(me)).user.id).toBe(user.id);

    const [line] = loggedLines(log).filter((entry) => entry.message === "job ran");
    expect(line).toMatchObject({ level: "info", job: "retention", tenant: "delinde", status: "done" });
    expect(line!.result.sessions).toBeGreaterThanOrEqual(1);
    expect(line!.result.loginTokens).toBeGreaterThanOrEqual(1);
    expect(line!.result.auditLog).toBeGreaterThanOrEqual(1);
    expect(Object.keys(line!.result).sort()).toEqual(["auditLog", "loginTokens", "notifications", "rateLimits", "sessions"]);
    expect(line!.result.notifications).toBeGreaterThanOrEqual(1);
  });

  it("goes on with the other tenants when one tenant's database fails, and reports it", async () => {
    const anna = await createTestUser("havenstad");
    const expired = await insertExpiredSession("havenstad", anna.id);
    const bob = await createTestUser("delinde");
    const kept = await insertExpiredSession("delinde", bob.id);
    const log = vi.spyOn(console, "error");

    const report = await runRetentionCleanup({
      control: control(),
      logger: createLogger({ job: "retention-cleanup" }),
      concurrency: 1,
      openTenant: async (tenant) => {
        if (tenant.slug === "delinde") throw new Error("database unreachable");
        return openTenantDb(await tenantDbClient(tenant, await tenantTokenKey(bindings)));
      },
    });

    expect(report.tenantsFailed).toEqual([{ slug: "delinde", error: "database unreachable" }]);
    expect(report.tenantsCleaned).toBeGreaterThanOrEqual(1);
    expect(report.controlPlane).not.toBeNull();
    expect(await sessionExists("havenstad", expired.id)).toBe(false);
    expect(await sessionExists("delinde", kept.id)).toBe(true);
    const [line] = loggedLines(log).filter((entry) => entry.message === "retention cleanup");
    expect(line).toMatchObject({ level: "error", tenantsFailed: [{ slug: "delinde", error: "database unreachable" }] });

    // Tidy up what this test left behind on purpose.
    await (await tenantDb("delinde")).delete(tenantSchema.sessions).where(inArray(tenantSchema.sessions.id, [kept.id]));
  });

  it("knows the longest rate-limit window in use (a row is only deleted after its window ended)", () => {
    const rules = [
      ...[...Object.values(RATE_LIMITS), ...Object.values(JOIN_RATE_LIMITS)].map((rule) => rule("x", "y")),
      ...(["post", "reply", "report"] as const).flatMap((action) => contentLimitRules(action, "x")),
    ];
    for (const rule of rules) expect(rule.windowMs).toBeLessThanOrEqual(LONGEST_RATE_LIMIT_WINDOW_MS);
  });
});
