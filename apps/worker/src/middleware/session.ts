import { createMiddleware } from "hono/factory";
import { getCookie } from "hono/cookie";
import { and, eq, gt } from "drizzle-orm";
import { AppError, SESSION_COOKIE, hashSessionToken, isRole, type Role } from "@buurtplein/core";
import { tenantSchema } from "@buurtplein/db";
import type { Actor, AppEnv, Site } from "../env.ts";

/**
 * Reads the session cookie and looks the session up in THIS tenant's database. A cookie from another
 * corporation finds nothing here (its row lives in the other database), so it is worthless.
 */
export const loadSession = createMiddleware<AppEnv>(async (c, next) => {
  c.set("actor", null);
  const site = c.get("site");
  const token = getCookie(c, SESSION_COOKIE);
  if (site.kind === "tenant" && token) {
    const sessionId = await hashSessionToken(token);
    const { sessions, users } = tenantSchema;
    const [row] = await site.db
      .select({ userId: users.id, displayName: users.displayName, role: users.role, status: users.status })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(and(eq(sessions.id, sessionId), gt(sessions.expiresAt, Date.now())))
      .limit(1);
    if (row && row.status === "active" && isRole(row.role)) {
      c.set("actor", { userId: row.userId, displayName: row.displayName, role: row.role, sessionId });
    }
  }
  await next();
});

export function tenantSite(site: Site): Extract<Site, { kind: "tenant" }> {
  if (site.kind !== "tenant") throw new AppError("not_found", "Dit is alleen beschikbaar op het Buurtplein van een corporatie.");
  return site;
}

export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw new AppError("unauthenticated", "Log eerst in.");
  return actor;
}

export function requireRole(actor: Actor | null, roles: readonly Role[]): Actor {
  const known = requireActor(actor);
  if (!roles.includes(known.role)) throw new AppError("forbidden", "Je hebt geen toegang tot deze actie.");
  return known;
}
