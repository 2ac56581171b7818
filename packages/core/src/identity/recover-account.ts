import { z } from "zod";

/** POST /api/auth/recover: an account without e-mail gets back in with a one-time recovery code. */
export const ZRecoverAccountInput = z.object({
  loginName: z
    .string({ error: "Vul je inlognaam in." })
    .trim()
    .toLowerCase()
    .min(1, "Vul je inlognaam in.")
    .max(100, "Deze inlognaam is te lang."),
  code: z.string({ error: "Vul de herstelcode in." }).trim().min(4, "Vul de herstelcode in.").max(100, "Deze herstelcode is te lang."),
  newPassword: z
    .string({ error: "Kies een nieuw wachtwoord." })
    .min(10, "Het nieuwe wachtwoord moet minstens 10 tekens lang zijn.")
    .max(200, "Het nieuwe wachtwoord mag hoogstens 200 tekens lang zijn."),
});
export type TRecoverAccountInput = z.infer<typeof ZRecoverAccountInput>;
