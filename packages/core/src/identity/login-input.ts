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
      .min(1, "validation.login.identifierMissing")
      .max(254, "validation.login.identifierTooLong")
      .optional(),
    email: z.string().trim().toLowerCase().pipe(z.email("validation.email.invalid")).optional(),
    password: z.string({ error: "validation.login.passwordMissing" }).min(1, "validation.login.passwordMissing").max(200, "validation.login.passwordTooLong"),
  })
  .transform((input, context) => {
    const identifier = input.identifier ?? input.email;
    if (!identifier) {
      context.addIssue({ code: "custom", path: ["identifier"], message: "validation.login.identifierMissing" });
      return z.NEVER;
    }
    const kind = identifier.includes("@") ? ("email" as const) : ("loginName" as const);
    if (kind === "email" && !z.email().safeParse(identifier).success) {
      context.addIssue({ code: "custom", path: [input.identifier ? "identifier" : "email"], message: "validation.email.invalid" });
      return z.NEVER;
    }
    return { kind, identifier, password: input.password };
  });
export type TLoginInput = z.infer<typeof ZLoginInput>;
