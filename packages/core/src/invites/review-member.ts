// Moderators (and ambassadors in their own neighbourhood) decide about people waiting to join.
import { z } from "zod";

export const ZRejectMemberInput = z.object({
  /** Shown to the person: say why, and what they can do. */
  message: z
    .string({ error: "validation.review.noteMissing" })
    .trim()
    .min(2, { error: "validation.review.noteMissing" })
    .max(500, { error: "validation.review.noteTooLong" }),
});
export type TRejectMemberInput = z.infer<typeof ZRejectMemberInput>;

export const ZMembershipSettingsInput = z.object({
  requireMemberApproval: z.boolean({ error: "validation.review.onOrOff" }),
});
export type TMembershipSettingsInput = z.infer<typeof ZMembershipSettingsInput>;
