// What an admin fills in to create or change a neighbourhood.
import { z } from "zod";
import { blankToUndefined } from "../invites/blank-to-undefined.ts";

export const NEIGHBOURHOOD_KINDS = ["existing", "new_build"] as const;
export type NeighbourhoodKind = (typeof NEIGHBOURHOOD_KINDS)[number];

const name = z
  .string({ error: "validation.neighbourhood.nameMissing" })
  .trim()
  .min(2, { error: "validation.neighbourhood.nameTooShort" })
  .max(80, { error: "validation.neighbourhood.nameTooLong" });
const kind = z.enum(NEIGHBOURHOOD_KINDS, { error: "validation.neighbourhood.kind" });
/** Optional text: "" (an emptied form field) and null mean "none". */
const optionalText = (max: number, error: "validation.neighbourhood.cityTooLong" | "validation.neighbourhood.descriptionTooLong") =>
  z.preprocess(blankToUndefined, z.string({ error }).trim().max(max, { error }).optional());

export const ZCreateNeighbourhoodInput = z.object({
  name,
  kind,
  city: optionalText(80, "validation.neighbourhood.cityTooLong"),
  description: optionalText(500, "validation.neighbourhood.descriptionTooLong"),
});
export type TCreateNeighbourhoodInput = z.infer<typeof ZCreateNeighbourhoodInput>;

/** A change: only what is given changes; an empty city or description clears it. */
export const ZUpdateNeighbourhoodInput = z.object({
  name: name.optional(),
  kind: kind.optional(),
  city: z.union([z.literal(""), z.null(), z.string().trim().max(80, { error: "validation.neighbourhood.cityTooLong" })], { error: "validation.neighbourhood.cityTooLong" }).optional(),
  description: z
    .union([z.literal(""), z.null(), z.string().trim().max(500, { error: "validation.neighbourhood.descriptionTooLong" })], { error: "validation.neighbourhood.descriptionTooLong" })
    .optional(),
});
export type TUpdateNeighbourhoodInput = z.infer<typeof ZUpdateNeighbourhoodInput>;
