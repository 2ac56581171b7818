import { z } from "zod";

/** The word a person types to confirm that an account and its data go (AVG/GDPR erasure). */
export const DELETE_CONFIRMATION = "VERWIJDER";

/** What happens to the posts: removed with the account, or kept without a name ("Oud-buurtbewoner"). */
export const DELETE_ACCOUNT_MODES = ["remove_posts", "anonymise_posts"] as const;
export type DeleteAccountMode = (typeof DELETE_ACCOUNT_MODES)[number];

/** POST /api/me/delete and POST /api/members/:id/remove. */
export const ZDeleteAccountInput = z.object({
  mode: z.enum(DELETE_ACCOUNT_MODES, { error: "validation.deleteAccount.modeMissing" }),
  confirm: z
    .string({ error: `Typ ${DELETE_CONFIRMATION} om te bevestigen.` })
    .trim()
    .refine((value) => value.toUpperCase() === DELETE_CONFIRMATION, `Typ ${DELETE_CONFIRMATION} om te bevestigen.`),
});
export type TDeleteAccountInput = z.infer<typeof ZDeleteAccountInput>;
