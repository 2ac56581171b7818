// In-app notifications of the logged-in member: the list (newest first, pages by cursor), the unread
// count (from the session: no query), mark one or all read; their digest as a page; their digest and
// quiet-hour choices. Someone else's notification is "not found".
import { Hono } from "hono";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import {
  AppError,
  DEFAULT_DIGEST_PREFERENCES,
  DIGEST_ITEM_LIMIT,
  NOTIFICATIONS_PAGE_SIZE,
  ZDigestPreferencesInput,
  isDigestFrequency,
  isNotificationKind,
  selectDigest,
  translate,
  type DigestPreferences,
  type MessageKey,
} from "@buurtplein/core";
import { tenantSchema, type TenantDb } from "@buurtplein/db";
import type { AppEnv } from "../env.ts";
import { parseInput, readJson, readOptionalJson } from "../lib/errors.ts";
import { requestLanguage } from "../lib/language.ts";
import { requirePermission, tenantSite } from "../middleware/session.ts";
import { activityCandidatesQuery, candidatesQuery, membersQuery, toDigestMember } from "./digest-data.ts";

const { notifications, notificationPreferences } = tenantSchema;

const ZCursor = z.string().regex(/^\d{1,16}_[A-Za-z0-9-]{1,64}$/, "validation.generic.invalid_format");
const ZMarkRead = z.object({ id: z.string().trim().min(1).max(64).optional() });

export async function loadPreferences(db: TenantDb, userId: string): Promise<DigestPreferences> {
  const [row] = await db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId)).limit(1);
  if (!row) return DEFAULT_DIGEST_PREFERENCES;
  return { digest: isDigestFrequency(row.digest) ? row.digest : "daily", digestHour: row.digestHour, quietStart: row.quietStart, quietEnd: row.quietEnd };
}

/** Saves a member's choices (only the fields given); returns them all. */
export async function savePreferences(db: TenantDb, userId: string, input: Partial<DigestPreferences>): Promise<DigestPreferences> {
  const next = { ...(await loadPreferences(db, userId)), ...Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) } as DigestPreferences;
  await db
    .insert(notificationPreferences)
    .values({ userId, ...next, updatedAt: Date.now() })
    .onConflictDoUpdate({ target: notificationPreferences.userId, set: { ...next, updatedAt: Date.now() } });
  return next;
}

export const notificationRoutes = new Hono<AppEnv>()

// GET /api/notifications?before=<createdAt>_<id> — my notifications, newest first, a page at a time, and the unread count
.get("/", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requirePermission(c.get("actor"), "account.own");
  const before = c.req.query("before");
  const conditions = [eq(notifications.userId, actor.userId)];
  if (before !== undefined) {
    const cursor = parseInput(z.object({ before: ZCursor }), { before }).before;
    const [createdAt, id] = [Number(cursor.slice(0, cursor.indexOf("_"))), cursor.slice(cursor.indexOf("_") + 1)];
    conditions.push(sql`(${notifications.createdAt}, ${notifications.id}) < (${createdAt}, ${id})`);
  }
  const rows = await site.db
    .select()
    .from(notifications)
    .where(and(...conditions))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(NOTIFICATIONS_PAGE_SIZE + 1);
  const language = await requestLanguage(c);
  const page = rows.slice(0, NOTIFICATIONS_PAGE_SIZE);
  const last = page[page.length - 1];
  return c.json({
    notifications: page.map((row) => {
      const params = { name: "", title: "", neighbourhood: "", outcome: "", ...(row.params ?? {}), count: row.count };
      const text = isNotificationKind(row.kind) ? translate(language, `notifications.kinds.${row.kind}` as MessageKey, params).replace(/\s+/g, " ").trim() : row.kind;
      return { id: row.id, kind: row.kind, text, url: row.url, count: row.count, read: row.readAt !== null, createdAt: row.createdAt };
    }),
    unread: actor.unreadNotifications,
    next: rows.length > NOTIFICATIONS_PAGE_SIZE && last ? `${last.createdAt}_${last.id}` : null,
  });
})

// GET /api/notifications/count — the bell's number (from the session's one statement), for polling
.get("/count", async (c) => {
  const actor = requirePermission(c.get("actor"), "account.own");
  c.header("Cache-Control", "no-store");
  return c.json({ unread: actor.unreadNotifications });
})

// POST /api/notifications/read — { id } marks one of mine read; without an id, all of mine
.post("/read", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requirePermission(c.get("actor"), "account.own");
  const input = parseInput(ZMarkRead, await readOptionalJson(c));
  const now = Date.now();
  if (input.id) {
    const [row] = await site.db
      .select({ id: notifications.id, readAt: notifications.readAt })
      .from(notifications)
      .where(and(eq(notifications.id, input.id), eq(notifications.userId, actor.userId)))
      .limit(1);
    if (!row) throw new AppError("not_found", { message: "apiErrors.notifications.notFound" });
    if (row.readAt === null) await site.db.update(notifications).set({ readAt: now }).where(eq(notifications.id, row.id));
    return c.json({ marked: row.readAt === null ? 1 : 0, unread: Math.max(0, actor.unreadNotifications - (row.readAt === null ? 1 : 0)) });
  }
  const result = await site.db.update(notifications).set({ readAt: now }).where(and(eq(notifications.userId, actor.userId), isNull(notifications.readAt)));
  return c.json({ marked: result.rowsAffected, unread: 0 });
})

// GET /api/notifications/digest — my digest as a page (also for members without e-mail): news of my neighbourhoods since the last digest
.get("/digest", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requirePermission(c.get("actor"), "account.own");
  const now = Date.now();
  const neighbourhoodIds = actor.neighbourhoodIds;
  const [memberRows, candidates, activityCandidates] = await site.db.batch([
    membersQuery(site.db, actor.userId),
    candidatesQuery(site.db, now, neighbourhoodIds),
    activityCandidatesQuery(site.db, now, neighbourhoodIds),
  ]);
  const member = memberRows[0] ? toDigestMember(memberRows[0]) : null;
  const frequency = member?.preferences.digest === "weekly" ? "weekly" : "daily";
  const digest = member
    ? selectDigest({ userId: actor.userId, frequency, neighbourhoods: member.neighbourhoods, lastDigestAt: member.lastDigestAt, lastSeenAt: member.lastSeenAt }, candidates, now, DIGEST_ITEM_LIMIT * 5, activityCandidates, true)
    : null;
  return c.json({ digest, limit: DIGEST_ITEM_LIMIT });
})

// GET /api/notifications/preferences — my digest choice, hour and quiet hours
.get("/preferences", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requirePermission(c.get("actor"), "account.own");
  return c.json({ preferences: await loadPreferences(site.db, actor.userId) });
})

// PATCH /api/notifications/preferences — { digest?, digestHour?, quietStart?, quietEnd? }
.patch("/preferences", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requirePermission(c.get("actor"), "account.own");
  const input = parseInput(ZDigestPreferencesInput, await readJson(c));
  return c.json({ preferences: await savePreferences(site.db, actor.userId, input) });
});
