import { z } from "zod";

/** POST /api/auth/recover: an account without e-mail gets back in with a one-time recovery code. */
export const ZRecoverAccountInput = z.object({
  loginName: z
    .string({ error: "validation.recover.loginNameMissing" })
    .trim()
    .toLowerCase()
    .min(1, "validation.recover.loginNameMissing")
    .max(100, "validation.recover.loginNameTooLong"),
  code: z.string({ error: "validation.recover.codeMissing" }).trim().min(4, "validation.recover.codeMissing").max(100, "validation.recover.codeTooLong"),
  newPassword: z
    .string({ error: "validation.recover.newPasswordMissing" })
    .min(10, "validation.recover.newPasswordTooShort")
    .max(200, "validation.recover.newPasswordTooLong"),
});
export type TRecoverAccountInput = z.infer<typeof ZRecoverAccountInput>;
