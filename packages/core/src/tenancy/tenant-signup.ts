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
];

export const ZTenantSlug = z
  .string({ error: "Vul een webadres in." })
  .trim()
  .toLowerCase()
  .min(3, { error: "Het webadres moet minstens 3 tekens lang zijn." })
  .max(40, { error: "Het webadres mag hoogstens 40 tekens lang zijn." })
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, {
    error: "Gebruik alleen kleine letters, cijfers en streepjes, en begin en eindig met een letter of cijfer.",
  })
  .refine((slug) => !RESERVED_TENANT_SLUGS.includes(slug), { error: "Dit webadres is gereserveerd. Kies een ander." });

export const ZTenantSignupInput = z.object({
  name: z
    .string({ error: "Vul de naam van de corporatie in." })
    .trim()
    .min(2, { error: "De naam moet minstens 2 tekens lang zijn." })
    .max(100, { error: "De naam mag hoogstens 100 tekens lang zijn." }),
  slug: ZTenantSlug,
  adminName: z
    .string({ error: "Vul je naam in." })
    .trim()
    .min(2, { error: "Je naam moet minstens 2 tekens lang zijn." })
    .max(80, { error: "Je naam mag hoogstens 80 tekens lang zijn." }),
  adminEmail: z
    .string({ error: "Vul je e-mailadres in." })
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: "Vul een geldig e-mailadres in." })),
  adminPassword: z
    .string({ error: "Kies een wachtwoord." })
    .min(10, { error: "Het wachtwoord moet minstens 10 tekens lang zijn." })
    .max(200, { error: "Het wachtwoord mag hoogstens 200 tekens lang zijn." }),
});

export type TTenantSlug = z.infer<typeof ZTenantSlug>;
export type TTenantSignupInput = z.infer<typeof ZTenantSignupInput>;
