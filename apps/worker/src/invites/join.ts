// Joining a neighbourhood through an invite (public: no login). Looking up an invite shows what the
// person is joining; redeeming creates the account, the membership and counts one use.
import { Hono } from "hono";
import { and, eq } from "drizzle-orm";
import {
  AppError,
  HOUSE_RULES,
  MAGIC_LINK_TTL_MS,
  ZJoinInput,
  ZJoinWithExistingAccountInput,
  formatInviteCode,
  generateLoginToken,
  hashLoginToken,
  hashPassword,
  inviteState,
  isRole,
  isStaff,
  renderJoinAttemptMail,
  renderJoinWelcomeMail,
} from "@buurtplein/core";
import { tenantSchema } from "@buurtplein/db";
import type { AppEnv } from "../env.ts";
import { parseInput, readJson } from "../lib/errors.ts";
import { claimInviteUse, findInviteByReference, inviteStateError, releaseInviteUse, requireUsableInvite } from "./invite-records.ts";
import { JOIN_RATE_LIMITS } from "./join-rate-limits.ts";
import { createMemberAccount, emailInUse, memberRoleFor, requiresMemberApproval } from "../identity/member-accounts.ts";
import { runInBackground } from "../lib/background.ts";
import { sendTenantMail, tenantMailSetup } from "../lib/tenant-mail.ts";
import { clientIp, hitRateLimit } from "../lib/rate-limit.ts";
import { startSession } from "../identity/sessions.ts";
import { audit } from "../lib/audit.ts";
import { requireActor, tenantSite } from "../middleware/session.ts";
import { say } from "../lib/language.ts";
import { notifyApprovalNeeded, notifyNewMember } from "../notifications/notify.ts";

const { users, memberships, loginTokens } = tenantSchema;

export const joinRoutes = new Hono<AppEnv>()

// GET /api/join/:tokenOrCode — what this invite is for (neighbourhood, corporation, house rules), or why it no longer works
.get("/:reference", async (c) => {
  const site = tenantSite(c.get("site"));
  await hitRateLimit(site.client, JOIN_RATE_LIMITS.lookupPerIp(clientIp(c)));
  const { invite, neighbourhood } = await requireUsableInvite(site.db, c.req.param("reference"), Date.now());
  const settings = c.get("settings");
  let invitedBy: string | null = null;
  if (invite.kind === "personal" && invite.createdById) {
    const [creator] = await site.db.select({ displayName: users.displayName }).from(users).where(eq(users.id, invite.createdById)).limit(1);
    invitedBy = creator?.displayName ?? null;
  }
  return c.json({
    invite: { kind: invite.kind, role: invite.role, state: "valid" as const, expiresAt: invite.expiresAt, invitedBy },
    neighbourhood: { slug: neighbourhood.slug, name: neighbourhood.name, kind: neighbourhood.kind, city: neighbourhood.city, description: neighbourhood.description },
    corporation: { name: settings?.displayName ?? site.tenant.name, sponsorStatement: settings?.sponsorStatement ?? null, houseRules: settings?.houseRules ?? null },
    houseRules: HOUSE_RULES,
    requiresApproval: settings?.requireMemberApproval ?? false,
  });
})

// POST /api/join — a new resident redeems an invite: account + membership + one use, then a session (or a wait for
// approval). With an e-mail address: 202 "look in your e-mail" (or "pending"), whether the address is new or not.
.post("/", async (c) => {
  const site = tenantSite(c.get("site"));
  await hitRateLimit(site.client, JOIN_RATE_LIMITS.redeemPerIp(clientIp(c)));
  const input = parseInput(ZJoinInput, await readJson(c));
  const now = Date.now();
  const { invite, neighbourhood } = await requireUsableInvite(site.db, input.invite, now);
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  const requireApproval = requiresMemberApproval(c);
  const joined = { slug: neighbourhood.slug, name: neighbourhood.name };
  // With an e-mail address the answer is the same whether the address already has an account here or
  // not ("look in your e-mail"; no session yet): only the owner of the address learns which, by e-mail.
  const checkEmail = async (status: "check_email" | "pending") =>
    c.json({ status, neighbourhood: joined, message: await say(c, status === "pending" ? "apiMessages.joinPending" : "apiMessages.joinCheckEmail") }, 202);
  if (input.email && (await emailInUse(site.db, input.email))) {
    const email = input.email;
    const origin = new URL(c.req.url).origin;
    runInBackground(c, "join-attempt e-mail not sent", async () => {
      const [owner] = await site.db.select({ locale: users.locale }).from(users).where(eq(users.email, email)).limit(1);
      const { corporationName, locale } = tenantMailSetup(c, site, owner?.locale);
      const mail = renderJoinAttemptMail({ locale, corporationName, neighbourhoodName: neighbourhood.name, loginUrl: `${origin}/inloggen`, inviteCode: formatInviteCode(invite.code) });
      await sendTenantMail(c, site, email, mail);
    });
    return checkEmail(requireApproval ? "pending" : "check_email");
  }

  if (!(await claimInviteUse(site.db, invite.id, now))) {
    // Someone else took the last use (or it was revoked) between the check and now.
    const again = await findInviteByReference(site.db, input.invite);
    const state = again ? inviteState(again.invite, Date.now()) : "used_up";
    throw inviteStateError(state === "valid" ? "used_up" : state);
  }

  const role = isRole(invite.role) && (invite.role === "resident" || invite.role === "prospective") ? invite.role : memberRoleFor(neighbourhood.kind);
  const status = requireApproval ? ("pending" as const) : ("active" as const);
  let account: { id: string; loginName: string | null };
  try {
    account = await createMemberAccount(site.db, {
      displayName: input.displayName,
      email: input.email,
      street: input.street,
      passwordHash,
      role,
      status,
      neighbourhood: { id: neighbourhood.id, slug: neighbourhood.slug },
      joinedViaInviteId: invite.id,
    });
  } catch (error) {
    await releaseInviteUse(site.db, invite.id);
    // The same address joined a moment ago (two clicks): still the same answer as for a new address.
    if (input.email && error instanceof AppError && error.code === "email_taken") return checkEmail(requireApproval ? "pending" : "check_email");
    throw error;
  }
  const newcomer = { id: account.id, displayName: input.displayName };
  if (status === "active") await notifyNewMember(site.db, newcomer, neighbourhood);
  else await notifyApprovalNeeded(site.db, newcomer, neighbourhood);
  if (input.email) {
    const email = input.email;
    if (status === "active") {
      // The welcome e-mail carries a login link; with a password the new member can also log in at once.
      const origin = new URL(c.req.url).origin;
      runInBackground(c, "join welcome e-mail not sent", async () => {
        const token = generateLoginToken();
        await site.db.insert(loginTokens).values({ id: await hashLoginToken(token), userId: account.id, purpose: "magic_link", expiresAt: Date.now() + MAGIC_LINK_TTL_MS });
        const { corporationName, locale } = tenantMailSetup(c, site);
        const link = `${origin}/inloggen/link?token=${encodeURIComponent(token)}`;
        const mail = renderJoinWelcomeMail({ locale, corporationName, neighbourhoodName: neighbourhood.name, displayName: input.displayName, link, validMinutes: MAGIC_LINK_TTL_MS / 60_000 });
        await sendTenantMail(c, site, email, mail);
      });
    }
    return checkEmail(status === "pending" ? "pending" : "check_email");
  }
  // Without e-mail nothing can be enumerated (the login name is new): the session starts at once.
  if (status === "active") await startSession(c, site.db, account.id);
  return c.json(
    {
      status,
      user: { id: account.id, displayName: input.displayName, role, loginName: account.loginName, hasEmail: Boolean(input.email) },
      neighbourhood: { slug: neighbourhood.slug, name: neighbourhood.name },
      message:
        status === "pending"
          ? await say(c, "apiMessages.joinPending")
          : await say(c, "apiMessages.welcome", { neighbourhood: neighbourhood.name }),
    },
    201,
  );
})

// POST /api/join/existing-account — a logged-in member joins another neighbourhood of this corporation with an invite (membership + one use)
.post("/existing-account", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requireActor(c.get("actor"));
  await hitRateLimit(site.client, JOIN_RATE_LIMITS.redeemPerIp(clientIp(c)));
  const input = parseInput(ZJoinWithExistingAccountInput, await readJson(c));
  const now = Date.now();
  const { invite, neighbourhood } = await requireUsableInvite(site.db, input.invite, now);
  const joined = { slug: neighbourhood.slug, name: neighbourhood.name };
  if (isStaff(actor.role)) {
    throw new AppError("forbidden", { message: "apiErrors.invites.staffNeedNotJoin" });
  }
  const [existing] = await site.db
    .select({ status: memberships.status })
    .from(memberships)
    .where(and(eq(memberships.userId, actor.userId), eq(memberships.neighbourhoodId, neighbourhood.id)))
    .limit(1);
  if (existing?.status === "pending") {
    return c.json({ status: "already_pending" as const, neighbourhood: joined, message: await say(c, "apiMessages.alreadyPending", { neighbourhood: neighbourhood.name }) });
  }
  if (existing) {
    return c.json({ status: "already_member" as const, neighbourhood: joined, message: await say(c, "apiMessages.alreadyMember", { neighbourhood: neighbourhood.name }) });
  }
  // When the corporation checks newcomers, it checks who joins each neighbourhood: also a member of another one.
  const membershipStatus = requiresMemberApproval(c) ? "pending" : "active";
  if (!(await claimInviteUse(site.db, invite.id, now))) {
    const again = await findInviteByReference(site.db, input.invite);
    const state = again ? inviteState(again.invite, Date.now()) : "used_up";
    throw inviteStateError(state === "valid" ? "used_up" : state);
  }
  // The primary key (user, neighbourhood) refuses a second membership: a double click counts once.
  const inserted = await site.db
    .insert(memberships)
    .values({ userId: actor.userId, neighbourhoodId: neighbourhood.id, joinedAt: now, status: membershipStatus })
    .onConflictDoNothing()
    .catch(async (error: unknown) => {
      await releaseInviteUse(site.db, invite.id);
      throw error;
    });
  if (inserted.rowsAffected !== 1) {
    await releaseInviteUse(site.db, invite.id);
    return c.json({ status: "already_member" as const, neighbourhood: joined, message: await say(c, "apiMessages.alreadyMember", { neighbourhood: neighbourhood.name }) });
  }
  if (membershipStatus === "pending") {
    await notifyApprovalNeeded(site.db, { id: actor.userId, displayName: actor.displayName }, neighbourhood);
    await audit(site.db, { actorId: actor.userId, action: "member.requested_neighbourhood", subject: actor.userId, details: { neighbourhoodId: neighbourhood.id, inviteId: invite.id } });
    return c.json({ status: "pending" as const, neighbourhood: joined, message: await say(c, "apiMessages.joinRequestSent", { neighbourhood: neighbourhood.name }) }, 201);
  }
  await notifyNewMember(site.db, { id: actor.userId, displayName: actor.displayName }, neighbourhood);
  await audit(site.db, { actorId: actor.userId, action: "member.joined_neighbourhood", subject: actor.userId, details: { neighbourhoodId: neighbourhood.id, inviteId: invite.id } });
  return c.json({ status: "joined" as const, neighbourhood: joined, message: await say(c, "apiMessages.welcome", { neighbourhood: neighbourhood.name }) }, 201);
});
