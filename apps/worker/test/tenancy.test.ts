import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { controlSchema } from "@buurtplein/db";
import { call, control, json, login, uniqueSlug } from "./helpers.ts";

describe("tenant resolution by host", () => {
  it("answers the apex as the public site", async () => {
    expect(await json(await call("localhost:8787", "/api/site"))).toEqual({ kind: "apex" });
  });

  it("resolves a tenant by subdomain with its branding", async () => {
    const body = await json(await call("delinde.localhost:8787", "/api/site"));
    expect(body.kind).toBe("tenant");
    expect(body.tenant).toEqual({ slug: "delinde", name: "Woonstichting De Linde" });
    expect(body.branding.sponsorStatement).toContain("De Linde");
  });

  it("ignores case and the port", async () => {
    const body = await json(await call("HavenStad.LOCALHOST", "/api/site"));
    expect(body.tenant.slug).toBe("havenstad");
  });

  it("answers an unknown host with a clear 404", async () => {
    const response = await call("nobody.localhost:8787", "/api/site");
    expect(response.status).toBe(404);
    expect((await json(response)).error.code).toBe("tenant_not_found");
    const deeper = await call("a.delinde.localhost:8787", "/api/site");
    expect(deeper.status).toBe(404);
  });

  it("resolves a verified custom domain, not an unverified one", async () => {
    const [delinde] = await control().select().from(controlSchema.tenants).where(eq(controlSchema.tenants.slug, "delinde"));
    const verified = `${uniqueSlug("buurt")}.delinde.example`;
    const unverified = `${uniqueSlug("buurt")}.delinde.example`;
    await control().insert(controlSchema.tenantDomains).values([
      { hostname: verified, tenantId: delinde!.id, verifiedAt: Date.now() },
      { hostname: unverified, tenantId: delinde!.id, verifiedAt: null },
    ]);
    expect((await json(await call(verified, "/api/site"))).tenant.slug).toBe("delinde");
    expect((await call(unverified, "/api/site")).status).toBe(404);
  });

  it("answers a suspended tenant with a clear page and no data", async () => {
    const slug = uniqueSlug("dicht");
    const signup = await call("localhost:8787", "/api/signup", {
      method: "POST",
      json: { name: "Woningstichting Dicht", slug, adminName: "Beheer", adminEmail: "beheer@dicht.example", adminPassword: "een-lang-wachtwoord" },
    });
    expect(signup.status).toBe(201);
    const cookie = await login(`${slug}.localhost`, "beheer@dicht.example", "een-lang-wachtwoord");
    await control().update(controlSchema.tenants).set({ status: "suspended" }).where(eq(controlSchema.tenants.slug, slug));
    const response = await call(`${slug}.localhost`, "/api/auth/me", { cookie });
    expect(response.status).toBe(423);
    expect((await json(response)).error.code).toBe("tenant_suspended");
  });
});
