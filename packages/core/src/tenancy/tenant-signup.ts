// Validation for a housing corporation signing up for its own Buurtplein. The slug becomes the
// subdomain (<slug>.<base domain>) and the tenant database name (tenant-<slug>).
import { z } from "zod";

export const RESERVED_TENANT_SLUGS: readonly string[] = [
  "www",
  "api",
  "admin",
  "app",
  "mail",
  "static",
  "assets",
  "localhost",
  "buurtplein",
  "operator",
  "status",
  "domeinen", // the CNAME target of corporations' own domains (docs/decisions/021)
];

export const ZTenantSlug = z
  .string({ error: "validation.signup.slugMissing" })
  .trim()
  .toLowerCase()
  .min(3, { error: "validation.signup.slugTooShort" })
  .max(40, { error: "validation.signup.slugTooLong" })
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, {
    error: "validation.signup.slugShape",
  })
  .refine((slug) => !RESERVED_TENANT_SLUGS.includes(slug), { error: "validation.signup.slugReserved" });

export const ZTenantSignupInput = z.object({
  name: z
    .string({ error: "validation.signup.nameMissing" })
    .trim()
    .min(2, { error: "validation.signup.nameTooShort" })
    .max(100, { error: "validation.signup.nameTooLong" }),
  slug: ZTenantSlug,
  adminName: z
    .string({ error: "validation.profile.nameMissing" })
    .trim()
    .min(2, { error: "validation.profile.nameTooShort" })
    .max(80, { error: "validation.profile.nameTooLong80" }),
  adminEmail: z
    .string({ error: "validation.email.missing" })
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: "validation.email.invalid" })),
  adminPassword: z
    .string({ error: "validation.signup.passwordMissing" })
    .min(10, { error: "validation.signup.passwordTooShort" })
    .max(200, { error: "validation.signup.passwordTooLong" }),
});

export type TTenantSlug = z.infer<typeof ZTenantSlug>;
export type TTenantSignupInput = z.infer<typeof ZTenantSignupInput>;
