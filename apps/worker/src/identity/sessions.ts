import type { Context } from "hono";
import { deleteCookie, setCookie } from "hono/cookie";
import { SECURE_SESSION_COOKIE, SESSION_COOKIE, SESSION_TTL_MS, generateSessionToken, hashSessionToken, sessionCookieName } from "@buurtplein/core";
import { tenantSchema, type TenantDb } from "@buurtplein/db";
import type { AppEnv } from "../env.ts";

/**
 * Starts a fresh session (a new random token on every login: rotation) and sets the cookie:
 * HttpOnly, Secure, SameSite=Lax; named `__Host-bp_session` on https (decision 014). Only the
 * token's SHA-256 is stored.
 */
export async function startSession(c: Context<AppEnv>, db: TenantDb, userId: string): Promise<void> {
  const token = generateSessionToken();
  const expiresAt = Date.now() + SESSION_TTL_MS;
  await db.insert(tenantSchema.sessions).values({ id: await hashSessionToken(token), userId, expiresAt });
  setCookie(c, sessionCookieName(c.req.url), token, { httpOnly: true, secure: true, sameSite: "Lax", path: "/", expires: new Date(expiresAt) });
}

/** Clears the session cookie under both names (a session from before the prefix too). */
export function clearSessionCookie(c: Context<AppEnv>): void {
  deleteCookie(c, SESSION_COOKIE, { path: "/", secure: true });
  if (sessionCookieName(c.req.url) === SECURE_SESSION_COOKIE) deleteCookie(c, SECURE_SESSION_COOKIE, { path: "/", secure: true });
}
