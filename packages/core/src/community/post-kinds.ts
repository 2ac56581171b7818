// Post kinds, without zod, so that pages can import them without shipping a validator to browsers.
export const POST_KINDS = ["message", "question", "help_request", "offer", "lost_found", "idea", "announcement"] as const;
export type PostKind = (typeof POST_KINDS)[number];

/** Kinds only staff may publish. */
export const STAFF_ONLY_POST_KINDS: readonly PostKind[] = ["announcement"];
