// The platform operator console's API (apps/worker/src/operator): operator login on the apex, every
// route refused without an operator session, with a tenant's session and on a tenant's host; suspend,
// resume, retry, delete after the grace period; a corporation's own request to be deleted.
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { CLIENT_SOURCE_HEADER, hashPassword } from "@buurtplein/core";
import { controlSchema, LocalTenantDatabases, requestTenant, tenantSchema } from "@buurtplein/db";
import { bindings, call, control, DEMO_PASSWORD, json, login, randomIp, uniqueSlug } from "./helpers.ts";
import { createFreshTenant, NEW_PASSWORD } from "./invite-fixtures.ts";

const APEX = "localhost:8787";
const OPERATOR = "operator@buurtplein.example";
const DAY = 24 * 60 * 60 * 1000;

async function operatorLogin(): Promise<string> {
  const response = await call(APEX, "/api/operator/login", { method: "POST", json: { email: OPERATOR, password: DEMO_PASSWORD } });
  if (response.status !== 200) throw new Error(`operator login: ${response.status} ${await response.text()}`);
  const cookie = response.headers.getSetCookie().find((value) => value.startsWith("bp_operator="));
  if (!cookie) throw new Error("no operator cookie");
  return cookie.split(";")[0]!;
}

async function tenantRow(slug: string) {
  const [row] = await control().select().from(controlSchema.tenants).where(eq(controlSchema.tenants.slug, slug));
  if (!row) throw new Error(`no tenant ${slug}`);
  return row;
}

function post(path: string, cookie: string | undefined, body?: unknown, host = APEX) {
  return call(host, path, { method: "POST", ...(cookie ? { cookie } : {}), ...(body === undefined ? {} : { json: body }) });
}

async function errorCode(response: Response): Promise<string> {
  return ((await json(response)) as { error: { code: string } }).error.code;
}

describe("operator login", () => {
  it("logs the demo operator in on the apex with a host-only, strict cookie and records it", async () => {
    const response = await call(APEX, "/api/operator/login", { method: "POST", json: { email: OPERATOR, password: DEMO_PASSWORD } });
    expect(response.status).toBe(200);
    const cookie = response.headers.getSetCookie().find((value) => value.startsWith("bp_operator="))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).not.toMatch(/Domain=/i);
    const me = await call(APEX, "/api/operator/me", { cookie: cookie.split(";")[0] });
    expect((await json(me)).operator.email).toBe(OPERATOR);
    const audit = await json(await call(APEX, "/api/operator/audit", { cookie: cookie.split(";")[0] }));
    expect(audit.entries.some((entry: { action: string; operatorEmail: string }) => entry.action === "login" && entry.operatorEmail === OPERATOR)).toBe(true);
  });

  it("refuses a wrong password (401), a malformed e-mail (422) and a login on a tenant host (403)", async () => {
    const wrong = await call(APEX, "/api/operator/login", { method: "POST", json: { email: OPERATOR, password: "niet-goed" } });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.getSetCookie()).toEqual([]);
    expect((await call(APEX, "/api/operator/login", { method: "POST", json: { email: "geen-mail", password: "x" } })).status).toBe(422);
    const onTenant = await call("delinde.localhost:8787", "/api/operator/login", { method: "POST", json: { email: OPERATOR, password: DEMO_PASSWORD } });
    expect(onTenant.status).toBe(403);
    expect(onTenant.headers.getSetCookie()).toEqual([]);
  });

  it("is rate limited like the tenant login: ten wrong passwords from one source, then 429", async () => {
    const email = `${uniqueSlug("niemand")}@buurtplein.example`;
    const source = randomIp();
    const attempt = () => call(APEX, "/api/operator/login", { method: "POST", json: { email, password: "fout" }, headers: { [CLIENT_SOURCE_HEADER]: source } });
    for (let i = 0; i < 10; i++) expect((await attempt()).status).toBe(401);
    const refused = await attempt();
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBeTruthy();
  });

  it("is never a tenant session, and a tenant session is never an operator session", async () => {
    const operatorCookie = await operatorLogin();
    expect((await call("delinde.localhost:8787", "/api/auth/me", { cookie: operatorCookie })).status).toBe(401);
    const adminCookie = await login("delinde.localhost:8787", "beheer@delinde.example");
    // The tenant's cookie sent to the apex (a browser would not even send it there).
    expect((await call(APEX, "/api/operator/me", { cookie: adminCookie })).status).toBe(401);
  });

  it("logs out: the session is gone", async () => {
    const cookie = await operatorLogin();
    expect((await post("/api/operator/logout", cookie)).status).toBe(200);
    expect((await call(APEX, "/api/operator/me", { cookie })).status).toBe(401);
  });
});

describe("every operator route refuses", () => {
  const routes: { method: "GET" | "POST"; path: (slug: string) => string }[] = [
    { method: "GET", path: () => "/api/operator/me" },
    { method: "GET", path: () => "/api/operator/tenants" },
    { method: "GET", path: (slug) => `/api/operator/tenants/${slug}` },
    { method: "POST", path: (slug) => `/api/operator/tenants/${slug}/suspend` },
    { method: "POST", path: (slug) => `/api/operator/tenants/${slug}/resume` },
    { method: "POST", path: (slug) => `/api/operator/tenants/${slug}/retry` },
    { method: "POST", path: (slug) => `/api/operator/tenants/${slug}/delete` },
    { method: "GET", path: () => "/api/operator/audit" },
  ];

  it("without a session (401), with a tenant admin's session (401 on the apex, 403 on its host), and on a tenant host (403); nothing changes", async () => {
    const tenant = await createFreshTenant();
    const operatorCookie = await operatorLogin();
    for (const route of routes) {
      const path = route.path(tenant.slug);
      const label = `${route.method} ${path}`;
      expect((await call(APEX, path, { method: route.method })).status, label).toBe(401);
      expect((await call(APEX, path, { method: route.method, cookie: tenant.adminCookie })).status, label).toBe(401);
      const asAdminOnHost = await call(tenant.host, path, { method: route.method, cookie: tenant.adminCookie });
      expect(asAdminOnHost.status, label).toBe(403);
      const operatorOnHost = await call(tenant.host, path, { method: route.method, cookie: operatorCookie });
      expect(operatorOnHost.status, label).toBe(403);
      expect(await errorCode(operatorOnHost)).toBe("forbidden");
    }
    const row = await tenantRow(tenant.slug);
    expect(row.status).toBe("active");
    expect(row.suspendedReason).toBeNull();
  });

  it("also on the host of a suspended tenant (403, not the suspended page)", async () => {
    const tenant = await createFreshTenant();
    await control().update(controlSchema.tenants).set({ status: "suspended" }).where(eq(controlSchema.tenants.slug, tenant.slug));
    const response = await post(`/api/operator/tenants/${tenant.slug}/resume`, await operatorLogin(), undefined, tenant.host);
    expect(response.status).toBe(403);
    expect((await tenantRow(tenant.slug)).status).toBe("suspended");
  });
});

describe("suspend and resume", () => {
  it("suspends: every page and every write of the tenant is refused; resume brings it back", async () => {
    const tenant = await createFreshTenant();
    const cookie = await operatorLogin();
    const suspended = await post(`/api/operator/tenants/${tenant.slug}/suspend`, cookie, { reason: "Factuur niet betaald" });
    expect(suspended.status).toBe(200);
    expect((await json(suspended)).tenant).toMatchObject({ slug: tenant.slug, status: "suspended", suspendedReason: "Factuur niet betaald" });

    const site = await call(tenant.host, "/api/site");
    expect(site.status).toBe(423);
    expect(await errorCode(site)).toBe("tenant_suspended");
    // Writes: a login, a post by the admin's running session, a join.
    expect((await call(tenant.host, "/api/auth/login", { method: "POST", json: { email: "ada@proef.example", password: NEW_PASSWORD } })).status).toBe(423);
    const write = await call(tenant.host, "/api/neighbourhoods/oudwijk/posts", { method: "POST", cookie: tenant.adminCookie, json: { kind: "announcement", title: "Hallo", body: "Test" } });
    expect(write.status).toBe(423);
    expect(await tenant.db.select().from(tenantSchema.posts)).toHaveLength(0);

    const audit = await json(await call(APEX, "/api/operator/audit", { cookie }));
    expect(audit.entries[0]).toMatchObject({ action: "suspend", tenantSlug: tenant.slug, reason: "Factuur niet betaald", operatorEmail: OPERATOR });

    const resumed = await post(`/api/operator/tenants/${tenant.slug}/resume`, cookie);
    expect(resumed.status).toBe(200);
    expect((await json(resumed)).tenant).toMatchObject({ status: "active", suspendedReason: null });
    expect((await call(tenant.host, "/api/site")).status).toBe(200);
    expect((await call(tenant.host, "/api/auth/me", { cookie: tenant.adminCookie })).status).toBe(200);
    const after = await json(await call(APEX, "/api/operator/audit", { cookie }));
    expect(after.entries[0]).toMatchObject({ action: "resume", tenantSlug: tenant.slug });
  });

  it("suspends without a body too (the reason is optional in the API)", async () => {
    const tenant = await createFreshTenant();
    const cookie = await operatorLogin();
    expect((await post(`/api/operator/tenants/${tenant.slug}/suspend`, cookie)).status).toBe(200);
    expect((await tenantRow(tenant.slug)).status).toBe("suspended");
  });

  it("answers bad input with the right code and changes nothing", async () => {
    const tenant = await createFreshTenant();
    const cookie = await operatorLogin();
    const unknown = await post("/api/operator/tenants/bestaat-niet-xyz/suspend", cookie, { reason: "x" });
    expect(unknown.status).toBe(404);
    expect(await errorCode(unknown)).toBe("not_found");
    expect((await call(APEX, "/api/operator/tenants/bestaat-niet-xyz", { cookie })).status).toBe(404);

    const resumeActive = await post(`/api/operator/tenants/${tenant.slug}/resume`, cookie);
    expect(resumeActive.status).toBe(409);
    expect(await errorCode(resumeActive)).toBe("tenant_wrong_status");

    const tooLong = await post(`/api/operator/tenants/${tenant.slug}/suspend`, cookie, { reason: "x".repeat(501) });
    expect(tooLong.status).toBe(422);
    expect((await tenantRow(tenant.slug)).status).toBe("active");

    const retryActive = await post(`/api/operator/tenants/${tenant.slug}/retry`, cookie);
    expect(retryActive.status).toBe(409);
    expect(await errorCode(retryActive)).toBe("tenant_wrong_status");

    expect((await post(`/api/operator/tenants/${tenant.slug}/suspend`, cookie, { reason: "Eerste keer" })).status).toBe(200);
    const again = await post(`/api/operator/tenants/${tenant.slug}/suspend`, cookie, { reason: "Tweede keer" });
    expect(again.status).toBe(409);
    expect((await tenantRow(tenant.slug)).suspendedReason).toBe("Eerste keer");

    const badCursor = await call(APEX, `/api/operator/tenants?after=${"x".repeat(101)}`, { cookie });
    expect(badCursor.status).toBe(422);
    expect((await call(APEX, "/api/operator/audit?before=gisteren", { cookie })).status).toBe(422);
  });
});

describe("the console's list", () => {
  it("shows every tenant with status and usage: counts and size only, no content", async () => {
    const cookie = await operatorLogin();
    const seen: { slug: string; status: string; usage: { members: number; posts: number; databaseBytes: number } | null }[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const response: Response = await call(APEX, `/api/operator/tenants${after ? `?after=${after}` : ""}`, { cookie });
      expect(response.status).toBe(200);
      const text = await response.text();
      // Nothing of the demo corporation's content: no post, no member's name or e-mail.
      for (const content of ["fietsenmaker", "Tuinstoelen", "Anna", "anna@delinde.example", "Lindenhof"]) expect(text).not.toContain(content);
      const page = JSON.parse(text) as { tenants: typeof seen; nextCursor: string | null };
      expect(page.tenants.length).toBeLessThanOrEqual(20);
      seen.push(...page.tenants);
      after = page.nextCursor;
      pages++;
    } while (after && pages < 100);
    const slugs = seen.map((tenant) => tenant.slug);
    expect(slugs).toEqual([...slugs].sort());
    expect(new Set(slugs).size).toBe(slugs.length);
    const delinde = seen.find((tenant) => tenant.slug === "delinde")!;
    expect(delinde.status).toBe("active");
    expect(delinde.usage!.members).toBeGreaterThan(5);
    expect(delinde.usage!.posts).toBeGreaterThan(3);
    expect(delinde.usage!.databaseBytes).toBeGreaterThan(4096);
    expect(Object.keys(delinde).sort()).toEqual(
      ["createdAt", "deletedAt", "deletionDueAt", "deletionRequestedAt", "failedStep", "failureReason", "name", "provisioningStep", "slug", "status", "suspendedReason", "usage"].sort(),
    );
  });
});

describe("retrying a failed provisioning", () => {
  it("resumes at the failed step and the corporation works", async () => {
    const slug = uniqueSlug("herkans");
    const tenant = await requestTenant(control(), {
      slug,
      name: "Stichting Herkansing",
      admin: { email: "beheer@herkans.example", displayName: "Beheer", passwordHash: await hashPassword(NEW_PASSWORD) },
    });
    await control()
      .update(controlSchema.tenants)
      .set({ status: "failed", failedStep: "requested", failureReason: "database server unreachable" })
      .where(eq(controlSchema.tenants.id, tenant.id));
    const cookie = await operatorLogin();
    const detail = await json(await call(APEX, `/api/operator/tenants/${slug}`, { cookie }));
    expect(detail.tenant).toMatchObject({ status: "failed", failedStep: "requested", failureReason: "database server unreachable", usage: null });

    const retried = await post(`/api/operator/tenants/${slug}/retry`, cookie);
    expect(retried.status).toBe(200);
    expect((await json(retried)).tenant).toMatchObject({ status: "active", provisioningStep: "active" });
    expect((await call(`${slug}.localhost`, "/api/site")).status).toBe(200);
    await login(`${slug}.localhost`, "beheer@herkans.example", NEW_PASSWORD);
    const audit = await json(await call(APEX, "/api/operator/audit", { cookie }));
    expect(audit.entries.some((entry: { action: string; tenantSlug: string }) => entry.action === "retry" && entry.tenantSlug === slug)).toBe(true);
  });
});

describe("a corporation asks to be deleted", () => {
  it("admin only, confirmed by typing the slug; shown with its date; can be withdrawn; the operator cannot delete before the grace period", async () => {
    const tenant = await createFreshTenant();
    const moderator = await login(tenant.host, "mo@proef.example", NEW_PASSWORD);
    expect((await call(tenant.host, "/api/settings/deletion", { cookie: moderator })).status).toBe(403);
    expect((await post("/api/settings/deletion", moderator, { confirmSlug: tenant.slug }, tenant.host)).status).toBe(403);
    expect((await call(tenant.host, "/api/settings/deletion")).status).toBe(401);

    const before = await json(await call(tenant.host, "/api/settings/deletion", { cookie: tenant.adminCookie }));
    expect(before).toEqual({ slug: tenant.slug, graceDays: 30, deletion: null });

    const wrong = await post("/api/settings/deletion", tenant.adminCookie, { confirmSlug: "delinde" }, tenant.host);
    expect(wrong.status).toBe(422);
    expect((await json(wrong)).error.details.fields.confirmSlug).toBeTruthy();
    expect((await post("/api/settings/deletion", tenant.adminCookie, {}, tenant.host)).status).toBe(422);
    expect((await tenantRow(tenant.slug)).deletionRequestedAt).toBeNull();

    const asked = await post("/api/settings/deletion", tenant.adminCookie, { confirmSlug: tenant.slug.toUpperCase() }, tenant.host);
    expect(asked.status).toBe(200);
    const { deletion } = await json(asked);
    expect(deletion.dueAt - deletion.requestedAt).toBe(30 * DAY);
    expect((await post("/api/settings/deletion", tenant.adminCookie, { confirmSlug: tenant.slug }, tenant.host)).status).toBe(409);
    const logged = await tenant.db.select().from(tenantSchema.auditLog).where(eq(tenantSchema.auditLog.action, "corporation.deletion_requested"));
    expect(logged).toHaveLength(1);

    // The console shows the request and its date; deleting now is refused and changes nothing.
    const cookie = await operatorLogin();
    const detail = await json(await call(APEX, `/api/operator/tenants/${tenant.slug}`, { cookie }));
    expect(detail.tenant).toMatchObject({ deletionRequestedAt: deletion.requestedAt, deletionDueAt: deletion.dueAt });
    const early = await post(`/api/operator/tenants/${tenant.slug}/delete`, cookie);
    expect(early.status).toBe(409);
    expect(await errorCode(early)).toBe("deletion_not_due");
    expect((await tenantRow(tenant.slug)).status).toBe("active");
    expect((await call(tenant.host, "/api/auth/me", { cookie: tenant.adminCookie })).status).toBe(200);

    const withdrawn = await call(tenant.host, "/api/settings/deletion", { method: "DELETE", cookie: tenant.adminCookie });
    expect(withdrawn.status).toBe(200);
    expect((await json(withdrawn)).deletion).toBeNull();
    expect((await call(tenant.host, "/api/settings/deletion", { method: "DELETE", cookie: tenant.adminCookie })).status).toBe(409);
    const notAsked = await post(`/api/operator/tenants/${tenant.slug}/delete`, cookie);
    expect(notAsked.status).toBe(409);
    expect((await tenantRow(tenant.slug)).status).toBe("active");
  });

  it("after the grace period the operator deletes database and files; a tombstone stays and the host answers like an unknown one", async () => {
    const tenant = await createFreshTenant();
    expect((await post("/api/settings/deletion", tenant.adminCookie, { confirmSlug: tenant.slug }, tenant.host)).status).toBe(200);
    const row = await tenantRow(tenant.slug);
    // 31 days ago, as if the grace period had passed.
    await control().update(controlSchema.tenants).set({ deletionRequestedAt: Date.now() - 31 * DAY }).where(eq(controlSchema.tenants.id, row.id));
    const domain = `${uniqueSlug("weg")}.example`;
    await control().insert(controlSchema.tenantDomains).values({ hostname: domain, tenantId: row.id, verifiedAt: Date.now() });
    await bindings.FILES.put(`tenants/${row.id}/logos/logo.png`, new Uint8Array([1, 2, 3]));
    await bindings.FILES.put(`tenants/${row.id}/sponsors/a.png`, new Uint8Array([4]));
    await bindings.FILES.put("tenants/someone-else/logos/logo.png", new Uint8Array([5]));

    const cookie = await operatorLogin();
    const deleted = await post(`/api/operator/tenants/${tenant.slug}/delete`, cookie);
    expect(deleted.status).toBe(200);
    expect((await json(deleted)).tenant).toMatchObject({ slug: tenant.slug, name: "Woonstichting Proef", status: "deleted" });

    const tombstone = await tenantRow(tenant.slug);
    expect(tombstone).toMatchObject({ status: "deleted", dbName: null, dbUrl: null, dbToken: null, pendingAdmin: null });
    expect(tombstone.deletedAt).toBeGreaterThan(0);
    expect(await control().select().from(controlSchema.tenantDomains).where(eq(controlSchema.tenantDomains.tenantId, row.id))).toEqual([]);
    expect((await bindings.FILES.list({ prefix: `tenants/${row.id}/` })).objects).toEqual([]);
    expect(await bindings.FILES.head("tenants/someone-else/logos/logo.png")).not.toBeNull();
    const databases = new LocalTenantDatabases({ adminUrl: bindings.LOCAL_LIBSQL_ADMIN_URL!, adminToken: bindings.LOCAL_LIBSQL_ADMIN_TOKEN! });
    expect(await databases.databaseExists(row.dbName!)).toBe(false);

    for (const host of [tenant.host, domain]) {
      const site = await call(host, "/api/site");
      expect(site.status).toBe(404);
      expect(await errorCode(site)).toBe("tenant_not_found");
    }
    const again = await post(`/api/operator/tenants/${tenant.slug}/delete`, cookie);
    expect(again.status).toBe(409);
    const audit = await json(await call(APEX, "/api/operator/audit", { cookie }));
    expect(audit.entries[0]).toMatchObject({ action: "delete", tenantSlug: tenant.slug });
  });

  it("finishes an interrupted deletion (status deleting) when deleted again; meanwhile its host answers like an unknown one", async () => {
    const tenant = await createFreshTenant();
    const row = await tenantRow(tenant.slug);
    await control()
      .update(controlSchema.tenants)
      .set({ status: "deleting", deletionRequestedAt: Date.now() - 40 * DAY })
      .where(eq(controlSchema.tenants.id, row.id));
    expect((await call(tenant.host, "/api/site")).status).toBe(404);
    const cookie = await operatorLogin();
    const deleted = await post(`/api/operator/tenants/${tenant.slug}/delete`, cookie);
    expect(deleted.status).toBe(200);
    expect(await tenantRow(tenant.slug)).toMatchObject({ status: "deleted", dbName: null });
    const databases = new LocalTenantDatabases({ adminUrl: bindings.LOCAL_LIBSQL_ADMIN_URL!, adminToken: bindings.LOCAL_LIBSQL_ADMIN_TOKEN! });
    expect(await databases.databaseExists(row.dbName!)).toBe(false);
  });
});
