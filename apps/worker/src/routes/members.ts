// People joining a neighbourhood: the approval queue (when the corporation wants to check who
// joins) and the help desk, where staff or an ambassador register a resident on their behalf.
import { Hono } from "hono";
import { and, asc, eq, inArray } from "drizzle-orm";
import {
  AppError,
  HELP_DESK_RECOVERY_TTL_MS,
  ZRegisterMemberInput,
  ZRejectMemberInput,
  can,
  generatePaperRecoveryCode,
  hashLoginToken,
  isStaff,
  normaliseRecoveryCode,
} from "@buurtplein/core";
import { tenantSchema, type TenantDb } from "@buurtplein/db";
import type { Actor, AppEnv } from "../env.ts";
import { audit } from "../lib/audit.ts";
import { parseInput, readJson } from "../lib/errors.ts";
import { assertEmailFree, createMemberAccount, memberRoleFor, readRequireMemberApproval } from "../lib/member-accounts.ts";
import { sendReviewDecisionMail } from "../lib/review-decision-mail.ts";
import { requireActor, requirePermission, tenantSite } from "../middleware/session.ts";

export const memberRoutes = new Hono<AppEnv>();

const { users, memberships, neighbourhoods, invites, loginTokens } = tenantSchema;
const NOT_YOURS = "Je kunt alleen aanmeldingen beoordelen voor een buurt waar je dat mag doen.";

/** The neighbourhoods whose newcomers this person may review: every one for staff, their own for ambassadors. */
function reviewableNeighbourhoodIds(actor: Actor): string[] | "all" {
  if (isStaff(actor.role)) return "all";
  return actor.neighbourhoodIds.filter((neighbourhoodId) => can(actor, "member.review", { neighbourhoodId }));
}

/** A pending person and the neighbourhood they want to join, if this actor may decide about them. */
async function findReviewable(db: TenantDb, actor: Actor, userId: string) {
  requireActor(actor);
  const rows = await db
    .select({ user: users, neighbourhoodId: memberships.neighbourhoodId })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(eq(users.id, userId));
  const first = rows[0];
  // Someone the actor may not review is "not found" for them: no peeking at other neighbourhoods.
  const allowed = rows.find((row) => can(actor, "member.review", { neighbourhoodId: row.neighbourhoodId }));
  if (!first || !allowed) {
    if (reviewableNeighbourhoodIds(actor) === "all" || (reviewableNeighbourhoodIds(actor) as string[]).length > 0) {
      throw new AppError("not_found", "Deze aanmelding bestaat niet (meer).");
    }
    throw new AppError("forbidden", NOT_YOURS);
  }
  if (allowed.user.status !== "pending") throw new AppError("conflict", "Over deze aanmelding is al beslist.");
  return allowed;
}

// GET /api/members/pending — people waiting for approval, in the neighbourhoods this person may review
memberRoutes.get("/pending", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requireActor(c.get("actor"));
  const scope = reviewableNeighbourhoodIds(actor);
  if (scope !== "all" && scope.length === 0) throw new AppError("forbidden", NOT_YOURS);
  const conditions = [eq(users.status, "pending")];
  if (scope !== "all") conditions.push(inArray(memberships.neighbourhoodId, scope));
  const rows = await site.db
    .select({
      id: users.id,
      displayName: users.displayName,
      email: users.email,
      loginName: users.loginName,
      street: users.street,
      role: users.role,
      createdAt: users.createdAt,
      neighbourhood: { slug: neighbourhoods.slug, name: neighbourhoods.name },
      inviteLabel: invites.label,
      inviteKind: invites.kind,
    })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .innerJoin(neighbourhoods, eq(neighbourhoods.id, memberships.neighbourhoodId))
    .leftJoin(invites, eq(invites.id, users.joinedViaInviteId))
    .where(and(...conditions))
    .orderBy(asc(users.createdAt))
    .limit(200);
  const staff = isStaff(actor.role);
  return c.json({
    members: rows.map(({ email, loginName, inviteLabel, inviteKind, ...row }) => ({
      ...row,
      // Need to know: staff see the e-mail address, ambassadors (neighbours) do not.
      email: staff ? email : null,
      hasEmail: email !== null,
      loginName: staff ? loginName : null,
      invite: inviteKind ? { kind: inviteKind, label: staff ? inviteLabel : null } : null,
    })),
    requireMemberApproval: await readRequireMemberApproval(site.db),
    canChangeSetting: can(actor, "settings.manage"),
  });
});

// POST /api/members/:id/approve — a reviewer lets a pending person in (and they get an e-mail, if they gave an address)
memberRoutes.post("/:id/approve", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requireActor(c.get("actor"));
  const { user, neighbourhoodId } = await findReviewable(site.db, actor, c.req.param("id"));
  const result = await site.db
    .update(users)
    .set({ status: "active", reviewNote: null, updatedAt: Date.now() })
    .where(and(eq(users.id, user.id), eq(users.status, "pending")));
  if (result.rowsAffected !== 1) throw new AppError("conflict", "Over deze aanmelding is al beslist.");
  await audit(site.db, { actorId: actor.userId, action: "member.approved", subject: user.id, details: { neighbourhoodId } });
  const mailed = await sendReviewDecisionMail(c, site, user, neighbourhoodId, "approved", null);
  return c.json({ member: { id: user.id, displayName: user.displayName, status: "active" as const }, mailed });
});

// POST /api/members/:id/reject — a reviewer turns a pending person down, with a message saying why (e-mailed, if they gave an address)
memberRoutes.post("/:id/reject", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requireActor(c.get("actor"));
  const input = parseInput(ZRejectMemberInput, await readJson(c));
  const { user, neighbourhoodId } = await findReviewable(site.db, actor, c.req.param("id"));
  const result = await site.db
    .update(users)
    .set({ status: "rejected", reviewNote: input.message, updatedAt: Date.now() })
    .where(and(eq(users.id, user.id), eq(users.status, "pending")));
  if (result.rowsAffected !== 1) throw new AppError("conflict", "Over deze aanmelding is al beslist.");
  await audit(site.db, { actorId: actor.userId, action: "member.rejected", subject: user.id, details: { neighbourhoodId } });
  const mailed = await sendReviewDecisionMail(c, site, user, neighbourhoodId, "rejected", input.message);
  return c.json({ member: { id: user.id, displayName: user.displayName, status: "rejected" as const, reviewNote: input.message }, mailed });
});

// POST /api/members/register — help desk: staff or an ambassador registers a resident who gave consent
memberRoutes.post("/register", async (c) => {
  const site = tenantSite(c.get("site"));
  requireActor(c.get("actor"));
  const input = parseInput(ZRegisterMemberInput, await readJson(c));
  const [neighbourhood] = await site.db.select().from(neighbourhoods).where(eq(neighbourhoods.slug, input.neighbourhood)).limit(1);
  if (!neighbourhood) {
    throw new AppError("invalid_input", "Deze buurt bestaat niet.", { fields: { neighbourhood: "Deze buurt bestaat niet. Kies een buurt uit de lijst." } });
  }
  const actor = requirePermission(c.get("actor"), "member.register", { neighbourhoodId: neighbourhood.id }, "Je kunt geen bewoners aanmelden voor deze buurt.");
  if (input.email) await assertEmailFree(site.db, input.email);
  const now = Date.now();
  const role = memberRoleFor(neighbourhood.kind);
  const account = await createMemberAccount(site.db, {
    displayName: input.displayName,
    email: input.email,
    street: input.street,
    role,
    status: "active",
    neighbourhood: { id: neighbourhood.id, slug: neighbourhood.slug },
    registeredById: actor.userId,
    consentRecordedAt: now,
  });
  let recovery: { code: string; expiresAt: number } | null = null;
  if (!input.email) {
    // Handed over on paper: with it (and the login name) the resident chooses a password.
    const code = generatePaperRecoveryCode();
    const expiresAt = now + HELP_DESK_RECOVERY_TTL_MS;
    await site.db.insert(loginTokens).values({ id: await hashLoginToken(normaliseRecoveryCode(code)), userId: account.id, purpose: "recovery", expiresAt, createdAt: now });
    recovery = { code, expiresAt };
  }
  await audit(site.db, {
    actorId: actor.userId,
    action: "member.registered",
    subject: account.id,
    details: { neighbourhoodId: neighbourhood.id, consentRecordedAt: now, withEmail: Boolean(input.email) },
  });
  return c.json(
    {
      member: { id: account.id, displayName: input.displayName, role, loginName: account.loginName, email: input.email ?? null },
      neighbourhood: { slug: neighbourhood.slug, name: neighbourhood.name },
      recoveryCode: recovery?.code ?? null,
      recoveryCodeExpiresAt: recovery?.expiresAt ?? null,
    },
    201,
  );
});
