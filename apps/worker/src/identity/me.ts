// One's own account (AVG/GDPR): see and edit the profile, download all own data, delete the account.
import { Hono } from "hono";
import { and, desc, eq, inArray, ne } from "drizzle-orm";
import { AppError, translate, ZDeleteAccountInput, ZUpdateProfileInput } from "@buurtplein/core";
import { tenantSchema, type TenantDb } from "@buurtplein/db";
import type { Actor, AppEnv } from "../env.ts";
import { parseInput, readJson } from "../lib/errors.ts";
import { requirePermission, tenantSite } from "../middleware/session.ts";
import { clearSessionCookie } from "./sessions.ts";
import { loadPreferences, savePreferences } from "../notifications/notification-routes.ts";
import { ZDigestPreferencesInput } from "@buurtplein/core";
import { audit } from "../lib/audit.ts";
import { eraseAccount } from "./accounts.ts";
import { activityExport } from "../activities/activity-export.ts";

const { users, memberships, neighbourhoods, posts, replies, reactions, sessions, invites, auditLog } = tenantSchema;

async function loadProfile(db: TenantDb, userId: string) {
  const [user] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!user) throw new AppError("unauthenticated");
  return user;
}

function publicProfile(user: typeof users.$inferSelect) {
  return {
    id: user.id,
    displayName: user.displayName,
    // The e-mail address is only ever shown to the person themself (this route).
    email: user.email,
    loginName: user.loginName,
    street: user.street,
    role: user.role,
    locale: user.locale,
    createdAt: user.createdAt,
  };
}

/** The last admin cannot leave: the corporation would lose its way in. */
async function refuseLastAdmin(db: TenantDb, actor: Actor): Promise<void> {
  if (actor.role !== "admin") return;
  const others = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "admin"), eq(users.status, "active"), ne(users.id, actor.userId)))
    .limit(1);
  if (others.length === 0) {
    throw new AppError("conflict", { message: "apiErrors.account.lastAdmin" });
  }
}

export const meRoutes = new Hono<AppEnv>()

// GET /api/me — my profile, with my e-mail address (only I see it)
.get("/", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requirePermission(c.get("actor"), "account.own");
  const [user, preferences] = await Promise.all([loadProfile(site.db, actor.userId), loadPreferences(site.db, actor.userId)]);
  return c.json({ user: { ...publicProfile(user), digest: preferences.digest }, digest: preferences.digest, notifications: preferences });
})

// PATCH /api/me — change my display name and (optional) street (never a house number), and/or my digest
// choice: { digest: "daily" | "weekly" | "off", digestHour?, quietStart?, quietEnd? }
.patch("/", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requirePermission(c.get("actor"), "account.own");
  const body = await readJson(c);
  const fields = typeof body === "object" && body !== null ? Object.keys(body) : [];
  const digestOnly = fields.length > 0 && fields.every((key) => ["digest", "digestHour", "quietStart", "quietEnd"].includes(key));
  const preferencesInput = parseInput(ZDigestPreferencesInput, digestOnly ? body : {});
  if (!digestOnly) {
    const input = parseInput(ZUpdateProfileInput, body);
    await site.db.update(users).set({ displayName: input.displayName, street: input.street, updatedAt: Date.now() }).where(eq(users.id, actor.userId));
  }
  const preferences = digestOnly ? await savePreferences(site.db, actor.userId, preferencesInput) : await loadPreferences(site.db, actor.userId);
  return c.json({ user: { ...publicProfile(await loadProfile(site.db, actor.userId)), digest: preferences.digest }, digest: preferences.digest, notifications: preferences });
})

// GET /api/me/export — everything this corporation's Buurtplein holds about me, as a JSON download
.get("/export", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requirePermission(c.get("actor"), "account.own");
  const user = await loadProfile(site.db, actor.userId);
  const [myMemberships, myPosts, mySessions, myInvites, aboutMe, myReplies, myReactions] = await Promise.all([
    site.db
      .select({ neighbourhood: neighbourhoods.name, neighbourhoodSlug: neighbourhoods.slug, joinedAt: memberships.joinedAt, status: memberships.status })
      .from(memberships)
      .innerJoin(neighbourhoods, eq(neighbourhoods.id, memberships.neighbourhoodId))
      .where(eq(memberships.userId, user.id))
      .orderBy(neighbourhoods.name),
    site.db
      .select({
        id: posts.id,
        neighbourhood: neighbourhoods.name,
        kind: posts.kind,
        title: posts.title,
        body: posts.body,
        details: posts.details,
        visibleToCorporation: posts.visibleToCorporation,
        status: posts.status,
        createdAt: posts.createdAt,
        updatedAt: posts.updatedAt,
      })
      .from(posts)
      .innerJoin(neighbourhoods, eq(neighbourhoods.id, posts.neighbourhoodId))
      .where(eq(posts.authorId, user.id))
      .orderBy(desc(posts.createdAt)),
    site.db
      .select({ id: sessions.id, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, expiresAt: sessions.expiresAt })
      .from(sessions)
      .where(eq(sessions.userId, user.id))
      .orderBy(desc(sessions.createdAt)),
    site.db
      .select({
        kind: invites.kind,
        code: invites.code,
        label: invites.label,
        neighbourhood: neighbourhoods.name,
        role: invites.role,
        uses: invites.uses,
        maxUses: invites.maxUses,
        expiresAt: invites.expiresAt,
        revokedAt: invites.revokedAt,
        createdAt: invites.createdAt,
      })
      .from(invites)
      .innerJoin(neighbourhoods, eq(neighbourhoods.id, invites.neighbourhoodId))
      .where(eq(invites.createdById, user.id))
      .orderBy(desc(invites.createdAt)),
    site.db.select().from(auditLog).where(eq(auditLog.subject, user.id)).orderBy(desc(auditLog.createdAt)),
    // My replies and reactions (the posts they belong to by id only: those are other people's data).
    site.db
      .select({ id: replies.id, postId: replies.postId, body: replies.body, status: replies.status, createdAt: replies.createdAt, editedAt: replies.editedAt })
      .from(replies)
      .where(eq(replies.authorId, user.id))
      .orderBy(desc(replies.createdAt)),
    site.db.select({ postId: reactions.postId, kind: reactions.kind, createdAt: reactions.createdAt }).from(reactions).where(eq(reactions.userId, user.id)).orderBy(desc(reactions.createdAt)),
  ]);
  const [myNotifications, myPreferences] = await Promise.all([
    site.db
      .select({ kind: tenantSchema.notifications.kind, params: tenantSchema.notifications.params, count: tenantSchema.notifications.count, readAt: tenantSchema.notifications.readAt, createdAt: tenantSchema.notifications.createdAt })
      .from(tenantSchema.notifications)
      .where(eq(tenantSchema.notifications.userId, user.id))
      .orderBy(desc(tenantSchema.notifications.createdAt)),
    loadPreferences(site.db, user.id),
  ]);
  // Who acted on my data is told by role, not by name: the names of staff are their data.
  const actorIds = [...new Set(aboutMe.map((entry) => entry.actorId).filter((id): id is string => !!id && id !== user.id))];
  const actorRoles = actorIds.length
    ? new Map((await site.db.select({ id: users.id, role: users.role }).from(users).where(inArray(users.id, actorIds))).map((row) => [row.id, row.role]))
    : new Map<string, string>();
  const iso = (value: number | null) => (value === null ? null : new Date(value).toISOString());
  const myActivities = await activityExport(site.db, user.id);
  const body = {
    about: `${translate("nl", "apiMessages.exportAbout")} / ${translate("en", "apiMessages.exportAbout")}`,
    exportedAt: new Date().toISOString(),
    corporation: { name: site.tenant.name, address: new URL(c.req.url).host },
    profile: {
      displayName: user.displayName,
      email: user.email,
      loginName: user.loginName,
      street: user.street,
      role: user.role,
      status: user.status,
      language: user.locale,
      hasPassword: user.passwordHash !== null,
      registeredByHelpDesk: user.registeredById !== null,
      consentRecordedAt: iso(user.consentRecordedAt),
      joinedThroughInvite: user.joinedViaInviteId !== null,
      createdAt: iso(user.createdAt),
      updatedAt: iso(user.updatedAt),
    },
    neighbourhoods: myMemberships.map((row) => ({ name: row.neighbourhood, joinedAt: iso(row.joinedAt) })),
    posts: myPosts.map((row) => ({ ...row, createdAt: iso(row.createdAt), updatedAt: iso(row.updatedAt) })),
    replies: myReplies.map((row) => ({ ...row, createdAt: iso(row.createdAt), editedAt: iso(row.editedAt) })),
    reactions: myReactions.map((row) => ({ ...row, createdAt: iso(row.createdAt) })),
    sessions: mySessions.map((row) => ({
      startedAt: iso(row.createdAt),
      lastSeenAt: iso(row.lastSeenAt),
      expiresAt: iso(row.expiresAt),
      thisDevice: row.id === actor.sessionId,
    })),
    invitesYouMade: myInvites.map((row) => ({ ...row, expiresAt: iso(row.expiresAt), revokedAt: iso(row.revokedAt), createdAt: iso(row.createdAt) })),
    notifications: myNotifications.map((row) => ({ ...row, readAt: iso(row.readAt), createdAt: iso(row.createdAt) })),
    notificationPreferences: myPreferences,
    auditLogAboutYou: aboutMe.map((entry) => ({
      action: entry.action,
      by: entry.actorId === null ? "system" : entry.actorId === user.id ? "you" : (actorRoles.get(entry.actorId) ?? "former staff"),
      details: entry.details,
      at: iso(entry.createdAt),
    })),
    activities: myActivities,
  };
  c.header("Content-Disposition", 'attachment; filename="buurtplein-gegevens.json"');
  c.header("Cache-Control", "no-store");
  return c.body(JSON.stringify(body, null, 2), 200, { "Content-Type": "application/json; charset=utf-8" });
})

// POST /api/me/delete — delete my account: posts removed or kept anonymously; I am logged out
.post("/delete", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requirePermission(c.get("actor"), "account.own");
  const input = parseInput(ZDeleteAccountInput, await readJson(c));
  await refuseLastAdmin(site.db, actor);
  const result = await eraseAccount(site.db, actor.userId, input.mode);
  // No name or e-mail in the audit log: only that an account went, how, and with how many posts.
  await audit(site.db, { actorId: null, action: "account.deleted", subject: actor.userId, details: { by: "self", mode: input.mode, posts: result.posts } });
  clearSessionCookie(c);
  return c.json({ ok: true, mode: input.mode, posts: result.posts });
});
