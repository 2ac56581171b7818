import { z } from "zod";

/**
 * PATCH /api/me: what neighbours see of you. The street is optional and never a house number, so
 * digits are refused with a friendly message.
 */
export const ZUpdateProfileInput = z.object({
  displayName: z
    .string({ error: "Vul je naam in." })
    .trim()
    .min(2, "Je naam moet minstens 2 tekens lang zijn.")
    .max(80, "Je naam mag hoogstens 80 tekens lang zijn."),
  street: z
    .string()
    .trim()
    .max(80, "De straatnaam mag hoogstens 80 tekens lang zijn.")
    .refine((street) => !/\d/.test(street), "Vul alleen de straatnaam in, zonder huisnummer. Zo blijft je adres privé.")
    .nullish()
    .transform((street) => (street ? street : null)),
});
export type TUpdateProfileInput = z.infer<typeof ZUpdateProfileInput>;
