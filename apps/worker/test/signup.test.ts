import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { controlSchema } from "@buurtplein/db";
import { call, control, json, login, uniqueSlug } from "./helpers.ts";

function signupBody(slug: string) {
  return { name: "Woonbron Test", slug, adminName: "Tineke Test", adminEmail: "tineke@test.example", adminPassword: "een-lang-wachtwoord" };
}

describe("corporation sign-up", () => {
  it("provisions a corporation whose admin can log in on its own subdomain", async () => {
    const slug = uniqueSlug("nieuw");
    const response = await call("localhost:8787", "/api/signup", { method: "POST", json: signupBody(slug) });
    expect(response.status).toBe(201);
    expect((await json(response)).tenant).toMatchObject({ slug, status: "active", url: `http://${slug}.localhost:8787` });
    const [tenant] = await control().select().from(controlSchema.tenants).where(eq(controlSchema.tenants.slug, slug));
    expect(tenant).toMatchObject({ status: "active", provisioningStep: "active", pendingAdmin: null });
    const cookie = await login(`${slug}.localhost:8787`, "tineke@test.example", "een-lang-wachtwoord");
    const me = await json(await call(`${slug}.localhost:8787`, "/api/auth/me", { cookie }));
    expect(me.user.role).toBe("admin");
    const site = await json(await call(`${slug}.localhost:8787`, "/api/site"));
    expect(site.branding.displayName).toBe("Woonbron Test");
  });

  it("gives a reused slug a fresh database when the earlier corporation's row is gone but its database is not", async () => {
    const slug = uniqueSlug("hergebruik");
    expect((await call("localhost:8787", "/api/signup", { method: "POST", json: signupBody(slug) })).status).toBe(201);
    // The control-plane row disappears; the database stays behind.
    await control().delete(controlSchema.tenants).where(eq(controlSchema.tenants.slug, slug));

    const second = { ...signupBody(slug), name: "Tweede Corporatie", adminEmail: "tweede@test.example" };
    expect((await call("localhost:8787", "/api/signup", { method: "POST", json: second })).status).toBe(201);
    const host = `${slug}.localhost:8787`;
    const oldAdmin = await call(host, "/api/auth/login", { method: "POST", json: { email: "tineke@test.example", password: "een-lang-wachtwoord" } });
    expect(oldAdmin.status).toBe(401);
    await login(host, "tweede@test.example", "een-lang-wachtwoord");
    expect((await json(await call(host, "/api/site"))).branding.displayName).toBe("Tweede Corporatie");
  });

  it("refuses a slug that is taken, and keeps the first corporation intact", async () => {
    const response = await call("localhost:8787", "/api/signup", { method: "POST", json: signupBody("delinde") });
    expect(response.status).toBe(409);
    expect((await json(response)).error.code).toBe("slug_taken");
    expect((await json(await call("delinde.localhost", "/api/site"))).tenant.name).toBe("Woonstichting De Linde");
  });

  it.each([
    ["a reserved slug", { slug: "admin" }],
    ["a slug with capitals and spaces", { slug: "De Linde" }],
    ["a short password", { adminPassword: "kort" }],
    ["a missing name", { name: "" }],
    ["a wrong e-mail", { adminEmail: "geen-email" }],
  ])("refuses %s with 422 and field messages", async (_label, override) => {
    const response = await call("localhost:8787", "/api/signup", { method: "POST", json: { ...signupBody(uniqueSlug("x")), ...override } });
    expect(response.status).toBe(422);
    const error = (await json(response)).error;
    expect(error.code).toBe("invalid_input");
    expect(Object.keys(error.details.fields).length).toBeGreaterThan(0);
  });

  it("tells whether a slug is free", async () => {
    expect(await json(await call("localhost:8787", "/api/signup/slug?slug=delinde"))).toMatchObject({ available: false });
    expect(await json(await call("localhost:8787", `/api/signup/slug?slug=${uniqueSlug("vrij")}`))).toMatchObject({ available: true });
  });

  it("is only offered on the apex", async () => {
    const response = await call("delinde.localhost:8787", "/api/signup", { method: "POST", json: signupBody(uniqueSlug("y")) });
    expect(response.status).toBe(404);
  });
});
