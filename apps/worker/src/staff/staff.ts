// Staff of the corporation (admins only): invite by e-mail with a role (admin, moderator, partner,
// care partner; partners and care partners with their organisation), see who has which role, change
// a role, send the invitation again, remove. The last admin can be neither demoted nor removed.
// Every change is written to the audit log.
import { Hono } from "hono";
import { and, asc, eq } from "drizzle-orm";
import { AppError, ZChangeStaffRoleInput, ZInviteStaffInput, type StaffRole } from "@buurtplein/core";
import { tenantSchema, type TenantDb } from "@buurtplein/db";
import type { AppEnv } from "../env.ts";
import { parseInput, readJson } from "../lib/errors.ts";
import { requirePermission, tenantSite } from "../middleware/session.ts";
import { audit } from "../lib/audit.ts";
import { eraseAccount } from "../identity/accounts.ts";
import { isStaffAccount, keepsAnAdmin, lastAdminError, organisationForRole, otherAdminExists, sendStaffInvitation, staffNotFound } from "./staff-accounts.ts";

const { users, partners, memberships, neighbourhoods } = tenantSchema;

const ADMIN_ONLY = "apiErrors.staff.adminOnly" as const;
/** Account ids are UUIDs. */
const UUID = "[0-9a-fA-F-]{36}";

const staffColumns = {
  id: users.id,
  displayName: users.displayName,
  email: users.email,
  role: users.role,
  status: users.status,
  locale: users.locale,
  createdAt: users.createdAt,
  organisationId: partners.id,
  organisationName: partners.name,
  organisationKind: partners.kind,
};

type StaffRow = { id: string; displayName: string; email: string | null; role: string; status: string; locale: string | null; createdAt: number; organisationId: string | null; organisationName: string | null; organisationKind: string | null };

function present({ organisationId, organisationName, organisationKind, locale: _locale, ...person }: StaffRow) {
  return {
    ...person,
    role: person.role as StaffRole,
    organisation: organisationId && organisationName && organisationKind ? { id: organisationId, name: organisationName, kind: organisationKind } : null,
  };
}

async function findStaff(db: TenantDb, id: string): Promise<StaffRow | null> {
  const [person] = await db.select(staffColumns).from(users).leftJoin(partners, eq(partners.id, users.partnerId)).where(and(eq(users.id, id), isStaffAccount)).limit(1);
  return person ?? null;
}

/** Ambassadors with the neighbourhoods they serve (active memberships). */
async function ambassadors(db: TenantDb) {
  const rows = await db
    .select({ id: users.id, displayName: users.displayName, neighbourhood: neighbourhoods.name })
    .from(users)
    .leftJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.status, "active")))
    .leftJoin(neighbourhoods, eq(neighbourhoods.id, memberships.neighbourhoodId))
    .where(eq(users.role, "ambassador"))
    .orderBy(asc(users.displayName), asc(users.id), asc(neighbourhoods.name));
  const byId = new Map<string, { id: string; displayName: string; neighbourhoods: string[] }>();
  for (const row of rows) {
    const person = byId.get(row.id) ?? { id: row.id, displayName: row.displayName, neighbourhoods: [] };
    if (row.neighbourhood) person.neighbourhoods.push(row.neighbourhood);
    byId.set(row.id, person);
  }
  return [...byId.values()];
}

export const staffRoutes = new Hono<AppEnv>()

// GET /api/staff — admins: everyone with a staff role (with their organisation) and the ambassadors
.get("/", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requirePermission(c.get("actor"), "staff.manage", {}, ADMIN_ONLY);
  const [people, ambassadorList] = await Promise.all([
    site.db.select(staffColumns).from(users).leftJoin(partners, eq(partners.id, users.partnerId)).where(isStaffAccount).orderBy(asc(users.displayName), asc(users.id)),
    ambassadors(site.db),
  ]);
  return c.json({ staff: people.map(present), ambassadors: ambassadorList, me: actor.userId });
})

// GET /api/staff/:id — one staff member, for the change and removal pages
.get(`/:id{${UUID}}`, async (c) => {
  const site = tenantSite(c.get("site"));
  requirePermission(c.get("actor"), "staff.manage", {}, ADMIN_ONLY);
  const person = await findStaff(site.db, c.req.param("id"));
  if (!person) throw staffNotFound();
  return c.json({ staff: present(person) });
})

// POST /api/staff — invite a new staff member: an account with this role, and an e-mail with a login link (a week)
.post("/", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requirePermission(c.get("actor"), "staff.manage", {}, ADMIN_ONLY);
  const input = parseInput(ZInviteStaffInput, await readJson(c));
  const organisation = await organisationForRole(site.db, input.role, input.organisationId);
  const [existing] = await site.db.select({ id: users.id }).from(users).where(eq(users.email, input.email)).limit(1);
  if (existing) throw new AppError("email_taken", { message: "apiErrors.staff.emailTaken", fields: { email: "apiErrors.staff.emailTaken" } });
  const id = crypto.randomUUID();
  try {
    // No password: staff log in with login links by e-mail (and may set none later).
    await site.db.insert(users).values({ id, email: input.email, displayName: input.displayName, role: input.role, partnerId: organisation?.id ?? null, status: "active", locale: input.locale ?? null });
  } catch (error) {
    // The same address added at the same moment by another admin.
    if (/UNIQUE/i.test(String((error as { cause?: unknown }).cause ?? error))) {
      throw new AppError("email_taken", { message: "apiErrors.staff.emailTaken", fields: { email: "apiErrors.staff.emailTaken" } });
    }
    throw error;
  }
  await audit(site.db, { actorId: actor.userId, action: "staff.invited", subject: id, details: { role: input.role, organisationId: organisation?.id ?? null } });
  let invitationSent = true;
  try {
    await sendStaffInvitation(c, site, { id, email: input.email, displayName: input.displayName, role: input.role, locale: input.locale ?? null }, organisation?.name ?? null, actor.displayName);
  } catch (error) {
    // The account exists; the admin sends the invitation again later (POST /api/staff/:id/invitation).
    invitationSent = false;
    c.get("logger").log("error", "staff invitation e-mail not sent", { error: error instanceof Error ? error.message : String(error) });
  }
  const person = await findStaff(site.db, id);
  return c.json({ staff: present(person!), invitationSent }, 201);
})

// PATCH /api/staff/:id — another role (and organisation, for partners and care partners); never the last admin away
.patch(`/:id{${UUID}}`, async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requirePermission(c.get("actor"), "staff.manage", {}, ADMIN_ONLY);
  const id = c.req.param("id");
  const input = parseInput(ZChangeStaffRoleInput, await readJson(c));
  const before = await findStaff(site.db, id);
  if (!before) throw staffNotFound();
  const organisation = await organisationForRole(site.db, input.role, input.organisationId);
  const [changed] = await site.db
    .update(users)
    .set({ role: input.role, partnerId: organisation?.id ?? null, updatedAt: Date.now() })
    .where(and(eq(users.id, id), isStaffAccount, input.role === "admin" ? undefined : keepsAnAdmin(id)))
    .returning({ id: users.id });
  if (!changed) {
    if (!(await findStaff(site.db, id))) throw staffNotFound();
    throw lastAdminError();
  }
  await audit(site.db, {
    actorId: actor.userId,
    action: "staff.role_changed",
    subject: id,
    details: { from: before.role, to: input.role, organisationFrom: before.organisationId, organisationTo: organisation?.id ?? null },
  });
  return c.json({ staff: present((await findStaff(site.db, id))!) });
})

// POST /api/staff/:id/invitation — a new login link by e-mail (the first expired or got lost)
.post(`/:id{${UUID}}/invitation`, async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requirePermission(c.get("actor"), "staff.manage", {}, ADMIN_ONLY);
  const person = await findStaff(site.db, c.req.param("id"));
  if (!person || person.status !== "active") throw staffNotFound();
  if (!person.email) throw staffNotFound();
  try {
    await sendStaffInvitation(c, site, { ...person, email: person.email, role: person.role as StaffRole }, person.organisationName, actor.displayName);
  } catch (error) {
    if (error instanceof AppError) throw error;
    c.get("logger").log("error", "staff invitation e-mail not sent", { error: error instanceof Error ? error.message : String(error) });
    throw new AppError("service_unavailable", { message: "apiErrors.staff.mailFailed" });
  }
  await audit(site.db, { actorId: actor.userId, action: "staff.invitation_sent", subject: person.id });
  return c.json({ ok: true });
})

// POST /api/staff/:id/remove — remove a staff member's account (their posts stay, without a name); never the last admin
.post(`/:id{${UUID}}/remove`, async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requirePermission(c.get("actor"), "staff.manage", {}, ADMIN_ONLY);
  const id = c.req.param("id");
  const person = await findStaff(site.db, id);
  if (!person) throw staffNotFound();
  if (id === actor.userId) {
    if (!(await otherAdminExists(site.db, id))) throw lastAdminError();
    throw new AppError("conflict", { message: "apiErrors.staff.removeSelf" });
  }
  // First locked out (status removed, in one statement with the guard), then erased.
  const [locked] = await site.db
    .update(users)
    .set({ status: "removed", updatedAt: Date.now() })
    .where(and(eq(users.id, id), isStaffAccount, keepsAnAdmin(id)))
    .returning({ id: users.id });
  if (!locked) throw lastAdminError();
  await eraseAccount(site.db, id, "anonymise_posts");
  await audit(site.db, { actorId: actor.userId, action: "staff.removed", subject: id, details: { role: person.role, organisationId: person.organisationId } });
  return c.json({ ok: true });
});

