import { z } from "zod";

import { POST_KINDS } from "./post-kinds.ts";

export const ZCreatePostInput = z.object({
  kind: z.enum(POST_KINDS, { error: "validation.post.kindMissing" }),
  title: z
    .string()
    .trim()
    .max(120, "validation.post.titleTooLong")
    .optional()
    .transform((value) => (value ? value : undefined)),
  body: z.string().trim().min(1, "validation.post.bodyMissing").max(5000, "validation.post.bodyTooLong"),
  visibleToCorporation: z.boolean().optional().default(false),
});
export type TCreatePostInput = z.infer<typeof ZCreatePostInput>;
