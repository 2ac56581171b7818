// Sponsors: partners of kind `sponsor` (name, logo, link), managed by admins and shown to everyone on
// the "Mogelijk gemaakt door" page. A sponsor is never a user: it has no login and reads nothing of
// residents. Partners of other kinds (local, care) are not touched here.
import { Hono } from "hono";
import { and, asc, eq } from "drizzle-orm";
import { AppError, ZSponsorInput, ZSponsorUpdate } from "@buurtplein/core";
import { tenantSchema, type Partner } from "@buurtplein/db";
import type { AppEnv, Site } from "../env.ts";
import { audit } from "../lib/audit.ts";
import { parseInput, readJson } from "../lib/errors.ts";
import { requirePermission, tenantSite } from "../middleware/session.ts";
import { deleteFileIfUnused, fileUrl, readImageUpload, storeImage } from "../files/uploads.ts";

const { partners } = tenantSchema;
const SPONSOR = "sponsor";

function sponsorView(partner: Partner) {
  return { id: partner.id, name: partner.name, website: partner.website, description: partner.description, logoUrl: fileUrl(partner.logoKey) };
}

async function findSponsor(site: Extract<Site, { kind: "tenant" }>, id: string): Promise<Partner> {
  const [sponsor] = await site.db.select().from(partners).where(and(eq(partners.id, id), eq(partners.kind, SPONSOR))).limit(1);
  if (!sponsor) throw new AppError("not_found");
  return sponsor;
}

export const sponsorRoutes = new Hono<AppEnv>()

// GET /api/sponsors — every sponsor, by name (public: the "Mogelijk gemaakt door" page)
.get("/", async (c) => {
  const site = tenantSite(c.get("site"));
  const rows = await site.db.select().from(partners).where(eq(partners.kind, SPONSOR)).orderBy(asc(partners.name));
  return c.json({ sponsors: rows.map(sponsorView) });
})

// POST /api/sponsors — an admin adds a sponsor
.post("/", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requirePermission(c.get("actor"), "settings.manage");
  const input = parseInput(ZSponsorInput, await readJson(c));
  const [created] = await site.db
    .insert(partners)
    .values({ id: crypto.randomUUID(), kind: SPONSOR, name: input.name, website: input.website ?? null, description: input.description ?? null })
    .returning();
  await audit(site.db, { actorId: actor.userId, action: "sponsor.create", subject: created!.id, details: { name: input.name } });
  return c.json({ sponsor: sponsorView(created!) }, 201);
})

// GET /api/sponsors/:id — one sponsor (public, as the list)
.get("/:id", async (c) => {
  const site = tenantSite(c.get("site"));
  return c.json({ sponsor: sponsorView(await findSponsor(site, c.req.param("id"))) });
})

// PATCH /api/sponsors/:id — an admin changes name, link or description
.patch("/:id", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requirePermission(c.get("actor"), "settings.manage");
  const sponsor = await findSponsor(site, c.req.param("id"));
  const input = parseInput(ZSponsorUpdate, await readJson(c));
  const changes = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
  const [saved] = Object.keys(changes).length > 0 ? await site.db.update(partners).set(changes).where(eq(partners.id, sponsor.id)).returning() : [sponsor];
  await audit(site.db, { actorId: actor.userId, action: "sponsor.update", subject: sponsor.id, details: { fields: Object.keys(changes) } });
  return c.json({ sponsor: sponsorView(saved!) });
})

// DELETE /api/sponsors/:id — an admin removes a sponsor and its logo
.delete("/:id", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requirePermission(c.get("actor"), "settings.manage");
  const sponsor = await findSponsor(site, c.req.param("id"));
  await site.db.delete(partners).where(and(eq(partners.id, sponsor.id), eq(partners.kind, SPONSOR)));
  await deleteFileIfUnused(c, site, sponsor.logoKey);
  await audit(site.db, { actorId: actor.userId, action: "sponsor.remove", subject: sponsor.id, details: { name: sponsor.name } });
  return c.json({ removed: true as const });
})

// PUT /api/sponsors/:id/logo — the sponsor's logo as the raw body (the same checks as the corporation's logo)
.put("/:id/logo", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requirePermission(c.get("actor"), "settings.manage");
  const sponsor = await findSponsor(site, c.req.param("id"));
  const image = await readImageUpload(c);
  const key = await storeImage(c, site, "sponsor-logos", image);
  const [saved] = await site.db.update(partners).set({ logoKey: key }).where(eq(partners.id, sponsor.id)).returning();
  if (sponsor.logoKey !== key) await deleteFileIfUnused(c, site, sponsor.logoKey);
  await audit(site.db, { actorId: actor.userId, action: "sponsor.logo", subject: sponsor.id, details: { uploaded: key, type: image.type, bytes: image.bytes.byteLength } });
  return c.json({ sponsor: sponsorView(saved!) });
})

// DELETE /api/sponsors/:id/logo — the sponsor without a logo
.delete("/:id/logo", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requirePermission(c.get("actor"), "settings.manage");
  const sponsor = await findSponsor(site, c.req.param("id"));
  const [saved] = await site.db.update(partners).set({ logoKey: null }).where(eq(partners.id, sponsor.id)).returning();
  await deleteFileIfUnused(c, site, sponsor.logoKey);
  await audit(site.db, { actorId: actor.userId, action: "sponsor.logo", subject: sponsor.id, details: { removed: sponsor.logoKey } });
  return c.json({ sponsor: sponsorView(saved!) });
});
