// Admins set up neighbourhoods: create (slug from the name), list with archived ones, change, archive
// and bring back. Every refusal has its status and code, and changes nothing.
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { tenantSchema } from "@buurtplein/db";
import { call, json, login } from "./helpers.ts";
import { createFreshTenant, DELINDE, HAVENSTAD, NEW_PASSWORD } from "./invite-fixtures.ts";

const { neighbourhoods, auditLog } = tenantSchema;

async function create(host: string, cookie: string, body: unknown) {
  return call(host, "/api/neighbourhoods", { method: "POST", cookie, json: body });
}

describe("creating a neighbourhood", () => {
  it("answers 201 with a slug made from the name (lower case, accents folded), and records it", async () => {
    const tenant = await createFreshTenant();
    const response = await create(tenant.host, tenant.adminCookie, { name: "Café Élysée-Noord", kind: "new_build", city: "Utrecht", description: "Rond het plein." });
    expect(response.status).toBe(201);
    const { neighbourhood } = await json(response);
    expect(neighbourhood).toMatchObject({ slug: "cafe-elysee-noord", name: "Café Élysée-Noord", kind: "new_build", city: "Utrecht", description: "Rond het plein.", archived: false });
    const [row] = await tenant.db.select().from(neighbourhoods).where(eq(neighbourhoods.slug, "cafe-elysee-noord"));
    expect(row?.name).toBe("Café Élysée-Noord");
    const [entry] = await tenant.db.select().from(auditLog).where(eq(auditLog.subject, row!.id));
    expect(entry?.action).toBe("neighbourhood.created");
  });

  it("gives a second neighbourhood whose name makes the same slug a number", async () => {
    const tenant = await createFreshTenant();
    await create(tenant.host, tenant.adminCookie, { name: "Oud Zuid", kind: "existing" });
    const second = await json(await create(tenant.host, tenant.adminCookie, { name: "Oud-Zuid", kind: "existing" }));
    expect(second.neighbourhood.slug).toBe("oud-zuid-2");
  });

  it.each([
    ["the same name", "Oudwijk"],
    ["the same name in other case, accents and spaces", "  óUDWIJK "],
  ])("refuses %s with 409, adding nothing", async (_label, name) => {
    const tenant = await createFreshTenant();
    const before = await tenant.db.select().from(neighbourhoods);
    const response = await create(tenant.host, tenant.adminCookie, { name, kind: "existing" });
    expect(response.status).toBe(409);
    const { error } = await json(response);
    expect(error.code).toBe("conflict");
    expect(error.details.fields.name).toEqual(expect.any(String));
    expect(await tenant.db.select().from(neighbourhoods)).toHaveLength(before.length);
  });

  it.each([
    ["no name", { kind: "existing" }, "name"],
    ["a one-letter name", { name: "X", kind: "existing" }, "name"],
    ["an unknown kind", { name: "Westwijk", kind: "castle" }, "kind"],
    ["no kind", { name: "Westwijk" }, "kind"],
    ["a description that is too long", { name: "Westwijk", kind: "existing", description: "x".repeat(501) }, "description"],
    ["a name that is not text", { name: 42, kind: "existing" }, "name"],
  ])("refuses %s with 422 naming the field", async (_label, body, field) => {
    const tenant = await createFreshTenant();
    const response = await create(tenant.host, tenant.adminCookie, body);
    expect(response.status).toBe(422);
    const { error } = await json(response);
    expect(error.code).toBe("invalid_input");
    expect(error.details.fields[field]).toEqual(expect.any(String));
    expect(await tenant.db.select().from(neighbourhoods).where(eq(neighbourhoods.name, "Westwijk"))).toEqual([]);
  });

  it("refuses broken JSON (400) and a form body (415)", async () => {
    const tenant = await createFreshTenant();
    const broken = await call(tenant.host, "/api/neighbourhoods", { method: "POST", cookie: tenant.adminCookie, headers: { "content-type": "application/json" }, body: "{name" });
    expect(broken.status).toBe(400);
    const form = await call(tenant.host, "/api/neighbourhoods", { method: "POST", cookie: tenant.adminCookie, headers: { "content-type": "application/x-www-form-urlencoded" }, body: "name=X" });
    expect(form.status).toBe(415);
  });

  it.each([
    ["a moderator", "mo@proef.example"],
    ["an ambassador", "amber@proef.example"],
    ["a resident", "rik@proef.example"],
  ])("refuses %s with 403, and nobody logged in with 401", async (_label, email) => {
    const tenant = await createFreshTenant();
    const cookie = await login(tenant.host, email, NEW_PASSWORD);
    const response = await create(tenant.host, cookie, { name: "Westwijk", kind: "existing" });
    expect(response.status).toBe(403);
    expect((await json(response)).error.code).toBe("forbidden");
    expect((await create(tenant.host, "", { name: "Westwijk", kind: "existing" })).status).toBe(401);
    expect(await tenant.db.select().from(neighbourhoods).where(eq(neighbourhoods.name, "Westwijk"))).toEqual([]);
  });

  it("is refused on the public site (no corporation there)", async () => {
    const response = await call("localhost:8787", "/api/neighbourhoods", { method: "POST", json: { name: "Westwijk", kind: "existing" } });
    expect(response.status).toBe(404);
  });
});

describe("changing a neighbourhood", () => {
  it("renames and describes it; the slug stays", async () => {
    const tenant = await createFreshTenant();
    const response = await call(tenant.host, "/api/neighbourhoods/oudwijk", { method: "PATCH", cookie: tenant.adminCookie, json: { name: "Oudwijk-Oost", description: "Nieuw", city: "" } });
    expect(response.status).toBe(200);
    expect((await json(response)).neighbourhood).toMatchObject({ slug: "oudwijk", name: "Oudwijk-Oost", description: "Nieuw", city: null });
    const detail = await json(await call(tenant.host, "/api/neighbourhoods/oudwijk", { cookie: tenant.adminCookie }));
    expect(detail.neighbourhood).toMatchObject({ name: "Oudwijk-Oost", city: null, archived: false });
  });

  it("refuses the name of another neighbourhood (409), a bad value (422), a moderator (403), nothing changed", async () => {
    const tenant = await createFreshTenant();
    const taken = await call(tenant.host, "/api/neighbourhoods/oudwijk", { method: "PATCH", cookie: tenant.adminCookie, json: { name: "de nieuwbouw" } });
    expect(taken.status).toBe(409);
    const bad = await call(tenant.host, "/api/neighbourhoods/oudwijk", { method: "PATCH", cookie: tenant.adminCookie, json: { kind: "tower", name: "Y" } });
    expect(bad.status).toBe(422);
    expect(Object.keys((await json(bad)).error.details.fields).sort()).toEqual(["kind", "name"]);
    const moderator = await login(tenant.host, "mo@proef.example", NEW_PASSWORD);
    expect((await call(tenant.host, "/api/neighbourhoods/oudwijk", { method: "PATCH", cookie: moderator, json: { name: "Moderatorwijk" } })).status).toBe(403);
    const [row] = await tenant.db.select().from(neighbourhoods).where(eq(neighbourhoods.slug, "oudwijk"));
    expect(row).toMatchObject({ name: "Oudwijk", kind: "existing", city: "Utrecht" });
  });

  it("does not find another corporation's neighbourhood (404), and changes nothing there", async () => {
    const admin = await login(DELINDE, "beheer@delinde.example");
    for (const [method, path] of [
      ["PATCH", "/api/neighbourhoods/kadekwartier"],
      ["GET", "/api/neighbourhoods/kadekwartier"],
      ["POST", "/api/neighbourhoods/kadekwartier/archive"],
      ["POST", "/api/neighbourhoods/kadekwartier/complexes"],
    ] as const) {
      const response = await call(DELINDE, path, { method, cookie: admin, ...(method === "GET" ? {} : { json: { name: "Overgenomen", code: "X1" } }) });
      expect(response.status, `${method} ${path}`).toBe(404);
      expect((await json(response)).error.code).toBe("not_found");
    }
    const havenstadAdmin = await login(HAVENSTAD, "beheer@havenstad.example");
    const detail = await json(await call(HAVENSTAD, "/api/neighbourhoods/kadekwartier", { cookie: havenstadAdmin }));
    expect(detail.neighbourhood).toMatchObject({ name: "Kadekwartier", archived: false });
  });
});

describe("listing neighbourhoods", () => {
  it("shows admins archived ones too, marked, and everyone else only the ones that take part", async () => {
    const tenant = await createFreshTenant();
    expect((await call(tenant.host, "/api/neighbourhoods/nieuwbouw/archive", { method: "POST", cookie: tenant.adminCookie })).status).toBe(200);
    const all = await json(await call(tenant.host, "/api/neighbourhoods?include=archived", { cookie: tenant.adminCookie }));
    expect(all.neighbourhoods.map((row: { slug: string; archived: boolean }) => [row.slug, row.archived])).toEqual([
      ["nieuwbouw", true],
      ["oudwijk", false],
    ]);
    const staffList = await json(await call(tenant.host, "/api/neighbourhoods", { cookie: tenant.adminCookie }));
    expect(staffList.neighbourhoods.map((row: { slug: string }) => row.slug)).toEqual(["oudwijk"]);
    const moderator = await login(tenant.host, "mo@proef.example", NEW_PASSWORD);
    expect((await call(tenant.host, "/api/neighbourhoods?include=archived", { cookie: moderator })).status).toBe(403);
    expect((await json(await call(tenant.host, "/api/neighbourhoods", { cookie: moderator }))).neighbourhoods).toHaveLength(1);
  });
});
