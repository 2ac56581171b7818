// The queries behind a neighbourhood feed page and a post's own page, shared by the routes and
// bench/feed-scale.ts (so the benchmark times exactly what the API runs). What a reader may see comes
// from post-access.ts (the one place). Newest first, paged with a row-value cursor.
import { and, asc, desc, eq, isNotNull, isNull, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { MAX_PINNED_POSTS, REACTION_KINDS, type ReactionKind } from "@buurtplein/core";
import { tenantSchema, type TenantDb } from "@buurtplein/db";
import { readablePost, readablePosts, readableReplies, type Reader } from "./post-access.ts";

const { neighbourhoods, posts, replies, reactions, users, photos, moderationActions } = tenantSchema;

/**
 * Why a moderator hid this post or reply (the latest hide decision), as JSON, only while it is hidden:
 * post-access.ts lets only its author read a hidden item, so only they receive it.
 */
function hiddenBecause(targetType: "post" | "reply", status: SQLWrapper, id: SQLWrapper) {
  const m = moderationActions;
  return sql<string | null>`(CASE WHEN ${status} = 'hidden' THEN (SELECT json_object('decisionId', ${m.id}, 'reason', ${m.reason}, 'houseRule', ${m.houseRule}, 'hiddenAt', ${m.createdAt}, 'appealedAt', ${m.appealedAt}, 'appealOutcome', ${m.appealOutcome})
    FROM ${m} WHERE ${m.targetType} = ${targetType} AND ${m.targetId} = ${id} AND ${m.action} = 'hide' ORDER BY ${m.createdAt} DESC LIMIT 1) END)`;
}

/** The moderation column as the API answers it: null, or { decisionId, reason, houseRule, hiddenAt, appealedAt, appealOutcome }. */
export function presentModeration(value: string | null): { decisionId: string; reason: string; houseRule: number | null; hiddenAt: number; appealedAt: number | null; appealOutcome: string | null } | null {
  return value ? JSON.parse(value) : null;
}

export const FEED_PAGE_SIZE = 20;

/** Where the previous page ended: the last post's created_at and id. */
export interface FeedCursor {
  createdAt: number;
  id: string;
}

/**
 * The columns of a post as a reader sees it. The counts are subqueries, so a page of posts with its
 * counts stays one statement (one round trip with the neighbourhood): replies this reader may see
 * (readableReplies), reactions per kind as JSON (never who), and the reader's own reaction.
 */
export function postColumns(reader: Reader) {
  return {
    id: posts.id,
    neighbourhoodId: posts.neighbourhoodId,
    kind: posts.kind,
    title: posts.title,
    body: posts.body,
    details: posts.details,
    visibleToCorporation: posts.visibleToCorporation,
    createdAt: posts.createdAt,
    editedAt: posts.editedAt,
    solvedAt: posts.solvedAt,
    pinnedAt: posts.pinnedAt,
    authorId: posts.authorId,
    authorName: sql<string | null>`${users.displayName}`,
    authorStreet: users.street,
    authorRole: users.role,
    replyCount: sql<number>`(SELECT count(*) FROM ${replies} WHERE ${replies.postId} = ${posts.id} AND ${readableReplies(reader)})`.mapWith(Number),
    reactionCounts: sql<string>`(SELECT json_group_object(kind, n) FROM (SELECT ${reactions.kind} AS kind, count(*) AS n FROM ${reactions} WHERE ${reactions.postId} = ${posts.id} GROUP BY ${reactions.kind}))`,
    myReaction: reader.userId
      ? sql<string | null>`(SELECT ${reactions.kind} FROM ${reactions} WHERE ${reactions.postId} = ${posts.id} AND ${reactions.userId} = ${reader.userId})`
      : sql<string | null>`NULL`,
    // The post's photos in order as JSON [{ id, alt }] (index photos_post_idx); NULL when it has none.
    photoList: sql<string | null>`(SELECT json_group_array(json_object('id', id, 'alt', alt)) FROM (SELECT ${photos.id} AS id, ${photos.alt} AS alt FROM ${photos} WHERE ${photos.postId} = ${posts.id} ORDER BY ${photos.position}))`,
  };
}

/** A post row as the API answers it: reaction counts per kind (every kind, 0 when none), whether it is mine. */
export function presentPost<Row extends { reactionCounts: string | null; myReaction: string | null; authorId: string | null; photoList?: string | null }>(row: Row, reader: Reader) {
  const counted = JSON.parse(row.reactionCounts ?? "{}") as Record<string, number>;
  const { reactionCounts: _counts, authorId, photoList, ...rest } = row;
  const listed = JSON.parse(photoList ?? "[]") as { id: string; alt: string }[];
  return {
    ...rest,
    // Served only to readers of the post (community/photos.ts checks post-access.ts again).
    photos: listed.map((photo) => ({ id: photo.id, alt: photo.alt, url: `/api/photos/${photo.id}` })),
    reactions: Object.fromEntries(REACTION_KINDS.map((kind) => [kind, Number(counted[kind] ?? 0)])) as Record<ReactionKind, number>,
    myReaction: (row.myReaction as ReactionKind | null) ?? null,
    mine: authorId !== null && authorId === reader.userId,
  };
}

/**
 * One page (plus one row, to know whether there is a next page), pinned posts left out (pinnedPostsQuery
 * shows them above). The cursor is a row value, `(created_at, id) < (?, ?)`: with the index
 * (neighbourhood_id, status, created_at, id) SQLite seeks straight to it, so a page deep in the feed costs
 * what the first page costs. (The equivalent `created_at < ? OR (created_at = ? AND id < ?)` cannot be a
 * range: SQLite walks every newer post.)
 */
export function feedPageQuery(db: TenantDb, options: { neighbourhoodId: string | SQLWrapper; reader: Reader; cursor: FeedCursor | null }) {
  const conditions: SQL[] = [eq(posts.neighbourhoodId, options.neighbourhoodId), readablePosts(options.reader), isNull(posts.pinnedAt)];
  if (options.cursor) conditions.push(sql`(${posts.createdAt}, ${posts.id}) < (${options.cursor.createdAt}, ${options.cursor.id})`);
  return db
    .select(postColumns(options.reader))
    .from(posts)
    .leftJoin(users, eq(users.id, posts.authorId))
    .where(and(...conditions))
    .orderBy(desc(posts.createdAt), desc(posts.id))
    .limit(FEED_PAGE_SIZE + 1);
}

/** The announcements pinned above a neighbourhood's feed, newest pin first (index posts_pinned_idx). */
export function pinnedPostsQuery(db: TenantDb, options: { neighbourhoodId: string | SQLWrapper; reader: Reader }) {
  return db
    .select(postColumns(options.reader))
    .from(posts)
    .leftJoin(users, eq(users.id, posts.authorId))
    .where(and(eq(posts.neighbourhoodId, options.neighbourhoodId), isNotNull(posts.pinnedAt), readablePosts(options.reader)))
    .orderBy(desc(posts.pinnedAt))
    .limit(MAX_PINNED_POSTS);
}

/** One post with its neighbourhood, if this reader may see it (whether they may open that neighbourhood: can()). */
export function postByIdQuery(db: TenantDb, id: string, reader: Reader) {
  return db
    .select({
      ...postColumns(reader),
      neighbourhoodSlug: neighbourhoods.slug,
      neighbourhoodName: neighbourhoods.name,
      neighbourhoodArchivedAt: neighbourhoods.archivedAt,
      hidden: hiddenBecause("post", posts.status, posts.id),
    })
    .from(posts)
    .innerJoin(neighbourhoods, eq(neighbourhoods.id, posts.neighbourhoodId))
    .leftJoin(users, eq(users.id, posts.authorId))
    .where(and(eq(posts.id, id), readablePost(reader)))
    .limit(1);
}

/** The replies under a post this reader may see, oldest first (one level). */
export function repliesQuery(db: TenantDb, postId: string, reader: Reader) {
  return db
    .select({
      id: replies.id,
      postId: replies.postId,
      body: replies.body,
      createdAt: replies.createdAt,
      editedAt: replies.editedAt,
      authorId: replies.authorId,
      authorName: sql<string | null>`${users.displayName}`,
      authorStreet: users.street,
      authorRole: users.role,
      hidden: hiddenBecause("reply", replies.status, replies.id),
    })
    .from(replies)
    .leftJoin(users, eq(users.id, replies.authorId))
    .where(and(eq(replies.postId, postId), readableReplies(reader)))
    .orderBy(asc(replies.createdAt), asc(replies.id));
}

/** One reply with its post's facts, if this reader may see both. */
export function replyByIdQuery(db: TenantDb, postId: string, replyId: string, reader: Reader) {
  return db
    .select({ id: replies.id, status: replies.status, authorId: replies.authorId, postId: replies.postId, neighbourhoodId: posts.neighbourhoodId, archivedAt: neighbourhoods.archivedAt })
    .from(replies)
    .innerJoin(posts, eq(posts.id, replies.postId))
    .innerJoin(neighbourhoods, eq(neighbourhoods.id, posts.neighbourhoodId))
    .where(and(eq(replies.id, replyId), eq(replies.postId, postId), readableReplies(reader), readablePosts(reader)))
    .limit(1);
}

/** The neighbourhood a feed URL names (batched with its first page: one round trip). */
export function neighbourhoodBySlugQuery(db: TenantDb, slug: string) {
  return db.select().from(neighbourhoods).where(eq(neighbourhoods.slug, slug)).limit(1);
}

/** The id of the neighbourhood with this slug, as a subquery for feedPageQuery in the same batch. */
export function neighbourhoodIdBySlug(db: TenantDb, slug: string): SQLWrapper {
  return db.select({ id: neighbourhoods.id }).from(neighbourhoods).where(eq(neighbourhoods.slug, slug));
}
