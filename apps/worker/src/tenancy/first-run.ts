// The first-run checklist for a corporation's admin (create a neighbourhood → brand your site → invite
// residents), each step ticked from real state in one statement. Only the admin's landing page asks.
import { Hono } from "hono";
import { firstRunChecklist } from "@buurtplein/core";
import type { AppEnv } from "../env.ts";
import { requirePermission, tenantSite } from "../middleware/session.ts";

export const firstRunRoutes = new Hono<AppEnv>()

// GET /api/setup/checklist — an admin's first-run checklist: which steps are done, and whether all are
.get("/checklist", async (c) => {
  const site = tenantSite(c.get("site"));
  requirePermission(c.get("actor"), "neighbourhood.manage", {}, "apiErrors.neighbourhoodAdmin.adminOnly");
  // Branding counts once it was saved (the branding route writes audit_log action settings.branding).
  const result = await site.client.execute(`
    SELECT EXISTS (SELECT 1 FROM neighbourhoods) AS has_neighbourhood,
           EXISTS (SELECT 1 FROM audit_log WHERE action = 'settings.branding') AS has_branding,
           EXISTS (SELECT 1 FROM invites) AS has_invite`);
  const state = result.rows[0];
  return c.json({
    checklist: firstRunChecklist({ hasNeighbourhood: Boolean(state?.has_neighbourhood), hasBranding: Boolean(state?.has_branding), hasInvite: Boolean(state?.has_invite) }),
  });
});
