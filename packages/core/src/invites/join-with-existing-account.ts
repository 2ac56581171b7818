// A member who is already logged in joins another neighbourhood of the same corporation through an
// invite: no new account, only a membership (and one use of the invite).
import { z } from "zod";

export const ZJoinWithExistingAccountInput = z.object({
  /** The link token or the code from the letter. */
  invite: z.string({ error: "validation.join.inviteMissing" }).trim().min(1, { error: "validation.join.inviteMissing" }).max(100),
});
export type TJoinWithExistingAccountInput = z.infer<typeof ZJoinWithExistingAccountInput>;
