// The one place where reactions are written. One reaction per person per post: the same kind again
// takes it back, another kind replaces it. Notifications about reactions hook in here (setReaction).
import { and, eq, sql } from "drizzle-orm";
import type { ReactionKind } from "@buurtplein/core";
import { tenantSchema, type TenantDb } from "@buurtplein/db";

const { reactions } = tenantSchema;

/**
 * Sets (or takes back) this person's reaction and answers the post's counts per kind, in one
 * transaction. `current` is the person's reaction as just read with the post.
 */
export async function setReaction(db: TenantDb, input: { postId: string; userId: string; kind: ReactionKind; current: string | null }) {
  const takeBack = input.current === input.kind;
  const write = takeBack
    ? db.delete(reactions).where(and(eq(reactions.postId, input.postId), eq(reactions.userId, input.userId)))
    : db
        .insert(reactions)
        .values({ postId: input.postId, userId: input.userId, kind: input.kind, createdAt: Date.now() })
        .onConflictDoUpdate({ target: [reactions.postId, reactions.userId], set: { kind: input.kind, createdAt: Date.now() } });
  const [, counts] = await db.batch([
    write,
    db
      .select({ kind: reactions.kind, count: sql<number>`count(*)`.mapWith(Number) })
      .from(reactions)
      .where(eq(reactions.postId, input.postId))
      .groupBy(reactions.kind),
  ]);
  return { myReaction: takeBack ? null : input.kind, counts };
}
