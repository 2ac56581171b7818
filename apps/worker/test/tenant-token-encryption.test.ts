import { CLIENT_SOURCE_HEADER } from "@buurtplein/core";
// Tenant database tokens are encrypted at rest in the control plane with TENANT_TOKEN_KEY
// (docs/decisions/010-tenant-token-encryption.md): what a signup stores, what a missing or wrong key does.
import { afterEach, describe, expect, it, vi } from "vitest";
import { createExecutionContext, createMessageBatch, createScheduledController, getQueueResult, waitOnExecutionContext } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { generateTenantTokenKey } from "@buurtplein/core";
import { controlSchema, LocalTenantDatabases, type Tenant } from "@buurtplein/db";
import { createApp } from "../src/app.ts";
import type { Bindings } from "../src/env.ts";
import worker from "../src/index.ts";
import type { JobMessage } from "../src/jobs/job-message.ts";
import { bindings, call, control, json, login, randomIp, uniqueSlug } from "./helpers.ts";

const PASSWORD = "een-lang-wachtwoord";

afterEach(() => {
  vi.restoreAllMocks();
});

async function signUp(slug: string): Promise<Tenant> {
  const response = await call("localhost:8787", "/api/signup", {
    method: "POST",
    json: { name: "Woonbron Versleuteld", slug, adminName: "Vera Sleutel", adminEmail: "vera@test.example", adminPassword: PASSWORD },
  });
  expect(response.status).toBe(201);
  return (await controlRow(slug))!;
}

async function controlRow(slug: string): Promise<Tenant | undefined> {
  const [row] = await control().select().from(controlSchema.tenants).where(eq(controlSchema.tenants.slug, slug));
  return row;
}

/** The token the local libSQL server's admin API issued for this database (asking again returns it). */
async function issuedToken(dbName: string): Promise<string> {
  const databases = new LocalTenantDatabases({ adminUrl: bindings.LOCAL_LIBSQL_ADMIN_URL!, adminToken: bindings.LOCAL_LIBSQL_ADMIN_TOKEN! });
  return (await databases.createDatabase(dbName)).token;
}

/** A request through a fresh app with other bindings (as a deployment with another configuration). */
async function callWith(env: Partial<Bindings>, host: string, path: string, init: RequestInit & { json?: unknown } = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set(CLIENT_SOURCE_HEADER, randomIp());
  if (init.json !== undefined) headers.set("content-type", "application/json");
  const request = new Request(`http://${host}${path}`, { ...init, headers, body: init.json !== undefined ? JSON.stringify(init.json) : init.body });
  return await createApp().fetch(request, { ...bindings, ...env });
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

describe("tenant database tokens at rest", () => {
  it("stores no plain token for a freshly signed-up corporation, which still works on its own host", async () => {
    const slug = uniqueSlug("sleutel");
    const row = await signUp(slug);
    const plain = await issuedToken(row.dbName!);
    expect(plain.length).toBeGreaterThan(10);
    expect(row.dbToken).toMatch(/^v1:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+$/);
    expect(row.dbToken).not.toContain(plain);
    expect(JSON.stringify(row)).not.toContain(plain);

    const cookie = await login(`${slug}.localhost:8787`, "vera@test.example", PASSWORD);
    const me = await json(await call(`${slug}.localhost:8787`, "/api/auth/me", { cookie }));
    expect(me.user.role).toBe("admin");
  });

  it("stores the demo corporations' tokens encrypted too", async () => {
    for (const slug of ["delinde", "havenstad"]) expect((await controlRow(slug))!.dbToken).toMatch(/^v1:/);
  });

  it("still serves a corporation whose row holds a legacy plain token", async () => {
    const slug = uniqueSlug("oud");
    const row = await signUp(slug);
    const plain = await issuedToken(row.dbName!);
    await control().update(controlSchema.tenants).set({ dbToken: plain }).where(eq(controlSchema.tenants.id, row.id));

    const cookie = await login(`${slug}.localhost:8787`, "vera@test.example", PASSWORD);
    expect((await call(`${slug}.localhost:8787`, "/api/auth/me", { cookie })).status).toBe(200);
  });

  it.each([
    ["missing", undefined, /TENANT_TOKEN_KEY is not set/],
    ["not 32 bytes", btoa("too short"), /base64 of 32 random bytes/],
    ["from another deployment", generateTenantTokenKey(), /wrong TENANT_TOKEN_KEY/],
  ])("with TENANT_TOKEN_KEY %s, refuses to serve a corporation (503 tenant_not_ready) and logs why", async (_label, key, reason) => {
    const errors = vi.spyOn(console, "error");
    const response = await callWith({ TENANT_TOKEN_KEY: key }, "delinde.localhost:8787", "/api/site");
    expect(response.status).toBe(503);
    expect((await json(response)).error).toMatchObject({ code: "tenant_not_ready", details: { name: "Woonstichting De Linde" } });
    const [line] = loggedLines(errors).filter((entry) => entry.message === "tenant database token unreadable");
    expect(line).toMatchObject({ level: "error", tenant: "delinde" });
    expect(line!.error).toMatch(reason);

    // The public site does not need the key; a corporation's health check fails with it.
    expect((await callWith({ TENANT_TOKEN_KEY: key }, "localhost:8787", "/api/health")).status).toBe(200);
    expect((await callWith({ TENANT_TOKEN_KEY: key }, "delinde.localhost:8787", "/api/health")).status).toBe(503);
  });

  it("without the key, refuses a sign-up before recording anything", async () => {
    const errors = vi.spyOn(console, "error");
    const slug = uniqueSlug("zonder");
    const response = await callWith({ TENANT_TOKEN_KEY: undefined }, "localhost:8787", "/api/signup", {
      method: "POST",
      json: { name: "Zonder Sleutel", slug, adminName: "Zoë", adminEmail: "zoe@test.example", adminPassword: PASSWORD },
    });
    expect(response.status).toBe(503);
    expect((await json(response)).error.code).toBe("service_unavailable");
    expect(await controlRow(slug)).toBeUndefined();
    expect(loggedLines(errors).some((entry) => entry.message === "signup refused: tenant token key unusable")).toBe(true);
  });

  it("without the key, the cron still cleans the control plane and enqueues; each tenant's job fails with that reason and is retried", async () => {
    const infos = vi.spyOn(console, "log");
    const errors = vi.spyOn(console, "error");
    // The JOBS queue, recorded (Cloudflare Queues is the outside service here).
    const sent: JobMessage[] = [];
    const queue = { send: async (body: JobMessage) => void sent.push(body), sendBatch: async (messages: Iterable<{ body: JobMessage }>) => void sent.push(...[...messages].map((message) => message.body)) };
    const withoutKey = { ...bindings, TENANT_TOKEN_KEY: undefined, JOBS: queue } as unknown as Bindings;
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ cron: "17 * * * *", scheduledTime: Date.now() }), withoutKey, ctx);
    await waitOnExecutionContext(ctx);
    const [enqueued] = loggedLines(infos).filter((entry) => entry.message === "jobs enqueued");
    expect(enqueued!.controlPlane).toEqual({ rateLimits: expect.any(Number), devMail: expect.any(Number), operatorSessions: expect.any(Number) });
    const retention = sent.filter((message) => message.job === "retention");
    expect(retention.length).toBeGreaterThanOrEqual(2);

    const batch = createMessageBatch<JobMessage>(
      "buurtplein-jobs",
      retention.map((body, index) => ({ id: `m${index}`, timestamp: new Date(), attempts: 1, body: { ...body, period: `no-key-${crypto.randomUUID()}` } })),
    );
    const queueCtx = createExecutionContext();
    await worker.queue(batch as MessageBatch<unknown>, withoutKey, queueCtx);
    const result = await getQueueResult(batch, queueCtx);
    expect(result.explicitAcks).toEqual([]);
    expect(result.retryMessages.map((message) => message.msgId).sort()).toEqual(retention.map((_, index) => `m${index}`).sort());
    const failures = loggedLines(errors).filter((entry) => entry.message === "job failed, will retry");
    expect(failures).toHaveLength(retention.length);
    for (const failure of failures) expect(failure.error).toMatch(/TENANT_TOKEN_KEY is not set/);
  });
});
