import { z } from "zod";

/** POST /api/auth/magic-link: someone asks for a login link by e-mail. */
export const ZRequestMagicLinkInput = z.object({
  email: z
    .string({ error: "Vul je e-mailadres in." })
    .trim()
    .toLowerCase()
    .pipe(z.email("Vul een geldig e-mailadres in.")),
  locale: z.enum(["nl", "en"]).optional(),
});
export type TRequestMagicLinkInput = z.infer<typeof ZRequestMagicLinkInput>;

/** POST /api/auth/magic-link/verify: the token from the link. */
export const ZVerifyMagicLinkInput = z.object({
  token: z.string({ error: "Deze inloglink is niet compleet." }).trim().min(16, "Deze inloglink is niet compleet.").max(200, "Deze inloglink klopt niet."),
});
export type TVerifyMagicLinkInput = z.infer<typeof ZVerifyMagicLinkInput>;
