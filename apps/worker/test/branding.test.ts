// Branding: PATCH /api/settings/branding (contrast rule, admins only), PUT/DELETE /api/settings/logo
// (images by their bytes, at most 1 MB, in R2 under the tenant's prefix) and GET /api/files/… (only on
// the tenant's own hosts). Every refusal leaves everything as it was.
import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { MAX_IMAGE_BYTES } from "@buurtplein/core";
import { SAMPLE_JPEG, SAMPLE_PNG, SAMPLE_WEBP } from "@buurtplein/core/files/sample-images";
import { tenantSchema } from "@buurtplein/db";
import { bindings, call, json, login } from "./helpers.ts";
import { createFreshTenant, createInvite, NEW_PASSWORD } from "./invite-fixtures.ts";

let tenant: Awaited<ReturnType<typeof createFreshTenant>>;
let other: Awaited<ReturnType<typeof createFreshTenant>>;
let moderator = "";

beforeAll(async () => {
  [tenant, other] = await Promise.all([createFreshTenant(), createFreshTenant()]);
  moderator = await login(tenant.host, "mo@proef.example", NEW_PASSWORD);
});

const site = async (host = tenant.host) => (await json(await call(host, "/api/site"))).branding;
const patch = (body: unknown, cookie = tenant.adminCookie) => call(tenant.host, "/api/settings/branding", { method: "PATCH", cookie, json: body });
const putLogo = (bytes: Uint8Array | string, type: string, cookie = tenant.adminCookie, host = tenant.host) =>
  call(host, "/api/settings/logo", { method: "PUT", cookie, body: bytes, headers: { "content-type": type } });
const auditActions = async (action: string) => (await tenant.db.select().from(tenantSchema.auditLog).where(eq(tenantSchema.auditLog.action, action))).length;

describe("PATCH /api/settings/branding", () => {
  it("saves every field for an admin, shows them on /api/site and writes settings.branding to the audit log", async () => {
    const before = await auditActions("settings.branding");
    const response = await patch({
      displayName: "Buurtplein Proef",
      tagline: "Samen wonen in Oudwijk",
      primaryColor: "#1D4E89",
      accentColor: "#e0b040",
      sponsorStatement: "Mogelijk gemaakt door Bakkerij Proef.",
      houseRules: "Honden aan de lijn.\nGeen reclame.",
      defaultLanguage: "en",
    });
    expect(response.status, await response.clone().text()).toBe(200);
    expect((await json(response)).branding).toMatchObject({ displayName: "Buurtplein Proef", primaryColor: "#1d4e89", houseRules: "Honden aan de lijn.\nGeen reclame.", defaultLanguage: "en" });
    expect(await site()).toMatchObject({
      displayName: "Buurtplein Proef",
      tagline: "Samen wonen in Oudwijk",
      primaryColor: "#1d4e89",
      accentColor: "#e0b040",
      sponsorStatement: "Mogelijk gemaakt door Bakkerij Proef.",
      defaultLocale: "en",
    });
    expect(await auditActions("settings.branding")).toBe(before + 1);
    // Empty texts clear, absent ones stay.
    await patch({ tagline: "", defaultLanguage: "nl" });
    expect(await site()).toMatchObject({ tagline: null, displayName: "Buurtplein Proef", defaultLocale: "nl" });
  });

  it("shows the corporation's own house rules, the sponsor statement and the logo where people join and on letters", async () => {
    await patch({ houseRules: "Honden aan de lijn.", sponsorStatement: "Met steun van Bakkerij Proef." });
    await putLogo(SAMPLE_PNG, "image/png");
    const invite = await createInvite(tenant.host, { neighbourhood: "oudwijk" }, tenant.adminCookie);
    const lookup = await json(await call(tenant.host, `/api/join/${invite.token}`));
    expect(lookup.corporation).toMatchObject({ houseRules: "Honden aan de lijn.", sponsorStatement: "Met steun van Bakkerij Proef." });
    // The letter and poster are printed from the invite's detail: statement and logo come along.
    const detail = await json(await call(tenant.host, `/api/invites/${invite.id}`, { cookie: tenant.adminCookie }));
    expect(detail.branding).toMatchObject({ sponsorStatement: "Met steun van Bakkerij Proef.", logoUrl: (await site()).logoUrl });
    expect(detail.branding.logoUrl).toMatch(/^\/api\/files\/logos\//);
  });

  it("refuses a primary colour with too little contrast: 422, the colour named, the pair, the shortfall and a shade; nothing saved", async () => {
    const before = await site();
    const response = await patch({ primaryColor: "#7fbfae", tagline: "Niet opgeslagen" }, tenant.adminCookie);
    expect(response.status).toBe(422);
    const { error } = await json(response);
    expect(error.code).toBe("contrast_too_low");
    expect(Object.keys(error.details.fields)).toEqual(["primaryColor"]);
    expect(error.details.fields.primaryColor).toMatch(/#7fbfae.*\d\.\d\d:1.*4\.5:1.*te weinig.*#[0-9a-f]{6}/);
    expect(error.details.contrast[0]).toMatchObject({ field: "primaryColor", required: 4.5 });
    expect(error.details.contrast[0].suggestion).toMatch(/^#[0-9a-f]{6}$/);
    expect(await site()).toEqual(before);
  });

  it("names the accent colour when only that one fails, in English when asked", async () => {
    const response = await call(tenant.host, "/api/settings/branding", {
      method: "PATCH",
      cookie: `${tenant.adminCookie}; bp_lang=en`,
      json: { primaryColor: "#1f6f5c", accentColor: "#1d4e89" },
    });
    expect(response.status).toBe(422);
    const { error } = await json(response);
    expect(Object.keys(error.details.fields)).toEqual(["accentColor"]);
    expect(error.details.fields.accentColor).toContain("Accent colour #1d4e89");
  });

  it("refuses malformed input with a field message, and a body that is no JSON", async () => {
    const bad = await patch({ primaryColor: "red", displayName: "x", defaultLanguage: "de" });
    expect(bad.status).toBe(422);
    const { error } = await json(bad);
    expect(error.code).toBe("invalid_input");
    expect(Object.keys(error.details.fields).sort()).toEqual(["defaultLanguage", "displayName", "primaryColor"]);
    const text = await call(tenant.host, "/api/settings/branding", { method: "PATCH", cookie: tenant.adminCookie, body: "primaryColor=#000000", headers: { "content-type": "text/plain" } });
    expect(text.status).toBe(415);
  });

  it("is for admins only: a moderator gets 403, a visitor 401, and nothing changes", async () => {
    const before = await site();
    const asModerator = await patch({ displayName: "Gekaapt" }, moderator);
    expect(asModerator.status).toBe(403);
    expect((await json(asModerator)).error.code).toBe("forbidden");
    expect((await call(tenant.host, "/api/settings/branding", { cookie: moderator })).status).toBe(403);
    expect((await call(tenant.host, "/api/settings/branding", { method: "PATCH", json: { displayName: "Gekaapt" } })).status).toBe(401);
    expect(await site()).toEqual(before);
  });
});

describe("the logo", () => {
  it("stores a PNG under the tenant's prefix and serves it on the tenant's host, with its type, nosniff and a long cache", async () => {
    const before = await auditActions("settings.logo");
    const response = await putLogo(SAMPLE_PNG, "image/png");
    expect(response.status, await response.clone().text()).toBe(200);
    const { logoUrl } = await site();
    expect(logoUrl).toMatch(/^\/api\/files\/logos\/[0-9a-f]{64}\.png$/);
    const served = await call(tenant.host, logoUrl);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(served.headers.get("x-content-type-options")).toBe("nosniff");
    expect(served.headers.get("cache-control")).toContain("immutable");
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(SAMPLE_PNG);
    const keys = (await bindings.FILES.list({ prefix: `tenants/` })).objects.map((object) => object.key);
    expect(keys.some((key) => key.endsWith(logoUrl.split("/").pop()!) && key.includes("/logos/"))).toBe(true);
    expect(await auditActions("settings.logo")).toBe(before + 1);
  });

  it("answers 404 for that file on another tenant's host", async () => {
    await putLogo(SAMPLE_PNG, "image/png");
    const { logoUrl } = await site();
    const elsewhere = await call(other.host, logoUrl);
    expect(elsewhere.status).toBe(404);
    expect(await site(other.host)).toMatchObject({ logoUrl: null });
  });

  it("accepts JPEG and WebP, whatever the header says, and stores the type it really is", async () => {
    expect((await putLogo(SAMPLE_JPEG, "image/png")).status).toBe(200);
    const jpeg = await site();
    expect(jpeg.logoUrl).toMatch(/\.jpg$/);
    expect((await call(tenant.host, jpeg.logoUrl)).headers.get("content-type")).toBe("image/jpeg");
    expect((await putLogo(SAMPLE_WEBP, "application/octet-stream")).status).toBe(200);
    expect((await site()).logoUrl).toMatch(/\.webp$/);
    // The replaced image is gone from the store.
    expect((await call(tenant.host, jpeg.logoUrl)).status).toBe(404);
  });

  it("refuses SVG, HTML and a truncated image with 415 unsupported_image_type; the logo stays", async () => {
    await putLogo(SAMPLE_PNG, "image/png");
    const before = await site();
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>';
    for (const [body, type] of [
      [svg, "image/svg+xml"],
      [svg, "image/png"],
      ["<!doctype html><script>alert(1)</script>", "image/png"],
      [SAMPLE_PNG.slice(0, 100), "image/png"],
      [new Uint8Array(), "image/png"],
    ] as const) {
      const response = await putLogo(body, type);
      expect(response.status).toBe(415);
      expect((await json(response)).error.code).toBe("unsupported_image_type");
    }
    expect(await site()).toEqual(before);
  });

  it("refuses a file over 1 MB with 413; the logo stays", async () => {
    const before = await site();
    const big = new Uint8Array(MAX_IMAGE_BYTES + 1);
    big.set(SAMPLE_PNG);
    const response = await putLogo(big, "image/png");
    expect(response.status).toBe(413);
    expect((await json(response)).error.code).toBe("payload_too_large");
    expect(await site()).toEqual(before);
    // Also when the sender does not say how big it is (a stream without Content-Length).
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let sent = 0; sent <= MAX_IMAGE_BYTES; sent += 64 * 1024) controller.enqueue(new Uint8Array(64 * 1024));
        controller.close();
      },
    });
    const streamed = await call(tenant.host, "/api/settings/logo", { method: "PUT", cookie: tenant.adminCookie, body: stream, headers: { "content-type": "image/png" }, duplex: "half" } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(await site()).toEqual(before);
  });

  it("is for admins only", async () => {
    const before = await site();
    const response = await putLogo(SAMPLE_JPEG, "image/jpeg", moderator);
    expect(response.status).toBe(403);
    expect((await call(tenant.host, "/api/settings/logo", { method: "DELETE", cookie: moderator })).status).toBe(403);
    expect(await site()).toEqual(before);
  });

  it("can be removed: the site has no logo and the file is gone", async () => {
    await putLogo(SAMPLE_PNG, "image/png");
    const { logoUrl } = await site();
    const removed = await call(tenant.host, "/api/settings/logo", { method: "DELETE", cookie: tenant.adminCookie });
    expect(removed.status).toBe(200);
    expect((await site()).logoUrl).toBeNull();
    expect((await call(tenant.host, logoUrl)).status).toBe(404);
  });

  it("answers 404 for names that are no stored file", async () => {
    for (const path of ["/api/files/logos/nothing.png", `/api/files/secrets/${"a".repeat(64)}.png`, `/api/files/logos/${"a".repeat(64)}.png`, "/api/files/logos/..%2F..%2Fx"]) {
      expect((await call(tenant.host, path)).status, path).toBe(404);
    }
  });
});
