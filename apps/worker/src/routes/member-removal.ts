// An admin removes a member and their data (AVG/GDPR), e.g. on request by letter or phone.
import { Hono } from "hono";
import { asc, eq, inArray } from "drizzle-orm";
import { AppError, ZDeleteAccountInput } from "@buurtplein/core";
import { tenantSchema } from "@buurtplein/db";
import type { AppEnv } from "../env.ts";
import { parseInput, readJson } from "../lib/errors.ts";
import { requirePermission, tenantSite } from "../middleware/session.ts";
import { audit } from "../lib/audit.ts";
import { eraseAccount } from "../lib/accounts.ts";

export const memberRemovalRoutes = new Hono<AppEnv>();

const { users, memberships, neighbourhoods } = tenantSchema;

const NOT_FOUND = "Dit lid bestaat niet (meer).";
/** Account ids are UUIDs; the pattern keeps /members/pending and friends free for other routes. */
const UUID = "[0-9a-fA-F-]{36}";

// GET /api/members — an admin's list of everyone with an account here (no e-mail addresses)
memberRemovalRoutes.get("/", async (c) => {
  const site = tenantSite(c.get("site"));
  requirePermission(c.get("actor"), "member.remove");
  const people = await site.db
    .select({ id: users.id, displayName: users.displayName, role: users.role, status: users.status, street: users.street, createdAt: users.createdAt })
    .from(users)
    .orderBy(asc(users.displayName));
  const rows = people.length
    ? await site.db
        .select({ userId: memberships.userId, name: neighbourhoods.name })
        .from(memberships)
        .innerJoin(neighbourhoods, eq(neighbourhoods.id, memberships.neighbourhoodId))
        .where(inArray(memberships.userId, people.map((person) => person.id)))
    : [];
  return c.json({
    members: people.map((person) => ({ ...person, neighbourhoods: rows.filter((row) => row.userId === person.id).map((row) => row.name) })),
  });
});

// GET /api/members/:id — one member, for the removal confirmation page
memberRemovalRoutes.get(`/:id{${UUID}}`, async (c) => {
  const site = tenantSite(c.get("site"));
  requirePermission(c.get("actor"), "member.remove");
  const [person] = await site.db
    .select({ id: users.id, displayName: users.displayName, role: users.role, status: users.status, street: users.street, createdAt: users.createdAt })
    .from(users)
    .where(eq(users.id, c.req.param("id")))
    .limit(1);
  if (!person) throw new AppError("not_found", NOT_FOUND);
  const rows = await site.db
    .select({ name: neighbourhoods.name })
    .from(memberships)
    .innerJoin(neighbourhoods, eq(neighbourhoods.id, memberships.neighbourhoodId))
    .where(eq(memberships.userId, person.id));
  return c.json({ member: { ...person, neighbourhoods: rows.map((row) => row.name) } });
});

// POST /api/members/:id/remove — an admin removes a member: posts removed or anonymised; audited
memberRemovalRoutes.post(`/:id{${UUID}}/remove`, async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requirePermission(c.get("actor"), "member.remove", {}, "Alleen een beheerder kan leden verwijderen.");
  const input = parseInput(ZDeleteAccountInput, await readJson(c));
  const id = c.req.param("id");
  if (id === actor.userId) throw new AppError("conflict", "Je eigen account verwijder je via Mijn account.");
  const [person] = await site.db.select({ id: users.id }).from(users).where(eq(users.id, id)).limit(1);
  if (!person) throw new AppError("not_found", NOT_FOUND);
  const result = await eraseAccount(site.db, person.id, input.mode);
  await audit(site.db, { actorId: actor.userId, action: "member.removed", subject: person.id, details: { mode: input.mode, posts: result.posts } });
  return c.json({ ok: true, mode: input.mode, posts: result.posts });
});
