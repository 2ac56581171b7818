// Getting in without a password (magic links by e-mail), back in without e-mail (recovery codes made
// by a moderator), and out everywhere. Mounted under /api/auth next to login and logout.
import { Hono } from "hono";
import { and, eq, gt, inArray, isNull, lte, or, isNotNull } from "drizzle-orm";
import {
  AppError,
  MAGIC_LINK_TTL_MS,
  ZRecoverAccountInput,
  ZRequestMagicLinkInput,
  ZVerifyMagicLinkInput,
  generateLoginToken,
  hashLoginToken,
  hashPassword,
  normaliseRecoveryCode,
  renderMagicLinkMail,
  renderStillWaitingMail,
} from "@buurtplein/core";
import { tenantSchema } from "@buurtplein/db";
import type { AppEnv } from "../env.ts";
import { parseInput, readJson } from "../lib/errors.ts";
import { requirePermission, tenantSite } from "../middleware/session.ts";
import { clearSessionCookie, startSession } from "./sessions.ts";
import { checkRateLimit, clientIp, hitRateLimit, ignoreRateLimited, resetRateLimit } from "../lib/rate-limit.ts";
import { RATE_LIMITS } from "./rate-limit-rules.ts";
import { accountNotActive, findUserForLogin } from "./accounts.ts";
import { sendTenantMail, tenantMailSetup } from "../lib/tenant-mail.ts";
import { runInBackground } from "../lib/background.ts";
import { sendReviewDecisionMail } from "./review-decision-mail.ts";
import { say } from "../lib/language.ts";

const { users, loginTokens, sessions, memberships, neighbourhoods } = tenantSchema;

export const accountAccessRoutes = new Hono<AppEnv>()

// POST /api/auth/magic-link — e-mail me a login link; the same 202 answer whether the account exists or not
.post("/magic-link", async (c) => {
  const site = tenantSite(c.get("site"));
  const input = parseInput(ZRequestMagicLinkInput, await readJson(c));
  const source = clientIp(c);
  // Password failures are not counted here: a login link always works for an account with e-mail. Per
  // address *and* source, so a stranger asking for links to someone's address does not block the owner.
  await hitRateLimit(site.client, RATE_LIMITS.magicLinkPerIp(source));
  await hitRateLimit(site.client, RATE_LIMITS.magicLinkPerEmailAndSource(input.email, source));
  await hitRateLimit(site.client, RATE_LIMITS.magicLinkPerEmail(input.email));
  const [user] = await site.db.select().from(users).where(eq(users.email, input.email)).limit(1);
  if (user && user.status === "active" && user.email) {
    const email = user.email;
    const origin = new URL(c.req.url).origin;
    // Making the link and sending the e-mail happen after the answer: answering faster for unknown
    // addresses would tell who has an account here. Failures are logged instead.
    runInBackground(c, "magic link e-mail not sent", async () => {
      const now = Date.now();
      const token = generateLoginToken();
      // Old links of this person that can no longer be used are cleared on the way.
      await site.db
        .delete(loginTokens)
        .where(and(eq(loginTokens.userId, user.id), eq(loginTokens.purpose, "magic_link"), or(lte(loginTokens.expiresAt, now), isNotNull(loginTokens.usedAt))));
      await site.db.insert(loginTokens).values({ id: await hashLoginToken(token), userId: user.id, purpose: "magic_link", expiresAt: now + MAGIC_LINK_TTL_MS });
      const { corporationName, locale } = tenantMailSetup(c, site, input.locale, user.locale);
      const link = `${origin}/inloggen/link?token=${encodeURIComponent(token)}`;
      await sendTenantMail(c, site, email, renderMagicLinkMail({ locale, corporationName, link, validMinutes: MAGIC_LINK_TTL_MS / 60_000 }));
    });
  } else if (user?.email && (user.status === "pending" || user.status === "rejected")) {
    // No link (it would not work), but an e-mail that says why: still waiting, or not approved with the
    // reviewer's note. Only the owner of the address reads it; the answer here stays the same.
    const person = { ...user, email: user.email };
    runInBackground(c, "not-yet-active e-mail not sent", async () => {
      const [membership] = await site.db
        .select({ neighbourhoodId: memberships.neighbourhoodId, neighbourhoodName: neighbourhoods.name })
        .from(memberships)
        .innerJoin(neighbourhoods, eq(neighbourhoods.id, memberships.neighbourhoodId))
        .where(eq(memberships.userId, person.id))
        .limit(1);
      if (!membership) return;
      if (person.status === "rejected") {
        await sendReviewDecisionMail(c, site, { ...person, locale: input.locale ?? person.locale }, membership.neighbourhoodId, "rejected", person.reviewNote);
        return;
      }
      const { corporationName, locale } = tenantMailSetup(c, site, input.locale, person.locale);
      const mail = renderStillWaitingMail({ locale, corporationName, neighbourhoodName: membership.neighbourhoodName, displayName: person.displayName });
      await sendTenantMail(c, site, person.email, mail);
    });
  }
  return c.json({ ok: true, message: await say(c, "apiMessages.linkSent") }, 202);
})

// POST /api/auth/magic-link/verify — use a login link (once, within 15 minutes): a fresh session
.post("/magic-link/verify", async (c) => {
  const site = tenantSite(c.get("site"));
  const input = parseInput(ZVerifyMagicLinkInput, await readJson(c));
  await hitRateLimit(site.client, RATE_LIMITS.magicLinkVerifyPerIp(clientIp(c)));
  const now = Date.now();
  // One statement marks the token used: of two simultaneous clicks, only one gets a row back.
  const [used] = await site.db
    .update(loginTokens)
    .set({ usedAt: now })
    .where(and(eq(loginTokens.id, await hashLoginToken(input.token)), eq(loginTokens.purpose, "magic_link"), isNull(loginTokens.usedAt), gt(loginTokens.expiresAt, now)))
    .returning({ userId: loginTokens.userId });
  if (!used) throw new AppError("login_link_invalid");
  const [user] = await site.db.select().from(users).where(eq(users.id, used.userId)).limit(1);
  if (!user) throw new AppError("login_link_invalid");
  if (user.status !== "active") throw accountNotActive(user.status, user.reviewNote);
  await startSession(c, site.db, user.id);
  return c.json({ user: { id: user.id, displayName: user.displayName, role: user.role } });
})

// POST /api/auth/recover — login name + one-time recovery code + new password: a new password and a fresh session
.post("/recover", async (c) => {
  const site = tenantSite(c.get("site"));
  const input = parseInput(ZRecoverAccountInput, await readJson(c));
  const source = clientIp(c);
  await hitRateLimit(site.client, RATE_LIMITS.recoveryPerIp(source));
  // Wrong codes count per login name and source; the per-name ceiling only stops a distributed attack,
  // and a new code from staff clears it (docs/decisions/015-abuse-limits.md).
  const failures = [RATE_LIMITS.recoveryFailuresPerAccountAndSource(input.loginName, source), RATE_LIMITS.recoveryFailuresPerAccount(input.loginName)];
  for (const rule of failures) await checkRateLimit(site.client, rule);
  const user = await findUserForLogin(site.db, "loginName", input.loginName);
  // The code as typed, and without case, spaces and dashes (codes are read from paper).
  const candidates = [...new Set([input.code, input.code.toUpperCase(), normaliseRecoveryCode(input.code)])];
  const ids = await Promise.all(candidates.map((candidate) => hashLoginToken(candidate)));
  const now = Date.now();
  const valid = and(
    eq(loginTokens.userId, user?.id ?? ""),
    eq(loginTokens.purpose, "recovery"),
    inArray(loginTokens.id, ids),
    isNull(loginTokens.usedAt),
    gt(loginTokens.expiresAt, now),
  );
  const [match] = user ? await site.db.select({ id: loginTokens.id }).from(loginTokens).where(valid).limit(1) : [];
  if (!user || !match) {
    for (const rule of failures) await hitRateLimit(site.client, rule).catch(ignoreRateLimited);
    throw new AppError("recovery_code_invalid", { message: "errors.recovery_code_invalid", fields: { code: "errors.recovery_code_invalid" } });
  }
  if (user.status !== "active") throw accountNotActive(user.status, user.reviewNote);
  const [used] = await site.db.update(loginTokens).set({ usedAt: now }).where(and(eq(loginTokens.id, match.id), valid)).returning({ id: loginTokens.id });
  if (!used) throw new AppError("recovery_code_invalid", { message: "errors.recovery_code_invalid", fields: { code: "errors.recovery_code_invalid" } });
  // Whoever may have had the old password is logged out everywhere.
  await site.db.batch([
    site.db.update(users).set({ passwordHash: await hashPassword(input.newPassword), updatedAt: now }).where(eq(users.id, user.id)),
    site.db.delete(sessions).where(eq(sessions.userId, user.id)),
  ]);
  await resetRateLimit(site.client, failures[0]!.key);
  await startSession(c, site.db, user.id);
  return c.json({ user: { id: user.id, displayName: user.displayName, role: user.role } });
})

// POST /api/auth/logout-everywhere — ends every session of this person, on every device
.post("/logout-everywhere", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requirePermission(c.get("actor"), "account.own");
  const ended = await site.db.delete(sessions).where(eq(sessions.userId, actor.userId)).returning({ id: sessions.id });
  clearSessionCookie(c);
  return c.json({ ok: true, sessionsEnded: ended.length });
});
