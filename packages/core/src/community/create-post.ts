import { z } from "zod";

import { POST_KINDS } from "./post-kinds.ts";

export const ZCreatePostInput = z.object({
  kind: z.enum(POST_KINDS, { error: "Kies wat voor bericht dit is." }),
  title: z
    .string()
    .trim()
    .max(120, "De titel mag hoogstens 120 tekens zijn.")
    .optional()
    .transform((value) => (value ? value : undefined)),
  body: z.string().trim().min(1, "Schrijf een bericht.").max(5000, "Een bericht mag hoogstens 5000 tekens zijn."),
  visibleToCorporation: z.boolean().optional().default(false),
});
export type TCreatePostInput = z.infer<typeof ZCreatePostInput>;
