// What may change on a post after posting, by whom, and the inputs of replies and reactions. The API
// (apps/worker/src/community/posts.ts) checks here before it writes; the unit tests list the rules.
import { z } from "zod";
import { AppError } from "../errors/app-error.ts";
import { can, type AuthorizationActor } from "../identity/authorization.ts";
import { PINNABLE_POST_KINDS, REACTION_KINDS, SKILL_POST_KINDS, SOLVABLE_POST_KINDS, type PostKind } from "./post-kinds.ts";
import { POST_BODY_MAX, POST_TITLE_MAX, ZSafetyDetails } from "./create-post.ts";
import { SKILLS } from "./post-kinds.ts";

export const REPLY_BODY_MAX = 2000;

/** PATCH /api/posts/:id: any of these; an absent field stays as it is. */
export const ZUpdatePostInput = z
  .object({
    /** null or "" clears the title. */
    title: z.string().trim().max(POST_TITLE_MAX, "validation.post.titleTooLong").nullable().optional(),
    body: z.string().trim().min(1, "validation.post.bodyMissing").max(POST_BODY_MAX, "validation.post.bodyTooLong").optional(),
    safety: ZSafetyDetails.optional(),
    skills: z
      .array(z.enum(SKILLS, { error: "validation.post.skillUnknown" }), { error: "validation.post.skillUnknown" })
      .max(SKILLS.length, "validation.post.skillUnknown")
      .transform((list) => [...new Set(list)])
      .optional(),
    visibleToCorporation: z.boolean({ error: "validation.review.onOrOff" }).optional(),
    solved: z.boolean({ error: "validation.review.onOrOff" }).optional(),
    pinned: z.boolean({ error: "validation.review.onOrOff" }).optional(),
  })
  // Other fields (kind, author, …) cannot change and are ignored, so a client may send the whole post back.
  .refine((input) => Object.values(input).some((value) => value !== undefined), { message: "validation.post.nothingToChange" });
export type TUpdatePostInput = z.infer<typeof ZUpdatePostInput>;

export const ZReplyInput = z.object({
  body: z.string({ error: "validation.reply.bodyMissing" }).trim().min(1, "validation.reply.bodyMissing").max(REPLY_BODY_MAX, "validation.reply.bodyTooLong"),
});
export type TReplyInput = z.infer<typeof ZReplyInput>;

export const ZReactionInput = z.object({
  kind: z.enum(REACTION_KINDS, { error: "validation.reaction.kindUnknown" }),
});

/** The facts about a post the rules need. */
export interface PostFacts {
  kind: PostKind | string;
  authorId: string | null;
  neighbourhoodId: string;
  visibleToCorporation: boolean;
  /** The neighbourhood is archived: it keeps its history and takes nothing new. */
  archived: boolean;
}

export interface ChangeActor extends AuthorizationActor {
  userId: string;
}

export function isAuthor(actor: ChangeActor, post: { authorId: string | null }): boolean {
  return post.authorId !== null && post.authorId === actor.userId;
}

/** Whether this person may mark this post solved (or not solved): its author, or staff (help-desk work). */
export function maySetSolved(actor: ChangeActor, post: PostFacts): boolean {
  return SOLVABLE_POST_KINDS.includes(post.kind as PostKind) && (isAuthor(actor, post) || can(actor, "post.mark_solved", { neighbourhoodId: post.neighbourhoodId }));
}

/**
 * Throws the AppError that refuses this change, or returns quietly when it is allowed. The caller has
 * already made sure the person may read the post (community/post-access.ts).
 */
export function assertPostChangeAllowed(actor: ChangeActor, post: PostFacts, input: TUpdatePostInput): void {
  const author = isAuthor(actor, post);
  const changesContent = input.title !== undefined || input.body !== undefined || input.safety !== undefined || input.skills !== undefined;
  if ((changesContent || input.visibleToCorporation !== undefined) && !author) throw new AppError("forbidden", { message: "apiErrors.posts.notYours" });
  if (input.solved !== undefined && !maySetSolved(actor, post)) {
    if (!SOLVABLE_POST_KINDS.includes(post.kind as PostKind)) throw new AppError("invalid_input", { fields: { solved: "validation.post.notSolvable" } });
    throw new AppError("forbidden", { message: "apiErrors.posts.notYours" });
  }
  if (input.pinned !== undefined) {
    if (!can(actor, "post.pin", { neighbourhoodId: post.neighbourhoodId })) throw new AppError("forbidden", { message: "apiErrors.posts.pinStaffOnly" });
    if (!PINNABLE_POST_KINDS.includes(post.kind as PostKind)) throw new AppError("invalid_input", { fields: { pinned: "validation.post.notPinnable" } });
  }
  if (input.safety !== undefined && post.kind !== "safety") throw new AppError("invalid_input", { fields: { safety: "validation.safety.onlyForSafety" } });
  if (input.skills !== undefined && input.skills.length > 0 && !SKILL_POST_KINDS.includes(post.kind as PostKind)) {
    throw new AppError("invalid_input", { fields: { skills: "validation.post.skillsOnlyForOffers" } });
  }
  if (input.visibleToCorporation === false && post.kind === "announcement") {
    throw new AppError("invalid_input", { fields: { visibleToCorporation: "validation.post.announcementAlwaysShared" } });
  }
  // An archived neighbourhood takes nothing new; withdrawing what was shared still works (it takes away).
  const onlyWithdraws = !changesContent && input.solved === undefined && input.pinned === undefined && input.visibleToCorporation === false;
  if (post.archived && !onlyWithdraws) throw new AppError("neighbourhood_archived");
}

/** Deleting a post or reply: only its author (moderators hide instead; that comes with moderation). */
export function assertMayDelete(actor: ChangeActor, item: { authorId: string | null }): void {
  if (!isAuthor(actor, item)) throw new AppError("forbidden", { message: "apiErrors.posts.notYours" });
}

/** Nothing new in an archived neighbourhood: no posts, replies, reactions or edits. */
export function assertNotArchived(neighbourhood: { archivedAt: number | null }): void {
  if (neighbourhood.archivedAt !== null) throw new AppError("neighbourhood_archived");
}
