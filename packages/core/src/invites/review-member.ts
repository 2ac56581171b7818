// Moderators (and ambassadors in their own neighbourhood) decide about people waiting to join.
import { z } from "zod";

export const ZRejectMemberInput = z.object({
  /** Shown to the person: say why, and what they can do. */
  message: z
    .string({ error: "Schrijf kort waarom, zodat de persoon weet wat hij of zij kan doen." })
    .trim()
    .min(2, { error: "Schrijf kort waarom, zodat de persoon weet wat hij of zij kan doen." })
    .max(500, { error: "Het bericht mag hoogstens 500 tekens lang zijn." }),
});
export type TRejectMemberInput = z.infer<typeof ZRejectMemberInput>;

export const ZMembershipSettingsInput = z.object({
  requireMemberApproval: z.boolean({ error: "Kies aan of uit." }),
});
export type TMembershipSettingsInput = z.infer<typeof ZMembershipSettingsInput>;
