import { Hono } from "hono";
import { eq } from "drizzle-orm";
import { tenantSchema } from "@buurtplein/db";
import type { AppEnv } from "../env.ts";

export const siteRoutes = new Hono<AppEnv>();

// GET /api/site — what the web worker needs to draw the shell: apex, or the tenant's public branding
siteRoutes.get("/", async (c) => {
  const site = c.get("site");
  if (site.kind === "apex") return c.json({ kind: "apex" as const });
  const [settings] = await site.db.select().from(tenantSchema.tenantSettings).where(eq(tenantSchema.tenantSettings.id, 1)).limit(1);
  return c.json({
    kind: "tenant" as const,
    tenant: { slug: site.tenant.slug, name: site.tenant.name },
    branding: {
      displayName: settings?.displayName ?? site.tenant.name,
      tagline: settings?.tagline ?? null,
      primaryColor: settings?.primaryColor ?? "#1f6f5c",
      accentColor: settings?.accentColor ?? "#f2b134",
      logoUrl: settings?.logoUrl ?? null,
      sponsorStatement: settings?.sponsorStatement ?? null,
      defaultLocale: settings?.defaultLocale ?? "nl",
    },
  });
});
