import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { controlSchema } from "@buurtplein/db";
import { createApp } from "../src/app.ts";
import type { Bindings } from "../src/env.ts";
import { bindings, call, control, json, randomIp, uniqueSlug } from "./helpers.ts";
import { DELINDE } from "./account-fixtures.ts";

// Nobody listens on port 1: every query to this "database server" fails to connect.
const UNREACHABLE = "http://127.0.0.1:1";

async function callWith(env: Partial<Bindings>, host: string, path: string): Promise<Response> {
  const request = new Request(`http://${host}${path}`, { headers: { "cf-connecting-ip": randomIp() } });
  return await createApp().fetch(request, { ...bindings, ...env });
}

async function expectOutage(response: Response): Promise<void> {
  expect(response.status).toBe(503);
  expect(response.headers.get("retry-after")).toMatch(/^\d+$/);
  const body = await json(response);
  expect(body.error.code).toBe("service_unavailable");
  expect(body.error.message).toMatch(/even geduld/i);
}

describe("a database outage", () => {
  it("answers 503 with Retry-After on every host and route while the control plane is unreachable", async () => {
    const down = { CONTROL_DB_URL: `${UNREACHABLE}/db/control/` };
    await expectOutage(await callWith(down, DELINDE, "/api/health"));
    await expectOutage(await callWith(down, DELINDE, "/api/site"));
    await expectOutage(await callWith(down, DELINDE, "/api/auth/me"));
    await expectOutage(await callWith(down, "localhost:8787", "/api/dev/mail"));
    // On the apex health checks the control plane itself and says so.
    const apexHealth = await callWith(down, "localhost:8787", "/api/health");
    expect(apexHealth.status).toBe(503);
    expect(await json(apexHealth)).toEqual({ ok: false, checks: { control: "failed" } });
  });

  it("answers 503 with Retry-After when one corporation's database is unreachable", async () => {
    const slug = uniqueSlug("storing");
    const signup = await call("localhost:8787", "/api/signup", {
      method: "POST",
      json: { name: "Woonbron Storing", slug, adminName: "Stijn", adminEmail: "stijn@test.example", adminPassword: "een-lang-wachtwoord" },
    });
    expect(signup.status).toBe(201);
    const [tenant] = await control().select({ dbUrl: controlSchema.tenants.dbUrl }).from(controlSchema.tenants).where(eq(controlSchema.tenants.slug, slug));
    await control().update(controlSchema.tenants).set({ dbUrl: `${UNREACHABLE}/db/${slug}/` }).where(eq(controlSchema.tenants.slug, slug));
    try {
      await expectOutage(await call(`${slug}.localhost:8787`, "/api/site"));
      await expectOutage(await call(`${slug}.localhost:8787`, "/api/auth/me", { cookie: "bp_session=whatever" }));
      // Health reports the failing tenant database with 503 (its own checks), never 500.
      const health = await call(`${slug}.localhost:8787`, "/api/health");
      expect(health.status).toBe(503);
      expect(await json(health)).toEqual({ ok: false, checks: { control: "ok", tenant: "failed" } });
      // Other corporations are not affected.
      expect((await call(DELINDE, "/api/site")).status).toBe(200);
    } finally {
      // The database comes back: other test files (the retention cleanup walks every tenant) see no outage.
      await control().update(controlSchema.tenants).set({ dbUrl: tenant!.dbUrl }).where(eq(controlSchema.tenants.slug, slug));
    }
  });
});
