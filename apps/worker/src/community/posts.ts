// One post after posting: its page (GET, with replies), changes by its author (text, sharing, solved),
// by staff (pin; solved at the help desk), deleting, replies (one level) and reactions. What anyone may
// see comes from post-access.ts; what may change, from packages/core/src/community/post-changes.ts.
import { Hono } from "hono";
import { and, desc, eq, isNotNull, notInArray } from "drizzle-orm";
import {
  AppError,
  assertMayDelete,
  assertNotArchived,
  assertPostChangeAllowed,
  can,
  isAuthor,
  MAX_PINNED_POSTS,
  ZReactionInput,
  ZReplyInput,
  ZUpdatePostInput,
  type PostDetails,
} from "@buurtplein/core";
import { tenantSchema, type TenantDb } from "@buurtplein/db";
import type { Actor, AppEnv } from "../env.ts";
import { audit } from "../lib/audit.ts";
import { parseInput, readJson } from "../lib/errors.ts";
import { requireActor, tenantSite } from "../middleware/session.ts";
import { hitContentLimit } from "./content-rate-limits.ts";
import { postByIdQuery, presentModeration, presentPost, replyByIdQuery, repliesQuery } from "./feed-query.ts";
import { assertNotHidden, assertNotSuspended, kindnessCheck } from "../moderation/moderation-guards.ts";
import { readerOf, type Reader } from "./post-access.ts";
import { setReaction } from "./reactions.ts";
import { createReply, deleteReply, editReply } from "./replies.ts";
import { notify } from "../notifications/notify.ts";
import { deleteUnusedPhotoFiles, photoKeysOfPost } from "./photos.ts";

const { posts, replies, reactions } = tenantSchema;

/** Ids are UUIDs; anything else cannot name a post (404 without asking the database). */
const ID = /^[\w-]{1,64}$/;

function notFound(): AppError {
  return new AppError("not_found", { message: "apiErrors.posts.notFound" });
}

/**
 * The post as this person may see it, or 404: unknown, another corporation's (another database),
 * not shared with staff, or in a neighbourhood they do not belong to — all look the same.
 */
async function findReadablePost(db: TenantDb, actor: Actor | null, id: string) {
  if (!ID.test(id)) throw notFound();
  const reader = readerOf(actor);
  const [row] = await postByIdQuery(db, id, reader);
  if (!row || !actor || !can(actor, "feed.read", { neighbourhoodId: row.neighbourhoodId })) throw notFound();
  return { row, reader };
}

function presentFull(row: Awaited<ReturnType<typeof postByIdQuery>>[number], reader: Reader, replyRows: Awaited<ReturnType<typeof repliesQuery>>) {
  const { neighbourhoodSlug, neighbourhoodName, neighbourhoodArchivedAt, hidden, ...post } = row;
  return {
    ...presentPost(post, reader),
    neighbourhood: { slug: neighbourhoodSlug, name: neighbourhoodName, archived: neighbourhoodArchivedAt !== null },
    // Only ever set for the author: post-access.ts shows a hidden post to nobody else.
    moderation: presentModeration(hidden),
    replies: replyRows.map(({ authorId, hidden: replyHidden, ...reply }) => ({ ...reply, mine: authorId !== null && authorId === reader.userId, moderation: presentModeration(replyHidden) })),
  };
}

/** The facts the change rules need. */
function facts(row: { kind: string; authorId: string | null; neighbourhoodId: string; visibleToCorporation: boolean; neighbourhoodArchivedAt: number | null }) {
  return { kind: row.kind, authorId: row.authorId, neighbourhoodId: row.neighbourhoodId, visibleToCorporation: row.visibleToCorporation, archived: row.neighbourhoodArchivedAt !== null };
}

export const postRoutes = new Hono<AppEnv>()

// GET /api/posts/:id — one post with its replies and reaction counts, as far as this person may read it.
// One round trip: the post and its replies in one batch; access is decided before answering.
.get("/:id", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requireActor(c.get("actor"));
  const id = c.req.param("id");
  if (!ID.test(id)) throw notFound();
  const reader = readerOf(actor);
  const [[row], replyRows] = await site.db.batch([postByIdQuery(site.db, id, reader), repliesQuery(site.db, id, reader)]);
  if (!row || !can(actor, "feed.read", { neighbourhoodId: row.neighbourhoodId })) throw notFound();
  return c.json({ access: reader.access, post: presentFull(row, reader, replyRows) });
})

// PATCH /api/posts/:id — the author changes title, text, details or sharing, marks solved; staff pin
// announcements (and may mark solved at the help desk). Only text changes show "bewerkt".
.patch("/:id", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requireActor(c.get("actor"));
  const { row, reader } = await findReadablePost(site.db, actor, c.req.param("id"));
  assertNotHidden(row.hidden);
  const input = parseInput(ZUpdatePostInput, await readJson(c));
  assertPostChangeAllowed(actor, facts(row), input);
  const now = Date.now();
  const changesContent = input.title !== undefined || input.body !== undefined || input.safety !== undefined || input.skills !== undefined;
  const details: PostDetails = { ...(row.details as PostDetails | null) };
  if (input.safety !== undefined) details.safety = input.safety;
  if (input.skills !== undefined) {
    if (input.skills.length > 0) details.skills = input.skills;
    else delete details.skills;
  }
  await site.db
    .update(posts)
    .set({
      ...(input.title !== undefined ? { title: input.title || null } : {}),
      ...(input.body !== undefined ? { body: input.body } : {}),
      ...(input.safety !== undefined || input.skills !== undefined ? { details: Object.keys(details).length > 0 ? details : null } : {}),
      ...(changesContent ? { editedAt: now } : {}),
      ...(input.visibleToCorporation !== undefined ? { visibleToCorporation: input.visibleToCorporation } : {}),
      ...(input.solved !== undefined ? { solvedAt: input.solved ? (row.solvedAt ?? now) : null } : {}),
      ...(input.pinned !== undefined ? { pinnedAt: input.pinned ? (row.pinnedAt ?? now) : null } : {}),
      updatedAt: now,
    })
    .where(eq(posts.id, row.id));
  // A neighbourhood shows at most MAX_PINNED_POSTS pins: a new pin lets go of the oldest beyond that
  // (pinned posts stay out of the feed's stream, so a hidden pin would hide its post).
  if (input.pinned && row.pinnedAt === null) await unpinBeyondLimit(site.db, row.neighbourhoodId);
  // Staff acting on a post that is not theirs is accounted for (help desk "opgelost", pinning).
  if (!isAuthor(actor, row) && (input.solved !== undefined || input.pinned !== undefined)) {
    const action = input.pinned !== undefined ? (input.pinned ? "post.pinned" : "post.unpinned") : input.solved ? "post.marked_solved" : "post.marked_unsolved";
    await audit(site.db, { actorId: actor.userId, action, subject: row.id });
  }
  const [[updated], replyRows] = await site.db.batch([postByIdQuery(site.db, row.id, reader), repliesQuery(site.db, row.id, reader)]);
  // A staff member's own view after an author-only change cannot happen (authors are members); the
  // post may however have left a staff reader's view (never by their own change).
  if (!updated) throw notFound();
  return c.json({ post: presentFull(updated, reader, replyRows) });
})

// DELETE /api/posts/:id — the author deletes their post, with its replies and reactions (also in an
// archived neighbourhood: taking away is always possible).
.delete("/:id", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requireActor(c.get("actor"));
  const { row } = await findReadablePost(site.db, actor, c.req.param("id"));
  assertMayDelete(actor, row);
  const photoKeys = await photoKeysOfPost(site.db, row.id);
  await site.db.batch([
    site.db.delete(reactions).where(eq(reactions.postId, row.id)),
    site.db.delete(replies).where(eq(replies.postId, row.id)),
    site.db.delete(tenantSchema.photos).where(eq(tenantSchema.photos.postId, row.id)),
    site.db.delete(posts).where(eq(posts.id, row.id)),
  ]);
  // Its photos' files go too, unless the same picture is on another post.
  await deleteUnusedPhotoFiles(c, site, photoKeys);
  return c.json({ ok: true as const, neighbourhood: row.neighbourhoodSlug });
})

// POST /api/posts/:id/replies — one level of replies; 201 with the reply.
.post("/:id/replies", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requireActor(c.get("actor"));
  const { row } = await findReadablePost(site.db, actor, c.req.param("id"));
  if (!can(actor, "post.reply", { neighbourhoodId: row.neighbourhoodId })) throw new AppError("forbidden", { message: "apiErrors.posts.cannotReply" });
  assertNotHidden(row.hidden);
  const raw = await readJson(c);
  const input = parseInput(ZReplyInput, raw);
  assertNotArchived({ archivedAt: row.neighbourhoodArchivedAt });
  await assertNotSuspended(site.db, actor.userId);
  kindnessCheck(c.get("settings"), input.body, raw);
  // Counted only for replies that would be placed: a refused or invalid one costs nothing.
  await hitContentLimit(site.client, "reply", actor.userId);
  const reply = await createReply(site.db, { post: row, authorId: actor.userId, body: input.body });
  await noticeReply(site.db, row, actor);
  return c.json({ reply: { ...reply, authorName: actor.displayName, mine: true } }, 201);
})

// PATCH /api/posts/:id/replies/:replyId — the author edits their reply ("bewerkt").
.patch("/:id/replies/:replyId", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requireActor(c.get("actor"));
  const reply = await findReadableReply(site.db, actor, c.req.param("id"), c.req.param("replyId"));
  if (!isAuthor(actor, reply)) throw new AppError("forbidden", { message: "apiErrors.posts.notYours" });
  assertNotHidden(reply.status === "hidden" ? "hidden" : null);
  const input = parseInput(ZReplyInput, await readJson(c));
  assertNotArchived(reply);
  return c.json({ reply: await editReply(site.db, reply.id, input.body) });
})

// DELETE /api/posts/:id/replies/:replyId — the author deletes their reply.
.delete("/:id/replies/:replyId", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requireActor(c.get("actor"));
  const reply = await findReadableReply(site.db, actor, c.req.param("id"), c.req.param("replyId"));
  assertMayDelete(actor, reply);
  await deleteReply(site.db, reply.id, actor.userId);
  return c.json({ ok: true as const });
})

// POST /api/posts/:id/reactions { kind } — set your reaction; the same kind again takes it back, another
// kind replaces it. 200 with your reaction and the counts per kind (never who).
.post("/:id/reactions", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requireActor(c.get("actor"));
  const { row } = await findReadablePost(site.db, actor, c.req.param("id"));
  if (!can(actor, "post.react", { neighbourhoodId: row.neighbourhoodId })) throw new AppError("forbidden", { message: "apiErrors.posts.cannotReact" });
  assertNotHidden(row.hidden);
  const input = parseInput(ZReactionInput, await readJson(c));
  assertNotArchived({ archivedAt: row.neighbourhoodArchivedAt });
  await assertNotSuspended(site.db, actor.userId);
  await hitContentLimit(site.client, "reaction", actor.userId);
  const result = await setReaction(site.db, { postId: row.id, userId: actor.userId, kind: input.kind, current: row.myReaction });
  // A new reaction (not one taken back or changed) tells the author, grouped per post.
  if (result.myReaction !== null && row.myReaction === null && row.authorId) {
    await notify(site.db, { to: [row.authorId], kind: "reaction", ...aboutPost(row), actorId: actor.userId, params: { name: actor.displayName, title: postLabel(row) } });
  }
  const reactionCounts = JSON.stringify(Object.fromEntries(result.counts.map(({ kind, count }) => [kind, count])));
  const { reactions: counts } = presentPost({ reactionCounts, myReaction: result.myReaction, authorId: null }, readerOf(actor));
  return c.json({ reaction: result.myReaction, reactions: counts });
});

type ReadablePost = { id: string; authorId: string | null; neighbourhoodId: string; neighbourhoodSlug: string; title: string | null; body: string };

/** What a notification about a post points at. */
function aboutPost(row: ReadablePost) {
  return { neighbourhoodId: row.neighbourhoodId, subjectId: row.id, url: `/buurt/${row.neighbourhoodSlug}/berichten/${row.id}` };
}

/** The post as a notification names it: its title, or the start of its text. */
function postLabel(row: ReadablePost): string {
  if (row.title) return row.title;
  return row.body.length > 40 ? `${row.body.slice(0, 40).trimEnd()}…` : row.body;
}

/** A reply tells the post's author and everyone who replied before (never the one replying). */
async function noticeReply(db: TenantDb, row: ReadablePost, actor: { userId: string; displayName: string }): Promise<void> {
  const earlier = await db.selectDistinct({ authorId: replies.authorId }).from(replies).where(eq(replies.postId, row.id));
  const to = [row.authorId, ...earlier.map((reply) => reply.authorId)].filter((id): id is string => id !== null);
  await notify(db, { to, kind: "reply", ...aboutPost(row), actorId: actor.userId, params: { name: actor.displayName, title: postLabel(row) } });
}

async function unpinBeyondLimit(db: TenantDb, neighbourhoodId: string): Promise<void> {
  const kept = db
    .select({ id: posts.id })
    .from(posts)
    .where(and(eq(posts.neighbourhoodId, neighbourhoodId), isNotNull(posts.pinnedAt)))
    .orderBy(desc(posts.pinnedAt), desc(posts.id))
    .limit(MAX_PINNED_POSTS);
  await db
    .update(posts)
    .set({ pinnedAt: null })
    .where(and(eq(posts.neighbourhoodId, neighbourhoodId), isNotNull(posts.pinnedAt), notInArray(posts.id, kept)));
}

async function findReadableReply(db: TenantDb, actor: Actor, postId: string, replyId: string) {
  if (!ID.test(postId) || !ID.test(replyId)) throw new AppError("not_found", { message: "apiErrors.posts.replyNotFound" });
  const [reply] = await replyByIdQuery(db, postId, replyId, readerOf(actor));
  if (!reply || !can(actor, "feed.read", { neighbourhoodId: reply.neighbourhoodId })) throw new AppError("not_found", { message: "apiErrors.posts.replyNotFound" });
  return reply;
}
