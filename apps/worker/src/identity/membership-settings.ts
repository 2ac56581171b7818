// The corporation's choice whether new members wait for approval before they can take part.
import { Hono } from "hono";
import { eq } from "drizzle-orm";
import { ZMembershipSettingsInput } from "@buurtplein/core";
import { tenantSchema } from "@buurtplein/db";
import type { AppEnv } from "../env.ts";
import { audit } from "../lib/audit.ts";
import { parseInput, readJson } from "../lib/errors.ts";
import { requiresMemberApproval } from "./member-accounts.ts";
import { requirePermission, tenantSite } from "../middleware/session.ts";

const ADMIN_ONLY = "apiErrors.members.adminOnlySetting";

export const membershipSettingsRoutes = new Hono<AppEnv>()

// GET /api/settings/membership — whether new members need approval (admins)
.get("/", async (c) => {
  tenantSite(c.get("site"));
  requirePermission(c.get("actor"), "settings.manage", {}, ADMIN_ONLY);
  return c.json({ requireMemberApproval: requiresMemberApproval(c) });
})

// PATCH /api/settings/membership — an admin switches approval of new members on or off
.patch("/", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requirePermission(c.get("actor"), "settings.manage", {}, ADMIN_ONLY);
  const input = parseInput(ZMembershipSettingsInput, await readJson(c));
  await site.db
    .update(tenantSchema.tenantSettings)
    .set({ requireMemberApproval: input.requireMemberApproval, updatedAt: Date.now() })
    .where(eq(tenantSchema.tenantSettings.id, 1));
  await audit(site.db, { actorId: actor.userId, action: "settings.membership", details: { requireMemberApproval: input.requireMemberApproval } });
  return c.json({ requireMemberApproval: input.requireMemberApproval });
});
