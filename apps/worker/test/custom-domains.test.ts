// A corporation's own domains through the real API: add, duplicate, invalid, check (locally and through
// the fake of Cloudflare's custom hostname API), resolve only when verified, remove.
import { CLIENT_SOURCE_HEADER } from "@buurtplein/core";
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { controlSchema, tenantSchema } from "@buurtplein/db";
import { createApp } from "../src/app.ts";
import { stateOfCloudflareHostname } from "../src/tenancy/custom-hostnames.ts";
import type { Bindings } from "../src/env.ts";
import { bindings, call, control, json, login, randomIp, tenantDb, uniqueSlug } from "./helpers.ts";
import { FAKE_CLOUDFLARE_TARGET, FAKE_CLOUDFLARE_TOKEN, FAKE_CLOUDFLARE_ZONE } from "./fake-cloudflare.ts";

const DELINDE = "delinde.localhost:8787";
const HAVENSTAD = "havenstad.localhost:8787";

let admin = "";
let havenstadAdmin = "";
let moderator = "";
beforeAll(async () => {
  admin = await login(DELINDE, "beheer@delinde.example");
  havenstadAdmin = await login(HAVENSTAD, "beheer@havenstad.example");
  moderator = await login(DELINDE, "sanne@delinde.example");
});

/** The API app with other bindings (same workerd, same databases): Cloudflare, or a tenant cache. */
const app = createApp();
async function callWith(overrides: Partial<Bindings>, host: string, path: string, init: RequestInit & { json?: unknown; cookie?: string } = {}) {
  const headers = new Headers(init.headers);
  if (init.json !== undefined) headers.set("content-type", "application/json");
  if (init.cookie) headers.set("cookie", init.cookie);
  headers.set(CLIENT_SOURCE_HEADER, randomIp());
  const request = new Request(`http://${host}${path}`, { ...init, headers, body: init.json !== undefined ? JSON.stringify(init.json) : init.body });
  const ctx = createExecutionContext();
  const response = await app.fetch(request, { ...bindings, ...overrides }, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}

const CLOUDFLARE: Partial<Bindings> = {
  CUSTOM_HOSTNAMES: "cloudflare",
  CLOUDFLARE_ZONE_ID: FAKE_CLOUDFLARE_ZONE,
  CLOUDFLARE_API_TOKEN: FAKE_CLOUDFLARE_TOKEN,
  CUSTOM_HOSTNAME_TARGET: FAKE_CLOUDFLARE_TARGET,
};

/** "The world's DNS" in the fake: the corporation created its CNAME. */
async function createCname(hostname: string, cname: string): Promise<void> {
  const response = await fetch(`${new URL(bindings.CLOUDFLARE_API_BASE_URL!).origin}/__dns/${hostname}`, { method: "PUT", body: JSON.stringify({ cname }) });
  expect(response.status).toBe(200);
}

async function domainRow(hostname: string) {
  const [row] = await control().select().from(controlSchema.tenantDomains).where(eq(controlSchema.tenantDomains.hostname, hostname));
  return row ?? null;
}

function addDomain(hostname: unknown, cookie = admin, host = DELINDE) {
  return call(host, "/api/settings/domains", { method: "POST", json: { hostname }, cookie });
}

describe("custom domains (local implementation)", () => {
  it("adds a .localhost domain that verifies at once and serves the tenant, while the subdomain keeps working", async () => {
    const hostname = `${uniqueSlug("buurt")}.delinde.localhost`;
    expect((await call(`${hostname}:8787`, "/api/site")).status).toBe(404);

    const response = await addDomain(hostname.toUpperCase());
    expect(response.status).toBe(201);
    const { domain } = await json(response);
    expect(domain).toMatchObject({ hostname, status: "active", records: [{ type: "CNAME", name: hostname, value: "localhost", purpose: "route" }] });
    expect(domain.verifiedAt).toEqual(expect.any(Number));

    const site = await json(await call(`${hostname}:8787`, "/api/site"));
    expect(site.tenant.slug).toBe("delinde");
    expect((await json(await call(DELINDE, "/api/site"))).tenant.slug).toBe("delinde");
    // Logging in works on the custom domain (same tenant database).
    await login(`${hostname}:8787`, "beheer@delinde.example");

    const list = await json(await call(DELINDE, "/api/settings/domains", { cookie: admin }));
    expect(list.defaultHostname).toBe("delinde.localhost");
    expect(list.servesLocalhost).toBe(true);
    expect(list.domains.map((d: { hostname: string }) => d.hostname)).toContain(hostname);
    const audit = await (await tenantDb("delinde")).select().from(tenantSchema.auditLog).where(eq(tenantSchema.auditLog.subject, hostname));
    expect(audit.map((entry) => entry.action)).toEqual(["domain.add"]);
  });

  it("keeps a domain it cannot verify pending, and a pending domain does not resolve", async () => {
    const hostname = `${uniqueSlug("buurt")}.delinde.nl`;
    const response = await addDomain(hostname);
    expect(response.status).toBe(201);
    expect((await json(response)).domain).toMatchObject({ status: "pending", verifiedAt: null });
    const checked = await call(DELINDE, `/api/settings/domains/${hostname}/check`, { method: "POST", cookie: admin });
    expect(checked.status).toBe(200);
    expect((await json(checked)).domain.status).toBe("pending");
    const site = await call(hostname, "/api/site");
    expect(site.status).toBe(404);
    expect((await json(site)).error.code).toBe("tenant_not_found");
  });

  it("refuses a domain any corporation has already (409), nothing changed", async () => {
    const hostname = `${uniqueSlug("buurt")}.delinde.localhost`;
    expect((await addDomain(hostname)).status).toBe(201);
    const again = await addDomain(hostname);
    expect(again.status).toBe(409);
    expect((await json(again)).error.code).toBe("domain_taken");
    const other = await addDomain(hostname, havenstadAdmin, HAVENSTAD);
    expect(other.status).toBe(409);
    expect((await json(other)).error.code).toBe("domain_taken");
    const [delinde] = await control().select().from(controlSchema.tenants).where(eq(controlSchema.tenants.slug, "delinde"));
    expect((await domainRow(hostname))!.tenantId).toBe(delinde!.id);
  });

  it("refuses invalid hostnames and the platform's own names with 422 and a field message", async () => {
    const cases: [unknown, string][] = [
      ["", "Vul een domeinnaam in"],
      [undefined, "Vul een domeinnaam in"],
      ["geen domein", "geen geldige domeinnaam"],
      ["buurt_1.delinde.nl", "geen geldige domeinnaam"],
      ["10.0.0.1", "geen geldige domeinnaam"],
      ["localhost", "adres van Buurtplein zelf"],
      ["havenstad.localhost", "adres van Buurtplein zelf"],
      ["delinde.localhost", "adres van Buurtplein zelf"],
    ];
    for (const [hostname, text] of cases) {
      const response = await addDomain(hostname);
      expect(response.status, String(hostname)).toBe(422);
      const { error } = await json(response);
      expect(error.code).toBe("invalid_input");
      expect(error.details.fields.hostname).toContain(text);
    }
    const rows = await control().select().from(controlSchema.tenantDomains).where(eq(controlSchema.tenantDomains.hostname, "havenstad.localhost"));
    expect(rows).toEqual([]);
  });

  it("lets only admins manage domains", async () => {
    const hostname = `${uniqueSlug("buurt")}.delinde.localhost`;
    const byModerator = await addDomain(hostname, moderator);
    expect(byModerator.status).toBe(403);
    expect((await json(byModerator)).error.code).toBe("forbidden");
    expect(await domainRow(hostname)).toBeNull();
    expect((await call(DELINDE, "/api/settings/domains", { cookie: moderator })).status).toBe(403);
    expect((await call(DELINDE, "/api/settings/domains")).status).toBe(401);
    // Another corporation's admin cannot see, check or remove De Linde's domain.
    expect((await addDomain(hostname)).status).toBe(201);
    expect((await call(HAVENSTAD, `/api/settings/domains/${hostname}`, { method: "DELETE", cookie: havenstadAdmin })).status).toBe(404);
    expect((await call(HAVENSTAD, `/api/settings/domains/${hostname}/check`, { method: "POST", cookie: havenstadAdmin })).status).toBe(404);
    expect(await domainRow(hostname)).not.toBeNull();
  });

  it("removes a domain: it stops resolving at once, even where the tenant cache would keep it", async () => {
    const hostname = `${uniqueSlug("buurt")}.delinde.localhost`;
    const cached: Partial<Bindings> = { TENANT_CACHE_TTL_MS: "600000" };
    expect((await callWith(cached, DELINDE, "/api/settings/domains", { method: "POST", json: { hostname }, cookie: admin })).status).toBe(201);
    // Served, and now kept in this isolate's tenant cache for ten minutes.
    expect((await json(await callWith(cached, `${hostname}:8787`, "/api/site"))).tenant.slug).toBe("delinde");
    const removed = await callWith(cached, DELINDE, `/api/settings/domains/${hostname}`, { method: "DELETE", cookie: admin });
    expect(removed.status).toBe(200);
    expect(await json(removed)).toEqual({ removed: hostname });
    expect(await domainRow(hostname)).toBeNull();
    expect((await callWith(cached, `${hostname}:8787`, "/api/site")).status).toBe(404);
    expect((await call(DELINDE, `/api/settings/domains/${hostname}`, { method: "DELETE", cookie: admin })).status).toBe(404);
  });
});

describe("custom domains through Cloudflare's custom hostname API (a local fake)", () => {
  it("registers the hostname, shows the CNAME and ownership records, and goes from pending to active once DNS is right", async () => {
    const hostname = `${uniqueSlug("buurt")}.delinde.nl`;
    const added = await callWith(CLOUDFLARE, DELINDE, "/api/settings/domains", { method: "POST", json: { hostname }, cookie: admin });
    expect(added.status).toBe(201);
    const { domain } = await json(added);
    expect(domain.status).toBe("pending");
    expect(domain.records).toEqual([
      { type: "CNAME", name: hostname, value: FAKE_CLOUDFLARE_TARGET, purpose: "route" },
      { type: "TXT", name: `_cf-custom-hostname.${hostname}`, value: expect.stringMatching(/^[0-9a-f-]{36}$/), purpose: "ownership" },
    ]);
    expect(domain.problems).toEqual(["custom hostname does not CNAME to this zone."]);
    expect((await domainRow(hostname))?.providerRef).toMatch(/^[0-9a-f]{32}$/);

    // Checked before the DNS record exists: still pending, not served.
    const early = await callWith(CLOUDFLARE, DELINDE, `/api/settings/domains/${hostname}/check`, { method: "POST", cookie: admin });
    expect((await json(early)).domain.status).toBe("pending");
    expect((await call(hostname, "/api/site")).status).toBe(404);

    // A CNAME to somewhere else does not count.
    await createCname(hostname, "elders.example");
    expect((await json(await callWith(CLOUDFLARE, DELINDE, `/api/settings/domains/${hostname}/check`, { method: "POST", cookie: admin }))).domain.status).toBe("pending");

    await createCname(hostname, FAKE_CLOUDFLARE_TARGET);
    const checked = await callWith(CLOUDFLARE, DELINDE, `/api/settings/domains/${hostname}/check`, { method: "POST", cookie: admin });
    expect(checked.status).toBe(200);
    const active = (await json(checked)).domain;
    expect(active).toMatchObject({ status: "active", problems: [], records: [{ type: "CNAME", name: hostname, value: FAKE_CLOUDFLARE_TARGET, purpose: "route" }] });
    expect(active.verifiedAt).toEqual(expect.any(Number));
    expect((await json(await call(hostname, "/api/site"))).tenant.slug).toBe("delinde");

    // Removed here and at Cloudflare.
    expect((await callWith(CLOUDFLARE, DELINDE, `/api/settings/domains/${hostname}`, { method: "DELETE", cookie: admin })).status).toBe(200);
    const origin = new URL(bindings.CLOUDFLARE_API_BASE_URL!).origin;
    const listed = await fetch(`${origin}/client/v4/zones/${FAKE_CLOUDFLARE_ZONE}/custom_hostnames?hostname=${hostname}`, { headers: { authorization: `Bearer ${FAKE_CLOUDFLARE_TOKEN}` } });
    expect(((await listed.json()) as { result: unknown[] }).result).toEqual([]);
    expect((await call(hostname, "/api/site")).status).toBe(404);
  });

  it("refuses .localhost names in production (Cloudflare cannot reach them)", async () => {
    const response = await callWith(CLOUDFLARE, DELINDE, "/api/settings/domains", { method: "POST", json: { hostname: "buurt.delinde.localhost" }, cookie: admin });
    expect(response.status).toBe(422);
    expect((await json(response)).error.details.fields.hostname).toContain(".localhost");
  });

  it("answers 503 and keeps nothing when Cloudflare refuses (a wrong token)", async () => {
    const hostname = `${uniqueSlug("buurt")}.delinde.nl`;
    const response = await callWith({ ...CLOUDFLARE, CLOUDFLARE_API_TOKEN: "wrong" }, DELINDE, "/api/settings/domains", { method: "POST", json: { hostname }, cookie: admin });
    expect(response.status).toBe(503);
    expect((await json(response)).error.code).toBe("service_unavailable");
    expect(await domainRow(hostname)).toBeNull();
  });
});

describe("reading Cloudflare's custom hostname object", () => {
  const base = { id: "abc", hostname: "buurt.delinde.nl" };
  it("is active only when both the hostname and its certificate are", () => {
    expect(stateOfCloudflareHostname({ ...base, status: "active", ssl: { status: "active" } }, "t").status).toBe("active");
    expect(stateOfCloudflareHostname({ ...base, status: "active", ssl: { status: "pending_validation" } }, "t").status).toBe("pending");
    expect(stateOfCloudflareHostname({ ...base, status: "pending", ssl: { status: "active" } }, "t").status).toBe("pending");
  });

  it("fails when the CNAME moved away, the name is blocked or validation timed out, with Cloudflare's reasons", () => {
    expect(stateOfCloudflareHostname({ ...base, status: "moved", verification_errors: ["custom hostname does not CNAME to this zone."] }, "t")).toMatchObject({
      status: "failed",
      problems: ["custom hostname does not CNAME to this zone."],
    });
    expect(stateOfCloudflareHostname({ ...base, status: "blocked" }, "t").status).toBe("failed");
    expect(stateOfCloudflareHostname({ ...base, status: "pending", ssl: { status: "validation_timed_out", validation_errors: [{ message: "CAA record prevents issuance" }] } }, "t")).toMatchObject({
      status: "failed",
      problems: ["CAA record prevents issuance"],
    });
  });

  it("lists the CNAME, and TXT records for ownership and the certificate while not active", () => {
    const state = stateOfCloudflareHostname(
      {
        ...base,
        status: "pending",
        ownership_verification: { type: "txt", name: "_cf-custom-hostname.buurt.delinde.nl", value: "uuid-1" },
        ssl: { status: "pending_validation", validation_records: [{ txt_name: "_acme-challenge.buurt.delinde.nl", txt_value: "token-1" }] },
      },
      "domeinen.buurtplein.nl",
    );
    expect(state.records).toEqual([
      { type: "CNAME", name: "buurt.delinde.nl", value: "domeinen.buurtplein.nl", purpose: "route" },
      { type: "TXT", name: "_cf-custom-hostname.buurt.delinde.nl", value: "uuid-1", purpose: "ownership" },
      { type: "TXT", name: "_acme-challenge.buurt.delinde.nl", value: "token-1", purpose: "certificate" },
    ]);
    expect(state.ref).toBe("abc");
  });
});
