import { createMiddleware } from "hono/factory";
import { and, eq, lte } from "drizzle-orm";
import { AppError, can, readSessionCookie, hashSessionToken, isRole, type Action, type AuthorizationResource, type MessageKey } from "@buurtplein/core";
import { tenantSchema } from "@buurtplein/db";
import type { Actor, AppEnv, Site } from "../env.ts";

/**
 * Reads the session cookie and looks the session up in THIS tenant's database. A cookie from another
 * corporation finds nothing here (its row lives in the other database), so it is worthless.
 */
export const loadSession = createMiddleware<AppEnv>(async (c, next) => {
  c.set("actor", null);
  const site = c.get("site");
  const token = readSessionCookie(c.req.header("cookie")); // __Host-bp_session on https, bp_session on http
  if (site.kind === "tenant" && token) {
    const sessionId = await hashSessionToken(token);
    const { sessions, users } = tenantSchema;
    const [row] = await site.db
      .select({ userId: users.id, displayName: users.displayName, role: users.role, status: users.status, locale: users.locale, expiresAt: sessions.expiresAt })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(eq(sessions.id, sessionId))
      .limit(1);
    // An expired session is never accepted, and its row goes as soon as it is seen.
    if (row && row.expiresAt <= Date.now()) {
      await site.db.delete(sessions).where(and(eq(sessions.id, sessionId), lte(sessions.expiresAt, Date.now())));
    } else if (row && row.status === "active" && isRole(row.role)) {
      const memberOf = await site.db
        .select({ neighbourhoodId: tenantSchema.memberships.neighbourhoodId })
        .from(tenantSchema.memberships)
        // A pending request to join another neighbourhood gives no access there yet.
        .where(and(eq(tenantSchema.memberships.userId, row.userId), eq(tenantSchema.memberships.status, "active")));
      c.set("actor", {
        userId: row.userId,
        displayName: row.displayName,
        role: row.role,
        sessionId,
        neighbourhoodIds: memberOf.map((membership) => membership.neighbourhoodId),
        locale: row.locale,
      });
    }
  }
  await next();
});

export function tenantSite(site: Site): Extract<Site, { kind: "tenant" }> {
  if (site.kind !== "tenant") throw new AppError("not_found", { message: "apiErrors.tenantOnly" });
  return site;
}

export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw new AppError("unauthenticated");
  return actor;
}

/** The logged-in actor, if `can` allows them this action; otherwise 401 / 403. */
export function requirePermission(actor: Actor | null, action: Action, resource: AuthorizationResource = {}, message?: MessageKey): Actor {
  const known = requireActor(actor);
  if (!can(known, action, resource)) throw new AppError("forbidden", message ? { message } : {});
  return known;
}
