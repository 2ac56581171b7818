// Post kinds, without zod, so that pages can import them without shipping a validator to browsers.
export const POST_KINDS = ["message", "question", "help_request", "offer", "lost_found", "idea", "announcement", "safety"] as const;
export type PostKind = (typeof POST_KINDS)[number];

/** Kinds only staff may publish. */
export const STAFF_ONLY_POST_KINDS: readonly PostKind[] = ["announcement"];

/** Kinds with a form of their own (the safety form asks for behaviour, never appearance or origin). */
export const OWN_FORM_POST_KINDS: readonly PostKind[] = ["safety"];

/** Kinds that can be marked "opgelost" (solved). */
export const SOLVABLE_POST_KINDS: readonly PostKind[] = ["help_request", "lost_found"];

/** Kinds staff can pin above the feed. */
export const PINNABLE_POST_KINDS: readonly PostKind[] = ["announcement"];

/** What help offered can be about (a fixed list: filterable, translatable). */
export const SKILLS = ["groceries", "transport", "computer_help", "odd_jobs", "gardening", "company", "pets", "paperwork", "language"] as const;
export type Skill = (typeof SKILLS)[number];

/** Kinds whose author can list skills. */
export const SKILL_POST_KINDS: readonly PostKind[] = ["offer"];

/** A small fixed set of reactions: one per person per post, never shown with names. */
export const REACTION_KINDS = ["heart", "thumbs_up", "thanks", "smile"] as const;
export type ReactionKind = (typeof REACTION_KINDS)[number];

export const REACTION_EMOJI: Record<ReactionKind, string> = { heart: "❤️", thumbs_up: "👍", thanks: "🙏", smile: "😊" };

/** How many announcements a neighbourhood shows pinned above its feed (the newest pins). */
export const MAX_PINNED_POSTS = 3;

export function isPostKind(value: string): value is PostKind {
  return (POST_KINDS as readonly string[]).includes(value);
}
