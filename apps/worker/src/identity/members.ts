// People joining a neighbourhood: the approval queue (when the corporation wants to check who
// joins) and the help desk, where staff or an ambassador register a resident on their behalf.
import { Hono } from "hono";
import { and, asc, eq, inArray, or } from "drizzle-orm";
import { z } from "zod";
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
import { parseInput, readJson, readOptionalJson } from "../lib/errors.ts";
import { assertEmailFree, createMemberAccount, memberRoleFor, requiresMemberApproval } from "./member-accounts.ts";
import { sendReviewDecisionMail } from "./review-decision-mail.ts";
import { requireActor, requirePermission, tenantSite } from "../middleware/session.ts";
import { notifyNewMember } from "../notifications/notify.ts";

const { users, memberships, neighbourhoods, invites, loginTokens } = tenantSchema;
/** Which request to decide on, when one person waits for more than one neighbourhood: JSON { neighbourhood }, optional. */
const ZDecisionTarget = z.object({ neighbourhood: z.string().trim().min(1).max(80).optional() });
const NOT_YOURS = { message: "apiErrors.members.notYours" } as const;

/** The neighbourhoods whose newcomers this person may review: every one for staff, their own for ambassadors. */
function reviewableNeighbourhoodIds(actor: Actor): string[] | "all" {
  if (isStaff(actor.role)) return "all";
  return actor.neighbourhoodIds.filter((neighbourhoodId) => can(actor, "member.review", { neighbourhoodId }));
}

/**
 * What a reviewer decides about: a new person whose whole account waits ("new_account"), or an existing
 * member who asked to join another neighbourhood ("extra_neighbourhood", memberships.status = pending).
 */
type ReviewKind = "new_account" | "extra_neighbourhood";

function reviewKindOf(userStatus: string, membershipStatus: string): ReviewKind | null {
  if (userStatus === "pending") return "new_account";
  if (userStatus === "active" && membershipStatus === "pending") return "extra_neighbourhood";
  return null;
}

/** A pending request and its neighbourhood, if this actor may decide about it. */
async function findReviewable(db: TenantDb, actor: Actor, userId: string, neighbourhoodSlug: string | undefined) {
  requireActor(actor);
  const rows = await db
    .select({
      user: users,
      neighbourhoodId: memberships.neighbourhoodId,
      neighbourhoodSlug: neighbourhoods.slug,
      neighbourhoodArchivedAt: neighbourhoods.archivedAt,
      membershipStatus: memberships.status,
    })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .innerJoin(neighbourhoods, eq(neighbourhoods.id, memberships.neighbourhoodId))
    .where(eq(users.id, userId));
  // Someone the actor may not review is "not found" for them: no peeking at other neighbourhoods.
  const inScope = rows.filter(
    (row) => (neighbourhoodSlug === undefined || row.neighbourhoodSlug === neighbourhoodSlug) && can(actor, "member.review", { neighbourhoodId: row.neighbourhoodId }),
  );
  if (inScope.length === 0) {
    const scope = reviewableNeighbourhoodIds(actor);
    if (scope === "all" || scope.length > 0) {
      throw new AppError("not_found", { message: "apiErrors.members.requestNotFound" });
    }
    throw new AppError("forbidden", NOT_YOURS);
  }
  for (const row of inScope) {
    const kind = reviewKindOf(row.user.status, row.membershipStatus);
    if (kind) return { user: row.user, neighbourhoodId: row.neighbourhoodId, kind, neighbourhoodArchived: row.neighbourhoodArchivedAt !== null };
  }
  // Nothing waits here. A request elsewhere stays invisible to this reviewer.
  const waitsElsewhere = rows.some((row) => reviewKindOf(row.user.status, row.membershipStatus) !== null);
  if (waitsElsewhere) throw new AppError("not_found", { message: "apiErrors.members.requestNotFound" });
  throw new AppError("conflict", { message: "apiErrors.members.alreadyDecided" });
}

export const memberRoutes = new Hono<AppEnv>()

// GET /api/members/pending — requests waiting for approval, in the neighbourhoods this person may review
.get("/pending", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requireActor(c.get("actor"));
  const scope = reviewableNeighbourhoodIds(actor);
  if (scope !== "all" && scope.length === 0) throw new AppError("forbidden", NOT_YOURS);
  const conditions = [or(eq(users.status, "pending"), and(eq(users.status, "active"), eq(memberships.status, "pending")))];
  if (scope !== "all") conditions.push(inArray(memberships.neighbourhoodId, scope));
  const rows = await site.db
    .select({
      id: users.id,
      displayName: users.displayName,
      email: users.email,
      loginName: users.loginName,
      street: users.street,
      role: users.role,
      userStatus: users.status,
      membershipStatus: memberships.status,
      createdAt: users.createdAt,
      requestedAt: memberships.joinedAt,
      neighbourhood: { slug: neighbourhoods.slug, name: neighbourhoods.name },
      inviteLabel: invites.label,
      inviteKind: invites.kind,
    })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .innerJoin(neighbourhoods, eq(neighbourhoods.id, memberships.neighbourhoodId))
    .leftJoin(invites, eq(invites.id, users.joinedViaInviteId))
    .where(and(...conditions))
    .orderBy(asc(memberships.joinedAt))
    .limit(200);
  const staff = isStaff(actor.role);
  return c.json({
    members: rows.map(({ email, loginName, inviteLabel, inviteKind, userStatus, membershipStatus, ...row }) => {
      const kind = reviewKindOf(userStatus, membershipStatus)!;
      return {
        ...row,
        kind,
        // Need to know: staff see the e-mail address, ambassadors (neighbours) do not.
        email: staff ? email : null,
        hasEmail: email !== null,
        loginName: staff ? loginName : null,
        // The invite a new person came in with (an extra neighbourhood's invite is in the audit log).
        invite: kind === "new_account" && inviteKind ? { kind: inviteKind, label: staff ? inviteLabel : null } : null,
      };
    }),
    requireMemberApproval: requiresMemberApproval(c),
    canChangeSetting: can(actor, "settings.manage"),
  });
})

// POST /api/members/:id/approve — a reviewer lets a pending person (or their request for another
// neighbourhood) in; they get an e-mail, if they gave an address
.post("/:id/approve", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requireActor(c.get("actor"));
  const target = parseInput(ZDecisionTarget, await readOptionalJson(c));
  const { user, neighbourhoodId, kind, neighbourhoodArchived } = await findReviewable(site.db, actor, c.req.param("id"), target.neighbourhood);
  // An archived neighbourhood takes no new members (a rejection stays possible).
  if (neighbourhoodArchived) throw new AppError("neighbourhood_archived");
  const result =
    kind === "new_account"
      ? await site.db
          .update(users)
          .set({ status: "active", reviewNote: null, updatedAt: Date.now() })
          .where(and(eq(users.id, user.id), eq(users.status, "pending")))
      : await site.db
          .update(memberships)
          .set({ status: "active" })
          .where(and(eq(memberships.userId, user.id), eq(memberships.neighbourhoodId, neighbourhoodId), eq(memberships.status, "pending")));
  if (result.rowsAffected !== 1) throw new AppError("conflict", { message: "apiErrors.members.alreadyDecided" });
  await audit(site.db, { actorId: actor.userId, action: kind === "new_account" ? "member.approved" : "member.neighbourhood_approved", subject: user.id, details: { neighbourhoodId } });
  const [joined] = await site.db.select({ id: neighbourhoods.id, slug: neighbourhoods.slug, name: neighbourhoods.name }).from(neighbourhoods).where(eq(neighbourhoods.id, neighbourhoodId)).limit(1);
  if (joined) await notifyNewMember(site.db, { id: user.id, displayName: user.displayName }, joined, actor.userId);
  const mailed = await sendReviewDecisionMail(c, site, user, neighbourhoodId, "approved", null);
  return c.json({ member: { id: user.id, displayName: user.displayName, status: "active" as const }, kind, mailed });
})

// POST /api/members/:id/reject — a reviewer turns a request down, with a message saying why (e-mailed,
// if they gave an address). A new person's account stays as "rejected" (they see the message when they
// log in); an existing member's request for another neighbourhood is simply withdrawn.
.post("/:id/reject", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requireActor(c.get("actor"));
  const body = await readJson(c);
  const input = parseInput(ZRejectMemberInput, body);
  const target = parseInput(ZDecisionTarget, body ?? {});
  const { user, neighbourhoodId, kind } = await findReviewable(site.db, actor, c.req.param("id"), target.neighbourhood);
  const result =
    kind === "new_account"
      ? await site.db
          .update(users)
          .set({ status: "rejected", reviewNote: input.message, updatedAt: Date.now() })
          .where(and(eq(users.id, user.id), eq(users.status, "pending")))
      : await site.db
          .delete(memberships)
          .where(and(eq(memberships.userId, user.id), eq(memberships.neighbourhoodId, neighbourhoodId), eq(memberships.status, "pending")));
  if (result.rowsAffected !== 1) throw new AppError("conflict", { message: "apiErrors.members.alreadyDecided" });
  await audit(site.db, {
    actorId: actor.userId,
    action: kind === "new_account" ? "member.rejected" : "member.neighbourhood_rejected",
    subject: user.id,
    details: { neighbourhoodId },
  });
  const mailed = await sendReviewDecisionMail(c, site, user, neighbourhoodId, "rejected", input.message);
  const status = kind === "new_account" ? ("rejected" as const) : ("active" as const);
  return c.json({ member: { id: user.id, displayName: user.displayName, status, reviewNote: kind === "new_account" ? input.message : null }, kind, mailed });
})

// POST /api/members/register — help desk: staff or an ambassador registers a resident who gave consent
.post("/register", async (c) => {
  const site = tenantSite(c.get("site"));
  requireActor(c.get("actor"));
  const input = parseInput(ZRegisterMemberInput, await readJson(c));
  const [neighbourhood] = await site.db.select().from(neighbourhoods).where(eq(neighbourhoods.slug, input.neighbourhood)).limit(1);
  if (!neighbourhood) {
    throw new AppError("invalid_input", { message: "apiErrors.neighbourhoods.notFound", fields: { neighbourhood: "apiErrors.neighbourhoods.notFoundPickOne" } });
  }
  const actor = requirePermission(c.get("actor"), "member.register", { neighbourhoodId: neighbourhood.id }, "apiErrors.members.cannotRegisterHere");
  if (neighbourhood.archivedAt !== null) throw new AppError("neighbourhood_archived");
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
  await notifyNewMember(site.db, { id: account.id, displayName: input.displayName }, neighbourhood, actor.userId);
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
