// The one query behind a neighbourhood feed page, shared by the route and bench/feed-scale.ts (so the
// benchmark times exactly what the API runs). Newest first, paged with a row-value cursor.
import { and, desc, eq, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { FeedAccess } from "@buurtplein/core";
import { tenantSchema, type TenantDb } from "@buurtplein/db";

const { neighbourhoods, posts, users } = tenantSchema;

export const FEED_PAGE_SIZE = 20;

/** Where the previous page ended: the last post's created_at and id. */
export interface FeedCursor {
  createdAt: number;
  id: string;
}

/**
 * What staff may read, as the third column of the index posts_shared_feed_idx
 * (packages/db/src/tenant/schema.ts): SQLite only matches an indexed expression written the same way,
 * literals included, so keep the two identical.
 */
const SHARED_WITH_CORPORATION = sql`(${posts.visibleToCorporation} = 1 OR ${posts.kind} = 'announcement') = 1`;

/**
 * One page (plus one row, to know whether there is a next page). The cursor is a row value,
 * `(created_at, id) < (?, ?)`: with the index (neighbourhood_id, status, created_at, id) SQLite seeks
 * straight to it, so a page deep in the feed costs what the first page costs. (The equivalent
 * `created_at < ? OR (created_at = ? AND id < ?)` cannot be a range: SQLite walks every newer post.)
 */
export function feedPageQuery(db: TenantDb, options: { neighbourhoodId: string | SQLWrapper; access: FeedAccess; cursor: FeedCursor | null }) {
  const conditions: SQL[] = [eq(posts.neighbourhoodId, options.neighbourhoodId), eq(posts.status, "published")];
  if (options.access === "shared_only") conditions.push(SHARED_WITH_CORPORATION);
  if (options.cursor) conditions.push(sql`(${posts.createdAt}, ${posts.id}) < (${options.cursor.createdAt}, ${options.cursor.id})`);
  return db
    .select({
      id: posts.id,
      kind: posts.kind,
      title: posts.title,
      body: posts.body,
      visibleToCorporation: posts.visibleToCorporation,
      createdAt: posts.createdAt,
      authorName: sql<string | null>`${users.displayName}`,
      authorStreet: users.street,
      authorRole: users.role,
    })
    .from(posts)
    .leftJoin(users, eq(users.id, posts.authorId))
    .where(and(...conditions))
    .orderBy(desc(posts.createdAt), desc(posts.id))
    .limit(FEED_PAGE_SIZE + 1);
}

/** The neighbourhood a feed URL names (batched with its first page: one round trip). */
export function neighbourhoodBySlugQuery(db: TenantDb, slug: string) {
  return db.select().from(neighbourhoods).where(eq(neighbourhoods.slug, slug)).limit(1);
}

/** The id of the neighbourhood with this slug, as a subquery for feedPageQuery in the same batch. */
export function neighbourhoodIdBySlug(db: TenantDb, slug: string): SQLWrapper {
  return db.select({ id: neighbourhoods.id }).from(neighbourhoods).where(eq(neighbourhoods.slug, slug));
}
