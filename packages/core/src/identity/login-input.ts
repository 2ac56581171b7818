import { z } from "zod";

/**
 * Password login: `identifier` is an e-mail address OR a login name (accounts without e-mail).
 * `{ email, password }` stays accepted. The output always has `identifier` (lower-cased) and `kind`.
 */
export const ZLoginInput = z
  .object({
    identifier: z
      .string()
      .trim()
      .toLowerCase()
      .min(1, "Vul je e-mailadres of inlognaam in.")
      .max(254, "Dit e-mailadres of deze inlognaam is te lang.")
      .optional(),
    email: z.string().trim().toLowerCase().pipe(z.email("Vul een geldig e-mailadres in.")).optional(),
    password: z.string({ error: "Vul je wachtwoord in." }).min(1, "Vul je wachtwoord in.").max(200, "Dit wachtwoord is te lang."),
  })
  .transform((input, context) => {
    const identifier = input.identifier ?? input.email;
    if (!identifier) {
      context.addIssue({ code: "custom", path: ["identifier"], message: "Vul je e-mailadres of inlognaam in." });
      return z.NEVER;
    }
    const kind = identifier.includes("@") ? ("email" as const) : ("loginName" as const);
    if (kind === "email" && !z.email().safeParse(identifier).success) {
      context.addIssue({ code: "custom", path: [input.identifier ? "identifier" : "email"], message: "Vul een geldig e-mailadres in." });
      return z.NEVER;
    }
    return { kind, identifier, password: input.password };
  });
export type TLoginInput = z.infer<typeof ZLoginInput>;
