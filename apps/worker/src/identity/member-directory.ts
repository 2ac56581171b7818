// The corporation's list of everyone with an account, for staff: find a person, give a resident
// without e-mail a new recovery code (moderators and admins), remove a member and their data
// (AVG/GDPR, admins only; e.g. on request by letter or phone).
import { Hono } from "hono";
import { and, asc, count, eq, inArray, isNull, or, sql } from "drizzle-orm";
import {
  AppError,
  can,
  generatePaperRecoveryCode,
  HELP_DESK_RECOVERY_TTL_MS,
  hashLoginToken,
  normaliseRecoveryCode,
  RECOVERY_REFUSAL_MESSAGES,
  recoveryCodeRefusal,
  ZDeleteAccountInput,
  type Role,
} from "@buurtplein/core";
import { tenantSchema, type TenantDb } from "@buurtplein/db";
import type { Actor, AppEnv } from "../env.ts";
import { parseInput, readJson } from "../lib/errors.ts";
import { requireActor, requirePermission, tenantSite } from "../middleware/session.ts";
import { audit } from "../lib/audit.ts";
import { eraseAccount } from "./accounts.ts";
import { keepsAnAdmin, lastAdminError } from "../staff/staff-accounts.ts";
import { resetRateLimit } from "../lib/rate-limit.ts";
import { RATE_LIMITS } from "./rate-limit-rules.ts";

const { users, memberships, neighbourhoods, loginTokens } = tenantSchema;

const NOT_FOUND = { message: "apiErrors.members.memberNotFound" } as const;
const STAFF_ONLY = { message: "apiErrors.members.directoryStaffOnly" } as const;
/** Account ids are UUIDs; the pattern keeps /members/pending and friends free for other routes. */
const UUID = "[0-9a-fA-F-]{36}";
export const MEMBERS_PAGE_SIZE = 50;

/** The directory is for staff: moderators look people up to help them, admins also remove. */
function requireDirectoryAccess(actor: Actor | null): Actor {
  const person = requireActor(actor);
  if (!can(person, "member.reset_access") && !can(person, "member.remove")) throw new AppError("forbidden", STAFF_ONLY);
  return person;
}

const memberColumns = {
  id: users.id,
  displayName: users.displayName,
  loginName: users.loginName,
  role: users.role,
  status: users.status,
  street: users.street,
  createdAt: users.createdAt,
  email: users.email,
};

/** Never an e-mail address in the list: only whether there is one (then a login link is the way in). */
function present<Person extends { email: string | null }>({ email, ...person }: Person) {
  return { ...person, hasEmail: email !== null };
}

/** Why this person cannot get a new recovery code, or null. */
function recoveryRefusalOf(person: { role: string; status: string; loginName: string | null }) {
  return recoveryCodeRefusal({ role: person.role as Role, status: person.status, loginName: person.loginName });
}

/** The names of the neighbourhoods of each of these people. */
async function neighbourhoodNamesOf(db: TenantDb, userIds: string[]): Promise<Map<string, string[]>> {
  const names = new Map<string, string[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return names;
  const rows = await db
    .select({ userId: memberships.userId, name: neighbourhoods.name })
    .from(memberships)
    .innerJoin(neighbourhoods, eq(neighbourhoods.id, memberships.neighbourhoodId))
    .where(inArray(memberships.userId, userIds));
  for (const row of rows) names.get(row.userId)?.push(row.name);
  return names;
}

function parsePage(value: string | undefined): number {
  const page = Number(value ?? "1");
  return Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1;
}

export const memberDirectoryRoutes = new Hono<AppEnv>()

// GET /api/members?q=&page= — staff: everyone with an account here, by name, 50 a page, searchable
.get("/", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requireDirectoryAccess(c.get("actor"));
  const query = (c.req.query("q") ?? "").trim().slice(0, 80);
  const page = parsePage(c.req.query("page"));
  // LIKE with the wildcards of the search text escaped: "%" and "_" are searched for as themselves.
  const pattern = `%${query.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
  const where = query ? or(sql`${users.displayName} LIKE ${pattern} ESCAPE '\\'`, sql`${users.loginName} LIKE ${pattern} ESCAPE '\\'`) : undefined;
  const [people, [total]] = await Promise.all([
    site.db
      .select(memberColumns)
      .from(users)
      .where(where)
      .orderBy(asc(users.displayName), asc(users.id))
      .limit(MEMBERS_PAGE_SIZE)
      .offset((page - 1) * MEMBERS_PAGE_SIZE),
    site.db.select({ total: count() }).from(users).where(where),
  ]);
  const names = await neighbourhoodNamesOf(site.db, people.map((person) => person.id));
  return c.json({
    members: people.map((person) => ({
      ...present(person),
      neighbourhoods: names.get(person.id) ?? [],
      canGetRecoveryCode: recoveryRefusalOf(person) === null,
    })),
    query,
    page,
    pageSize: MEMBERS_PAGE_SIZE,
    total: total?.total ?? 0,
    canRemove: can(actor, "member.remove"),
    canResetAccess: can(actor, "member.reset_access"),
  });
})

// GET /api/members/:id — one member, for the removal and recovery-code confirmation pages
.get(`/:id{${UUID}}`, async (c) => {
  const site = tenantSite(c.get("site"));
  requireDirectoryAccess(c.get("actor"));
  const [person] = await site.db.select(memberColumns).from(users).where(eq(users.id, c.req.param("id"))).limit(1);
  if (!person) throw new AppError("not_found", NOT_FOUND);
  const names = await neighbourhoodNamesOf(site.db, [person.id]);
  const refusal = recoveryRefusalOf(person);
  return c.json({ member: { ...present(person), neighbourhoods: names.get(person.id) ?? [], canGetRecoveryCode: refusal === null, recoveryRefusal: refusal } });
})

// POST /api/members/:id/recovery-code — staff give a resident without e-mail a new one-time code on
// paper (they forgot their password). Earlier unused codes stop working; audited.
.post(`/:id{${UUID}}/recovery-code`, async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requirePermission(c.get("actor"), "member.reset_access", {}, "apiErrors.members.recoveryStaffOnly");
  const [person] = await site.db.select(memberColumns).from(users).where(eq(users.id, c.req.param("id"))).limit(1);
  if (!person) throw new AppError("not_found", NOT_FOUND);
  const refusal = recoveryRefusalOf(person);
  if (refusal === "staff_account") throw new AppError("forbidden", { message: RECOVERY_REFUSAL_MESSAGES[refusal] });
  if (refusal) throw new AppError("conflict", { message: RECOVERY_REFUSAL_MESSAGES[refusal] });
  const code = generatePaperRecoveryCode();
  const now = Date.now();
  const expiresAt = now + HELP_DESK_RECOVERY_TTL_MS;
  await site.db.batch([
    site.db.delete(loginTokens).where(and(eq(loginTokens.userId, person.id), eq(loginTokens.purpose, "recovery"), isNull(loginTokens.usedAt))),
    site.db.insert(loginTokens).values({ id: await hashLoginToken(normaliseRecoveryCode(code)), userId: person.id, purpose: "recovery", expiresAt, createdAt: now }),
  ]);
  // A distributed attack may have filled this login name's ceiling of wrong codes; the new code works at once.
  if (person.loginName) await resetRateLimit(site.client, RATE_LIMITS.recoveryFailuresPerAccount(person.loginName).key);
  await audit(site.db, { actorId: actor.userId, action: "member.recovery_code_issued", subject: person.id });
  return c.json({ member: { id: person.id, displayName: person.displayName, loginName: person.loginName }, recoveryCode: code, recoveryCodeExpiresAt: expiresAt });
})

// POST /api/members/:id/remove — an admin removes a member: posts removed or anonymised; audited
.post(`/:id{${UUID}}/remove`, async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requirePermission(c.get("actor"), "member.remove", {}, "apiErrors.members.removeAdminOnly");
  const input = parseInput(ZDeleteAccountInput, await readJson(c));
  const id = c.req.param("id");
  if (id === actor.userId) throw new AppError("conflict", { message: "apiErrors.members.removeSelf" });
  const [person] = await site.db.select({ id: users.id }).from(users).where(eq(users.id, id)).limit(1);
  if (!person) throw new AppError("not_found", NOT_FOUND);
  // Locked out first, under the last-admin guard (two admins removing each other at once keep one).
  const [locked] = await site.db.update(users).set({ status: "removed", updatedAt: Date.now() }).where(and(eq(users.id, person.id), keepsAnAdmin(person.id))).returning({ id: users.id });
  if (!locked) throw lastAdminError();
  const result = await eraseAccount(site.db, person.id, input.mode);
  await audit(site.db, { actorId: actor.userId, action: "member.removed", subject: person.id, details: { mode: input.mode, posts: result.posts } });
  return c.json({ ok: true, mode: input.mode, posts: result.posts });
});
