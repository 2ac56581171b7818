// The feed's statements, shared by the API route and the feed benchmark (bench/feed.ts), so both
// measure and run exactly the same SQL.
import { and, desc, eq, lt, or, sql } from "drizzle-orm";
import type { FeedAccess } from "@buurtplein/core";
import { tenantSchema, type TenantDb } from "@buurtplein/db";

const { neighbourhoods, posts, users } = tenantSchema;

export interface FeedPageInput {
  slug: string;
  /** What the reader may see: everything, or only what residents shared with the corporation. */
  access: FeedAccess;
  cursor: { createdAt: number; id: string } | null;
  limit: number;
}

/**
 * The neighbourhood by slug and one page of its published posts, newest first, as two statements to
 * send in one batch (one round trip). The caller checks access to the neighbourhood before answering.
 */
export function feedPageQueries(db: TenantDb, { slug, access, cursor, limit }: FeedPageInput) {
  const neighbourhoodId = db.select({ id: neighbourhoods.id }).from(neighbourhoods).where(eq(neighbourhoods.slug, slug));
  const conditions = [eq(posts.neighbourhoodId, neighbourhoodId), eq(posts.status, "published")];
  if (access === "shared_only") conditions.push(or(eq(posts.visibleToCorporation, true), eq(posts.kind, "announcement"))!);
  if (cursor) {
    conditions.push(or(lt(posts.createdAt, cursor.createdAt), and(eq(posts.createdAt, cursor.createdAt), lt(posts.id, cursor.id)))!);
  }
  return [
    db.select().from(neighbourhoods).where(eq(neighbourhoods.slug, slug)).limit(1),
    db
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
      .limit(limit),
  ] as const;
}
