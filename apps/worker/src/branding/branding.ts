// The corporation's branding (admins): name, tagline, colours (refused unless text on them is readable:
// core's contrast rule), sponsor statement, own house rules, default language; and its logo.
import { Hono } from "hono";
import { eq } from "drizzle-orm";
import { AppError, brandingContrastError, ZBrandingInput } from "@buurtplein/core";
import { tenantSchema } from "@buurtplein/db";
import type { AppEnv } from "../env.ts";
import { audit } from "../lib/audit.ts";
import { parseInput, readJson } from "../lib/errors.ts";
import { requirePermission, tenantSite } from "../middleware/session.ts";
import { deleteFileIfUnused, readImageUpload, storeImage } from "../files/uploads.ts";
import { brandingView } from "./branding-view.ts";

const { tenantSettings } = tenantSchema;

export const brandingRoutes = new Hono<AppEnv>()

// GET /api/settings/branding — what the branding page shows (admins)
.get("/", async (c) => {
  const site = tenantSite(c.get("site"));
  requirePermission(c.get("actor"), "settings.manage");
  return c.json({ branding: brandingView(c.get("settings"), site.tenant.name) });
})

// PATCH /api/settings/branding — an admin changes any of the fields; a colour that text on it cannot be
// read with is refused (422 contrast_too_low, details.fields names it) and nothing is saved.
.patch("/", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requirePermission(c.get("actor"), "settings.manage");
  const input = parseInput(ZBrandingInput, await readJson(c));
  const refusal = brandingContrastError(input);
  if (refusal) throw refusal;
  const { defaultLanguage, ...fields } = input;
  const changes = Object.fromEntries(Object.entries({ ...fields, defaultLocale: defaultLanguage }).filter(([, value]) => value !== undefined));
  const [saved] = await site.db
    .update(tenantSettings)
    .set({ ...changes, updatedAt: Date.now() })
    .where(eq(tenantSettings.id, 1))
    .returning();
  if (!saved) throw new AppError("not_found");
  // The first-run checklist ticks "brand your site" on this action: keep its name.
  await audit(site.db, { actorId: actor.userId, action: "settings.branding", details: { fields: Object.keys(input).filter((key) => input[key as keyof typeof input] !== undefined) } });
  return c.json({ branding: brandingView(saved, site.tenant.name) });
});

export const logoRoutes = new Hono<AppEnv>()

// PUT /api/settings/logo — the image as the raw body: PNG, JPEG or WebP (by its bytes) up to 1 MB
.put("/", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requirePermission(c.get("actor"), "settings.manage");
  const image = await readImageUpload(c);
  const key = await storeImage(c, site, "logos", image);
  const previous = c.get("settings")?.logoKey ?? null;
  const [saved] = await site.db.update(tenantSettings).set({ logoKey: key, updatedAt: Date.now() }).where(eq(tenantSettings.id, 1)).returning();
  if (previous !== key) await deleteFileIfUnused(c, site, previous);
  await audit(site.db, { actorId: actor.userId, action: "settings.logo", details: { uploaded: key, type: image.type, bytes: image.bytes.byteLength } });
  return c.json({ branding: brandingView(saved, site.tenant.name) });
})

// DELETE /api/settings/logo — no logo any more
.delete("/", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requirePermission(c.get("actor"), "settings.manage");
  const previous = c.get("settings")?.logoKey ?? null;
  const [saved] = await site.db.update(tenantSettings).set({ logoKey: null, logoUrl: null, updatedAt: Date.now() }).where(eq(tenantSettings.id, 1)).returning();
  await deleteFileIfUnused(c, site, previous);
  await audit(site.db, { actorId: actor.userId, action: "settings.logo", details: { removed: previous } });
  return c.json({ branding: brandingView(saved, site.tenant.name) });
});
