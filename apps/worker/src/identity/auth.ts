import { Hono } from "hono";
import { eq } from "drizzle-orm";
import { AppError, ZLoginInput } from "@buurtplein/core";
import { tenantSchema } from "@buurtplein/db";
import type { AppEnv } from "../env.ts";
import { parseInput, readJson } from "../lib/errors.ts";
import { requireActor, tenantSite } from "../middleware/session.ts";
import { clearSessionCookie, startSession } from "./sessions.ts";
import { checkRateLimit, clientIp, hitRateLimit, ignoreRateLimited, resetRateLimit } from "../lib/rate-limit.ts";
import { RATE_LIMITS } from "./rate-limit-rules.ts";
import { viewerOf } from "../tenancy/site.ts";
import { accountNotActive, checkPassword, findUserForLogin } from "./accounts.ts";

const LOGIN_FAILED = { message: "apiErrors.account.loginFailed" } as const;

export const authRoutes = new Hono<AppEnv>()

// POST /api/auth/login — e-mail or login name + password; a fresh session (rotation) in this tenant's database
.post("/login", async (c) => {
  const site = tenantSite(c.get("site"));
  const input = parseInput(ZLoginInput, await readJson(c));
  const source = clientIp(c);
  await hitRateLimit(site.client, RATE_LIMITS.loginPerIp(source));
  // Failures count per account and source: a stranger's wrong passwords never lock the owner out. The
  // per-account ceiling is for distributed guessing only (docs/decisions/015-abuse-limits.md).
  const failures = [RATE_LIMITS.loginFailuresPerAccountAndSource(input.identifier, source), RATE_LIMITS.loginFailuresPerAccount(input.identifier)];
  for (const rule of failures) await checkRateLimit(site.client, rule);
  const user = await findUserForLogin(site.db, input.kind, input.identifier);
  if (!(await checkPassword(input.password, user?.passwordHash)) || !user) {
    for (const rule of failures) await hitRateLimit(site.client, rule).catch(ignoreRateLimited);
    throw new AppError("unauthenticated", LOGIN_FAILED);
  }
  // Only after the right password: the reviewer's note is for the person themselves.
  if (user.status !== "active") throw accountNotActive(user.status, user.reviewNote);
  // Only this source's count is forgotten: the owner logging in must not give a distributed attack a fresh ceiling.
  await resetRateLimit(site.client, failures[0]!.key);
  await startSession(c, site.db, user.id);
  return c.json({ user: { id: user.id, displayName: user.displayName, role: user.role } });
})

// POST /api/auth/logout — ends this session
.post("/logout", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = c.get("actor");
  if (actor) await site.db.delete(tenantSchema.sessions).where(eq(tenantSchema.sessions.id, actor.sessionId));
  clearSessionCookie(c);
  return c.json({ ok: true });
})

// GET /api/auth/me — who is logged in here, with their neighbourhoods (loaded with the session)
.get("/me", (c) => {
  tenantSite(c.get("site"));
  return c.json(viewerOf(requireActor(c.get("actor"))));
});
