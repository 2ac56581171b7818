// THE one place that says who reads which posts and replies. Residents own their neighbourhood space:
// members read everything published in their neighbourhood; the corporation's staff read only what
// authors shared with the corporation (and announcements), and of the replies only those written
// while their post was shared, as long as it still is. Every read of posts and replies — the feed,
// a post's page, counts, and what comes later (search, notifications, export) — takes its condition
// from here, never writes its own. Whether someone may open a neighbourhood at all is `can(actor,
// "feed.read", …)`; this module decides what they see there.
import { and, eq, or, sql, type SQL } from "drizzle-orm";
import { feedAccess, type FeedAccess } from "@buurtplein/core";
import { tenantSchema } from "@buurtplein/db";
import type { Actor } from "../env.ts";

const { posts, replies } = tenantSchema;

/** Who reads: how much (feedAccess of their role) and who they are (for "my reaction"). */
export interface Reader {
  access: FeedAccess;
  userId: string | null;
}

export function readerOf(actor: Actor | null): Reader {
  return actor ? { access: feedAccess(actor.role), userId: actor.userId } : { access: "shared_only", userId: null };
}

/**
 * What staff may read, as the third column of the index posts_shared_feed_idx
 * (packages/db/src/tenant/schema.ts): SQLite only matches an indexed expression written the same way,
 * literals included, so keep the two identical.
 */
export const SHARED_WITH_CORPORATION = sql`(${posts.visibleToCorporation} = 1 OR ${posts.kind} = 'announcement') = 1`;

/**
 * The posts this reader may see in lists (the feed; combine with the neighbourhood they may open).
 * A post a moderator hid ("hidden") is in no list, for anyone — its author finds it on its own page
 * (readablePost) and under "Mijn meldingen" with the reason.
 */
export function readablePosts(reader: Reader): SQL {
  const published = eq(posts.status, "published");
  return reader.access === "shared_only" ? and(published, SHARED_WITH_CORPORATION)! : published;
}

/**
 * One post opened by id (its page, changing it, replying): what readablePosts allows, and the reader's
 * own post that a moderator hid, so they can read the reason and appeal. Nobody else sees a hidden post.
 */
export function readablePost(reader: Reader): SQL {
  const visible = or(eq(posts.status, "published"), reader.userId ? and(eq(posts.status, "hidden"), eq(posts.authorId, reader.userId)) : sql`0`)!;
  return reader.access === "shared_only" ? and(visible, SHARED_WITH_CORPORATION)! : visible;
}

/**
 * The replies this reader may see. For staff: shared when written, and their post still shared (checked
 * here too, so a reply query is right on its own, e.g. in search).
 */
export function readableReplies(reader: Reader): SQL {
  // A reply a moderator hid is gone for everyone but its author (who sees it with the reason).
  const published = or(eq(replies.status, "published"), reader.userId ? and(eq(replies.status, "hidden"), eq(replies.authorId, reader.userId)) : sql`0`)!;
  if (reader.access === "full") return published;
  return and(
    published,
    eq(replies.visibleToCorporation, true),
    sql`EXISTS (SELECT 1 FROM ${posts} AS shared_post WHERE shared_post.id = ${replies.postId} AND shared_post.status = 'published'
                AND (shared_post.visible_to_corporation = 1 OR shared_post.kind = 'announcement'))`,
  )!;
}

/** Whether a reply written now under this post is shared with the corporation (the reply form says so). */
export function replySharedWithCorporation(post: { visibleToCorporation: boolean; kind: string }): boolean {
  return post.visibleToCorporation || post.kind === "announcement";
}
