import { z } from "zod";

import { POST_KINDS, SKILL_POST_KINDS, SKILLS, type PostKind } from "./post-kinds.ts";

export const POST_TITLE_MAX = 120;
export const POST_BODY_MAX = 5000;
/** A post shows at most 4 photos. */
export const MAX_PHOTOS_PER_POST = 4;
/** Alt text of a photo. */
export const PHOTO_ALT_MAX = 300;
export const SAFETY_WHERE_MAX = 120;
export const SAFETY_BEHAVIOUR_MAX = 1000;

/** "2026-11-30T22:15": a local date and time as an <input type="datetime-local"> sends it. */
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

function isRealLocalDateTime(value: string): boolean {
  const match = LOCAL_DATE_TIME.exec(value);
  if (!match) return false;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day && hour < 24 && minute < 60;
}

const optionalTitle = z
  .string()
  .trim()
  .max(POST_TITLE_MAX, "validation.post.titleTooLong")
  .nullish()
  .transform((value) => (value ? value : undefined));

const body = z.string().trim().min(1, "validation.post.bodyMissing").max(POST_BODY_MAX, "validation.post.bodyTooLong");

/**
 * A safety post's structure: where and when, and what someone DID. There is deliberately no field for
 * what anyone looks like or where they come from (the form explains why).
 */
export const ZSafetyDetails = z.object({
  where: z.string({ error: "validation.safety.whereMissing" }).trim().min(1, "validation.safety.whereMissing").max(SAFETY_WHERE_MAX, "validation.safety.whereTooLong"),
  when: z
    .string({ error: "validation.safety.whenMissing" })
    .trim()
    .min(1, "validation.safety.whenMissing")
    .refine(isRealLocalDateTime, "validation.safety.whenInvalid"),
  behaviour: z
    .string({ error: "validation.safety.behaviourMissing" })
    .trim()
    .min(1, "validation.safety.behaviourMissing")
    .max(SAFETY_BEHAVIOUR_MAX, "validation.safety.behaviourTooLong"),
});
export type TSafetyDetails = z.infer<typeof ZSafetyDetails>;

const skills = z
  .array(z.enum(SKILLS, { error: "validation.post.skillUnknown" }), { error: "validation.post.skillUnknown" })
  .max(SKILLS.length, "validation.post.skillUnknown")
  .transform((list) => [...new Set(list)]);

/** What a kind adds to a post's text, as stored in posts.details. */
export interface PostDetails {
  safety?: TSafetyDetails;
  skills?: (typeof SKILLS)[number][];
}

/** The details to store for a kind: safety for safety posts, skills for help offered, nothing else. */
export function detailsFor(kind: PostKind, input: { safety?: TSafetyDetails | undefined; skills?: PostDetails["skills"] | undefined }): PostDetails | null {
  if (kind === "safety" && input.safety) return { safety: input.safety };
  if (SKILL_POST_KINDS.includes(kind) && input.skills && input.skills.length > 0) return { skills: input.skills };
  return null;
}

export const ZCreatePostInput = z
  .object({
    kind: z.enum(POST_KINDS, { error: "validation.post.kindMissing" }),
    title: optionalTitle,
    body,
    visibleToCorporation: z.boolean().optional().default(false),
    /** Required for kind "safety", refused for any other. */
    safety: ZSafetyDetails.optional(),
    /** Only for help offered (kind "offer"). */
    skills: skills.optional(),
    /** Photos uploaded first (POST /api/uploads) by the author, not yet on a post; at most 4, in this order. */
    photoIds: z
      .array(z.string().regex(/^[\w-]{1,64}$/, "media.errors.notYours"), { error: "media.errors.notYours" })
      .max(MAX_PHOTOS_PER_POST, "media.errors.tooMany")
      .transform((list) => [...new Set(list)])
      .optional(),
  })
  .superRefine((input, context) => {
    if (input.kind === "safety" && !input.safety) context.addIssue({ code: "custom", path: ["safety"], message: "validation.safety.detailsMissing" });
    if (input.kind !== "safety" && input.safety) context.addIssue({ code: "custom", path: ["safety"], message: "validation.safety.onlyForSafety" });
    if (!SKILL_POST_KINDS.includes(input.kind) && input.skills && input.skills.length > 0) {
      context.addIssue({ code: "custom", path: ["skills"], message: "validation.post.skillsOnlyForOffers" });
    }
  });
export type TCreatePostInput = z.infer<typeof ZCreatePostInput>;
