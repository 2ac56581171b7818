import { z } from "zod";

/**
 * PATCH /api/me: what neighbours see of you. The street is optional and never a house number, so
 * digits are refused with a friendly message.
 */
export const ZUpdateProfileInput = z.object({
  displayName: z
    .string({ error: "validation.profile.nameMissing" })
    .trim()
    .min(2, "validation.profile.nameTooShort")
    .max(80, "validation.profile.nameTooLong80"),
  street: z
    .string()
    .trim()
    .max(80, "validation.profile.streetTooLong")
    .refine((street) => !/\d/.test(street), "validation.profile.streetNoNumber")
    .nullish()
    .transform((street) => (street ? street : null)),
});
export type TUpdateProfileInput = z.infer<typeof ZUpdateProfileInput>;
