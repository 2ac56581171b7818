import { z } from "zod";

/** POST /api/auth/magic-link: someone asks for a login link by e-mail. */
export const ZRequestMagicLinkInput = z.object({
  email: z
    .string({ error: "validation.email.missing" })
    .trim()
    .toLowerCase()
    .pipe(z.email("validation.email.invalid")),
  locale: z.enum(["nl", "en"]).optional(),
});
export type TRequestMagicLinkInput = z.infer<typeof ZRequestMagicLinkInput>;

/** POST /api/auth/magic-link/verify: the token from the link. */
export const ZVerifyMagicLinkInput = z.object({
  token: z.string({ error: "validation.login.linkIncomplete" }).trim().min(16, "validation.login.linkIncomplete").max(200, "validation.login.linkWrong"),
});
export type TVerifyMagicLinkInput = z.infer<typeof ZVerifyMagicLinkInput>;
