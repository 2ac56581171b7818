import type { Context } from "hono";
import { deleteCookie, setCookie } from "hono/cookie";
import { SESSION_COOKIE, SESSION_TTL_MS, generateSessionToken, hashSessionToken } from "@buurtplein/core";
import { tenantSchema, type TenantDb } from "@buurtplein/db";
import type { AppEnv } from "../env.ts";

/**
 * Starts a fresh session (a new random token on every login: rotation) and sets the cookie:
 * HttpOnly, Secure, SameSite=Lax. Only the token's SHA-256 is stored.
 */
export async function startSession(c: Context<AppEnv>, db: TenantDb, userId: string): Promise<void> {
  const token = generateSessionToken();
  const expiresAt = Date.now() + SESSION_TTL_MS;
  await db.insert(tenantSchema.sessions).values({ id: await hashSessionToken(token), userId, expiresAt });
  setCookie(c, SESSION_COOKIE, token, { httpOnly: true, secure: true, sameSite: "Lax", path: "/", expires: new Date(expiresAt) });
}

export function clearSessionCookie(c: Context<AppEnv>): void {
  deleteCookie(c, SESSION_COOKIE, { path: "/", secure: true });
}
