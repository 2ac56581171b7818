import { createMiddleware } from "hono/factory";
import { and, eq, lte, sql } from "drizzle-orm";
import { AppError, can, readSessionCookie, hashSessionToken, isRole, type Action, type AuthorizationResource, type MessageKey } from "@buurtplein/core";
import { tenantSchema, type TenantDb } from "@buurtplein/db";
import type { Actor, ActorMembership, AppEnv, Site } from "../env.ts";
import { unreadCountSql } from "../notifications/notify.ts";
import { runInBackground } from "../lib/background.ts";

/** sessions.last_seen_at is written at most this often per session (the digest asks who was away). */
export const LAST_SEEN_RESOLUTION_MS = 5 * 60 * 1000;

const { sessions, users, memberships, neighbourhoods, tenantSettings } = tenantSchema;

/** A session with its person and all their memberships (as JSON), in one statement. */
export function sessionQuery(db: TenantDb, sessionId: string) {
  const membershipsJson = sql<string>`(
    SELECT json_group_array(json_object('id', m.id, 'slug', m.slug, 'name', m.name, 'kind', m.kind, 'status', m.status, 'archived', m.archived))
    FROM (
      SELECT ${neighbourhoods.id} AS id, ${neighbourhoods.slug} AS slug, ${neighbourhoods.name} AS name, ${neighbourhoods.kind} AS kind, ${memberships.status} AS status,
        ${neighbourhoods.archivedAt} IS NOT NULL AS archived
      FROM ${memberships} INNER JOIN ${neighbourhoods} ON ${neighbourhoods.id} = ${memberships.neighbourhoodId}
      WHERE ${memberships.userId} = ${users.id}
      ORDER BY ${neighbourhoods.name}
    ) AS m
  )`;
  return db
    .select({
      userId: users.id,
      displayName: users.displayName,
      role: users.role,
      status: users.status,
      locale: users.locale,
      expiresAt: sessions.expiresAt,
      lastSeenAt: sessions.lastSeenAt,
      memberships: membershipsJson,
      // The bell's number comes with the session: no extra round trip for it on any page.
      unreadNotifications: unreadCountSql(users.id),
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sessionId))
    .limit(1);
}

export function settingsQuery(db: TenantDb) {
  return db.select().from(tenantSettings).where(eq(tenantSettings.id, 1)).limit(1);
}

/**
 * Reads the session cookie and looks the session up in THIS tenant's database. A cookie from another
 * corporation finds nothing here (its row lives in the other database), so it is worthless.
 * One round trip: the tenant's settings, and the session with its person and memberships, in a batch.
 * An in-process call of a page view (PAGE_REQUEST_STATE) reuses what the view's first call loaded.
 */
export const loadSession = createMiddleware<AppEnv>(async (c, next) => {
  const shared = c.env.PAGE_REQUEST_STATE;
  if (shared && shared.actor !== undefined && shared.settings !== undefined) {
    c.set("actor", shared.actor);
    c.set("settings", shared.settings);
    return next();
  }
  c.set("actor", null);
  c.set("settings", null);
  const site = c.get("site");
  if (site.kind === "tenant") {
    const token = readSessionCookie(c.req.header("cookie")); // __Host-bp_session on https, bp_session on http
    const sessionId = token ? await hashSessionToken(token) : null;
    const [settingsRows, sessionRows] = sessionId
      ? await site.db.batch([settingsQuery(site.db), sessionQuery(site.db, sessionId)])
      : [await settingsQuery(site.db), []];
    c.set("settings", settingsRows[0] ?? null);
    const row = sessionRows[0];
    // An expired session is never accepted, and its row goes as soon as it is seen.
    if (sessionId && row && row.expiresAt <= Date.now()) {
      await site.db.delete(sessions).where(and(eq(sessions.id, sessionId), lte(sessions.expiresAt, Date.now())));
    } else if (sessionId && row && row.status === "active" && isRole(row.role)) {
      const all = JSON.parse(row.memberships) as ActorMembership[];
      c.set("actor", {
        userId: row.userId,
        displayName: row.displayName,
        role: row.role,
        locale: row.locale,
        sessionId,
        // A pending request to join another neighbourhood gives no access there yet.
        neighbourhoodIds: all.filter((membership) => membership.status === "active").map((membership) => membership.id),
        memberships: all,
        unreadNotifications: Number(row.unreadNotifications) || 0,
      });
      // Being here counts as "on the platform" for the digest; written in the background, at most
      // every few minutes per session, so a page view waits for no write.
      if (row.lastSeenAt < Date.now() - LAST_SEEN_RESOLUTION_MS) {
        const db = site.db;
        runInBackground(c, "last seen not recorded", async () => {
          await db.update(sessions).set({ lastSeenAt: Date.now() }).where(eq(sessions.id, sessionId));
        });
      }
    }
  }
  if (shared) {
    shared.actor = c.get("actor");
    shared.settings = c.get("settings");
  }
  await next();
});

/** Forget the shared actor after a call that may change who is logged in or their memberships. */
export const refreshSharedStateAfterWrites = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  const shared = c.env.PAGE_REQUEST_STATE;
  if (shared && c.req.method !== "GET" && c.req.method !== "HEAD") {
    delete shared.actor;
    delete shared.settings;
  }
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
