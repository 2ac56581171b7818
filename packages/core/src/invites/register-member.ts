// Help desk: a staff member or ambassador registers a resident on their behalf, with their consent.
import { z } from "zod";
import { ZJoinDisplayName, ZJoinEmail, ZJoinStreet } from "./join-neighbourhood.ts";

export const ZRegisterMemberInput = z.object({
  neighbourhood: z.string({ error: "validation.invite.neighbourhoodMissing" }).trim().min(1, { error: "validation.invite.neighbourhoodMissing" }).max(80),
  displayName: ZJoinDisplayName,
  email: ZJoinEmail,
  street: ZJoinStreet,
  consent: z.literal(true, { error: "validation.invite.consent" }),
});
export type TRegisterMemberInput = z.infer<typeof ZRegisterMemberInput>;

/** A help-desk recovery code works this long. */
export const HELP_DESK_RECOVERY_TTL_MS = 14 * 24 * 60 * 60 * 1000;
