// Sponsors (partners of kind `sponsor`): admins add, change and remove them with their logo; everyone
// sees the list. Other kinds of partner are never shown or changed here.
import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { SAMPLE_PNG } from "@buurtplein/core/files/sample-images";
import { tenantSchema } from "@buurtplein/db";
import { call, json, login } from "./helpers.ts";
import { createFreshTenant, NEW_PASSWORD } from "./invite-fixtures.ts";

let tenant: Awaited<ReturnType<typeof createFreshTenant>>;
let moderator = "";
let localPartner = "";

beforeAll(async () => {
  tenant = await createFreshTenant();
  moderator = await login(tenant.host, "mo@proef.example", NEW_PASSWORD);
  localPartner = crypto.randomUUID();
  await tenant.db.insert(tenantSchema.partners).values({ id: localPartner, name: "Buurthuis", kind: "local" });
});

const create = (body: unknown, cookie = tenant.adminCookie) => call(tenant.host, "/api/sponsors", { method: "POST", cookie, json: body });
const list = async () => (await json(await call(tenant.host, "/api/sponsors"))).sponsors as { id: string; name: string; website: string | null; logoUrl: string | null }[];
const audits = async (subject: string) => (await tenant.db.select().from(tenantSchema.auditLog).where(eq(tenantSchema.auditLog.subject, subject))).map((row) => row.action);

describe("sponsors", () => {
  it("an admin adds, changes, gives a logo and removes a sponsor; everyone sees the list; each step is audited", async () => {
    const created = await create({ name: "Bakkerij Van Dam", website: "https://bakkerij.example", description: "Brood voor de buurtborrel" });
    expect(created.status).toBe(201);
    const { sponsor } = await json(created);
    expect(await list()).toEqual([expect.objectContaining({ id: sponsor.id, name: "Bakkerij Van Dam", website: "https://bakkerij.example", logoUrl: null })]);

    const changed = await call(tenant.host, `/api/sponsors/${sponsor.id}`, { method: "PATCH", cookie: tenant.adminCookie, json: { name: "Bakkerij Van Dam & Zn" } });
    expect(changed.status).toBe(200);
    expect((await json(changed)).sponsor).toMatchObject({ name: "Bakkerij Van Dam & Zn", website: "https://bakkerij.example" });

    const logo = await call(tenant.host, `/api/sponsors/${sponsor.id}/logo`, { method: "PUT", cookie: tenant.adminCookie, body: SAMPLE_PNG, headers: { "content-type": "image/png" } });
    expect(logo.status).toBe(200);
    const { logoUrl } = (await list())[0]!;
    expect(logoUrl).toMatch(/^\/api\/files\/sponsor-logos\/[0-9a-f]{64}\.png$/);
    expect((await call(tenant.host, logoUrl!)).status).toBe(200);

    const removed = await call(tenant.host, `/api/sponsors/${sponsor.id}`, { method: "DELETE", cookie: tenant.adminCookie });
    expect(removed.status).toBe(200);
    expect(await list()).toEqual([]);
    expect((await call(tenant.host, logoUrl!)).status).toBe(404);
    expect(await audits(sponsor.id)).toEqual(expect.arrayContaining(["sponsor.create", "sponsor.update", "sponsor.logo", "sponsor.remove"]));
  });

  it("refuses bad input with field messages and an SVG logo; nothing changes", async () => {
    const bad = await create({ name: "X", website: "javascript:alert(1)" });
    expect(bad.status).toBe(422);
    expect(Object.keys((await json(bad)).error.details.fields).sort()).toEqual(["name", "website"]);
    const { sponsor } = await json(await create({ name: "Sportclub De Haven" }));
    const svg = await call(tenant.host, `/api/sponsors/${sponsor.id}/logo`, { method: "PUT", cookie: tenant.adminCookie, body: "<svg/>", headers: { "content-type": "image/svg+xml" } });
    expect(svg.status).toBe(415);
    expect((await json(svg)).error.code).toBe("unsupported_image_type");
    expect((await list()).find((item) => item.id === sponsor.id)).toMatchObject({ name: "Sportclub De Haven", logoUrl: null });
  });

  it("is managed by admins only: a moderator gets 403 and nothing changes", async () => {
    const { sponsor } = await json(await create({ name: "Fietsenmaker" }));
    const before = await list();
    expect((await create({ name: "Gekaapt" }, moderator)).status).toBe(403);
    expect((await call(tenant.host, `/api/sponsors/${sponsor.id}`, { method: "PATCH", cookie: moderator, json: { name: "Gekaapt" } })).status).toBe(403);
    expect((await call(tenant.host, `/api/sponsors/${sponsor.id}`, { method: "DELETE", cookie: moderator })).status).toBe(403);
    expect((await call(tenant.host, `/api/sponsors/${sponsor.id}/logo`, { method: "PUT", cookie: moderator, body: SAMPLE_PNG, headers: { "content-type": "image/png" } })).status).toBe(403);
    expect((await create({ name: "Gekaapt" }, "")).status).toBe(401);
    expect(await list()).toEqual(before);
  });

  it("never shows or changes a partner of another kind, and answers 404 for unknown sponsors", async () => {
    expect((await list()).some((item) => item.id === localPartner)).toBe(false);
    expect((await call(tenant.host, `/api/sponsors/${localPartner}`)).status).toBe(404);
    expect((await call(tenant.host, `/api/sponsors/${localPartner}`, { method: "DELETE", cookie: tenant.adminCookie })).status).toBe(404);
    expect((await call(tenant.host, `/api/sponsors/${crypto.randomUUID()}`, { method: "PATCH", cookie: tenant.adminCookie, json: { name: "Niemand" } })).status).toBe(404);
    const [still] = await tenant.db.select().from(tenantSchema.partners).where(eq(tenantSchema.partners.id, localPartner));
    expect(still).toMatchObject({ name: "Buurthuis", kind: "local" });
  });
});
