// What moderation needs to know about a target (post, reply, member) and the queries behind the queue,
// the author's decisions and the public record. The queue reads reported content directly: moderators
// must see what was reported, also when it is hidden or not shared with the corporation; every other
// read of posts and replies goes through community/post-access.ts.
import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { ModerationTargetType } from "@buurtplein/core";
import { tenantSchema, type TenantDb } from "@buurtplein/db";

const { posts, replies, users, memberships, neighbourhoods, reports, moderationActions } = tenantSchema;

export interface TargetFacts {
  type: ModerationTargetType;
  id: string;
  /** The neighbourhood whose queue it belongs to (a member: their first neighbourhood). */
  neighbourhoodId: string | null;
  /** Every neighbourhood it belongs to (a member may be in more than one). */
  neighbourhoodIds: string[];
  authorId: string | null;
  status: string;
  /** The post a reply is under, or the post itself (for links). */
  postId: string | null;
  title: string | null;
}

const ID = /^[\w-]{1,64}$/;

/** A post, reply or member of this corporation (any status), or null. */
export async function findTarget(db: TenantDb, type: ModerationTargetType, id: string): Promise<TargetFacts | null> {
  if (!ID.test(id)) return null;
  if (type === "post") {
    const [row] = await db.select({ id: posts.id, neighbourhoodId: posts.neighbourhoodId, authorId: posts.authorId, status: posts.status, title: posts.title, body: posts.body }).from(posts).where(eq(posts.id, id));
    return row ? { type, id, neighbourhoodId: row.neighbourhoodId, neighbourhoodIds: [row.neighbourhoodId], authorId: row.authorId, status: row.status, postId: row.id, title: row.title ?? excerpt(row.body) } : null;
  }
  if (type === "reply") {
    const [row] = await db
      .select({ id: replies.id, neighbourhoodId: posts.neighbourhoodId, authorId: replies.authorId, status: replies.status, postId: replies.postId, body: replies.body })
      .from(replies)
      .innerJoin(posts, eq(posts.id, replies.postId))
      .where(eq(replies.id, id));
    return row ? { type, id, neighbourhoodId: row.neighbourhoodId, neighbourhoodIds: [row.neighbourhoodId], authorId: row.authorId, status: row.status, postId: row.postId, title: excerpt(row.body) } : null;
  }
  const [[user], rows] = await db.batch([
    db.select({ id: users.id, role: users.role, status: users.status, displayName: users.displayName }).from(users).where(eq(users.id, id)),
    db.select({ neighbourhoodId: memberships.neighbourhoodId }).from(memberships).where(and(eq(memberships.userId, id), eq(memberships.status, "active"))).orderBy(asc(memberships.neighbourhoodId)),
  ]);
  // Only neighbours are reported, warned or suspended here (staff have their own ways).
  if (!user || !["resident", "prospective", "ambassador"].includes(user.role) || rows.length === 0) return null;
  const ids = rows.map((row) => row.neighbourhoodId);
  return { type, id, neighbourhoodId: ids[0] ?? null, neighbourhoodIds: ids, authorId: user.id, status: user.status, postId: null, title: user.displayName };
}

export function excerpt(text: string, length = 80): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
}

/**
 * The open reports, one row per target with how many people reported it and the newest reason, for
 * these neighbourhoods (null: all). The reported text comes along (see the header).
 */
export async function queueQuery(db: TenantDb, neighbourhoodIds: readonly string[] | null) {
  const p = alias(posts, "reported_post");
  const r = alias(replies, "reported_reply");
  const u = alias(users, "reported_member");
  const author = alias(users, "reported_author");
  const scope = neighbourhoodIds === null ? sql`1` : neighbourhoodIds.length > 0 ? inArray(reports.neighbourhoodId, [...neighbourhoodIds]) : sql`0`;
  return db
    .select({
      targetType: reports.targetType,
      targetId: reports.targetId,
      reportCount: sql<number>`count(*)`.mapWith(Number),
      firstReportedAt: sql<number>`min(${reports.createdAt})`.mapWith(Number),
      reasons: sql<string>`json_group_array(json_object('reason', ${reports.reason}, 'houseRule', ${reports.houseRule}))`,
      neighbourhoodSlug: neighbourhoods.slug,
      neighbourhoodName: neighbourhoods.name,
      text: sql<string | null>`coalesce(${p.body}, ${r.body}, ${u.displayName})`,
      title: p.title,
      status: sql<string | null>`coalesce(${p.status}, ${r.status}, ${u.status})`,
      postId: sql<string | null>`coalesce(${p.id}, ${r.postId})`,
      authorId: sql<string | null>`coalesce(${p.authorId}, ${r.authorId}, ${u.id})`,
      authorName: author.displayName,
    })
    .from(reports)
    .leftJoin(neighbourhoods, eq(neighbourhoods.id, reports.neighbourhoodId))
    .leftJoin(p, and(eq(reports.targetType, "post"), eq(p.id, reports.targetId)))
    .leftJoin(r, and(eq(reports.targetType, "reply"), eq(r.id, reports.targetId)))
    .leftJoin(u, and(eq(reports.targetType, "member"), eq(u.id, reports.targetId)))
    .leftJoin(author, sql`${author.id} = coalesce(${p.authorId}, ${r.authorId}, ${u.id})`)
    .where(and(eq(reports.status, "open"), scope))
    .groupBy(reports.targetType, reports.targetId)
    .orderBy(asc(sql`min(${reports.createdAt})`))
    .limit(100);
}

/** Appeals waiting for a decision (staff only), the ones assigned to this reviewer first. */
export function openAppealsQuery(db: TenantDb, reviewerId: string) {
  return db
    .select({
      id: moderationActions.id,
      action: moderationActions.action,
      targetType: moderationActions.targetType,
      targetId: moderationActions.targetId,
      reason: moderationActions.reason,
      houseRule: moderationActions.houseRule,
      appealBody: moderationActions.appealBody,
      appealedAt: moderationActions.appealedAt,
      assignedToMe: sql<number>`${moderationActions.appealReviewerId} = ${reviewerId}`.mapWith((value) => Number(value) === 1),
      actedByMe: sql<number>`${moderationActions.moderatorId} = ${reviewerId}`.mapWith((value) => Number(value) === 1),
    })
    .from(moderationActions)
    .where(and(isNotNull(moderationActions.appealedAt), isNull(moderationActions.appealOutcome)))
    .orderBy(desc(sql`${moderationActions.appealReviewerId} = ${reviewerId}`), asc(moderationActions.appealedAt))
    .limit(100);
}

/** The decisions about this member (their hidden posts and replies, warnings, suspensions), newest first. */
export function decisionsAboutQuery(db: TenantDb, userId: string) {
  const rp = alias(replies, "decided_reply");
  return db
    .select({
      id: moderationActions.id,
      action: moderationActions.action,
      targetType: moderationActions.targetType,
      targetId: moderationActions.targetId,
      reason: moderationActions.reason,
      houseRule: moderationActions.houseRule,
      until: moderationActions.until,
      createdAt: moderationActions.createdAt,
      appealBody: moderationActions.appealBody,
      appealedAt: moderationActions.appealedAt,
      appealOutcome: moderationActions.appealOutcome,
      appealDecisionReason: moderationActions.appealDecisionReason,
      postId: sql<string | null>`CASE ${moderationActions.targetType} WHEN 'post' THEN ${moderationActions.targetId} WHEN 'reply' THEN ${rp.postId} END`,
    })
    .from(moderationActions)
    .leftJoin(rp, and(eq(moderationActions.targetType, "reply"), eq(rp.id, moderationActions.targetId)))
    .where(and(eq(moderationActions.subjectUserId, userId), inArray(moderationActions.action, ["hide", "warn", "suspend"])))
    .orderBy(desc(moderationActions.createdAt))
    .limit(50);
}

/**
 * The public record: items hidden in this neighbourhood since `since` and not restored afterwards,
 * per house rule (null: no rule named). Never who.
 */
export function publicRecordQuery(db: TenantDb, neighbourhoodId: string, since: number) {
  return db
    .select({ houseRule: moderationActions.houseRule, count: sql<number>`count(DISTINCT ${moderationActions.targetType} || ':' || ${moderationActions.targetId})`.mapWith(Number) })
    .from(moderationActions)
    .where(
      and(
        eq(moderationActions.neighbourhoodId, neighbourhoodId),
        eq(moderationActions.action, "hide"),
        gt(moderationActions.createdAt, since),
        sql`NOT EXISTS (SELECT 1 FROM ${moderationActions} AS later_action WHERE later_action.target_type = ${moderationActions.targetType} AND later_action.target_id = ${moderationActions.targetId} AND later_action.action = 'restore' AND later_action.created_at >= ${moderationActions.createdAt})`,
      ),
    )
    .groupBy(moderationActions.houseRule)
    .orderBy(asc(moderationActions.houseRule));
}

/** Active moderators and admins, fewest open appeals first: who may review an appeal. */
export function appealReviewersQuery(db: TenantDb) {
  return db
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.role, ["moderator", "admin"]), eq(users.status, "active")))
    .orderBy(
      asc(sql`(SELECT count(*) FROM ${moderationActions} WHERE ${moderationActions.appealReviewerId} = ${users.id} AND ${moderationActions.appealOutcome} IS NULL AND ${moderationActions.appealedAt} IS NOT NULL)`),
      asc(users.id),
    );
}
