// Ambassadors (moderators and admins): make a resident an ambassador of their neighbourhood(s), and
// back (users.role resident ↔ ambassador). Prospective residents, people not yet admitted, people
// without a neighbourhood and staff cannot be made ambassadors (409 ambassador_not_eligible). Audited.
import { Hono } from "hono";
import { and, eq } from "drizzle-orm";
import { AMBASSADOR_REFUSAL_MESSAGES, AppError, ambassadorRefusal } from "@buurtplein/core";
import { tenantSchema, type TenantDb } from "@buurtplein/db";
import type { AppEnv } from "../env.ts";
import { requirePermission, tenantSite } from "../middleware/session.ts";
import { audit } from "../lib/audit.ts";

const { users, memberships, neighbourhoods } = tenantSchema;

const STAFF_ONLY = "apiErrors.ambassadors.staffOnly" as const;
const UUID = "[0-9a-fA-F-]{36}";

async function findPerson(db: TenantDb, id: string) {
  const [person] = await db
    .select({ id: users.id, displayName: users.displayName, role: users.role, status: users.status })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  if (!person) throw new AppError("not_found", { message: "apiErrors.members.memberNotFound" });
  const served = await db
    .select({ slug: neighbourhoods.slug, name: neighbourhoods.name })
    .from(memberships)
    .innerJoin(neighbourhoods, eq(neighbourhoods.id, memberships.neighbourhoodId))
    .where(and(eq(memberships.userId, id), eq(memberships.status, "active")))
    .orderBy(neighbourhoods.name);
  return { ...person, neighbourhoods: served };
}

/** Makes `id` an ambassador (`to` = "ambassador") or a resident again, if they may be. */
async function setAmbassador(db: TenantDb, id: string, to: "ambassador" | "resident") {
  const person = await findPerson(db, id);
  const refusal = ambassadorRefusal({ role: person.role, status: person.status, activeNeighbourhoods: person.neighbourhoods.length });
  // Back to resident is always possible for an ambassador; becoming one needs all of the above.
  const blocking = to === "ambassador" ? refusal : refusal === "prospective" || refusal === "staff" ? refusal : null;
  if (blocking) throw new AppError("ambassador_not_eligible", { message: AMBASSADOR_REFUSAL_MESSAGES[blocking], details: { reason: blocking } });
  const from = to === "ambassador" ? "resident" : "ambassador";
  // Only from the other of the two roles: a change of role meanwhile (e.g. to staff) is not overwritten.
  const changed = await db
    .update(users)
    .set({ role: to, updatedAt: Date.now() })
    .where(and(eq(users.id, id), eq(users.role, from)))
    .returning({ id: users.id });
  const after = changed.length > 0 ? { ...person, role: to } : await findPerson(db, id);
  if (after.role !== to) throw new AppError("ambassador_not_eligible", { message: AMBASSADOR_REFUSAL_MESSAGES.staff, details: { reason: "staff" } });
  return { person: after, changed: changed.length > 0 };
}

export const ambassadorRoutes = new Hono<AppEnv>()

// PUT /api/ambassadors/:id — make this resident an ambassador of their neighbourhood(s)
.put(`/:id{${UUID}}`, async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requirePermission(c.get("actor"), "ambassador.manage", {}, STAFF_ONLY);
  const { person, changed } = await setAmbassador(site.db, c.req.param("id"), "ambassador");
  if (changed) await audit(site.db, { actorId: actor.userId, action: "ambassador.appointed", subject: person.id, details: { neighbourhoods: person.neighbourhoods.map((item) => item.slug) } });
  return c.json({ member: { id: person.id, displayName: person.displayName, role: person.role, neighbourhoods: person.neighbourhoods } });
})

// DELETE /api/ambassadors/:id — this ambassador becomes a resident again (and stays in the neighbourhood)
.delete(`/:id{${UUID}}`, async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requirePermission(c.get("actor"), "ambassador.manage", {}, STAFF_ONLY);
  const { person, changed } = await setAmbassador(site.db, c.req.param("id"), "resident");
  if (changed) await audit(site.db, { actorId: actor.userId, action: "ambassador.ended", subject: person.id, details: { neighbourhoods: person.neighbourhoods.map((item) => item.slug) } });
  return c.json({ member: { id: person.id, displayName: person.displayName, role: person.role, neighbourhoods: person.neighbourhoods } });
});
