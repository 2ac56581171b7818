import { Hono } from "hono";
import type { Actor, AppEnv } from "../env.ts";
import { logoUrlOf } from "../branding/branding-view.ts";

/** Who is logged in here, with their neighbourhoods (from the session middleware: no query). */
export function viewerOf(actor: Actor) {
  const strip = ({ slug, name, kind }: Actor["memberships"][number]) => ({ slug, name, kind });
  return {
    user: { id: actor.userId, displayName: actor.displayName, role: actor.role },
    // Archived neighbourhoods are left out of every list (their history stays readable at /buurt/<slug>).
    neighbourhoods: actor.memberships.filter((membership) => membership.status === "active" && !membership.archived).map(strip),
    /** Neighbourhoods this person asked to join, waiting for a moderator or ambassador. */
    pendingNeighbourhoods: actor.memberships.filter((membership) => membership.status === "pending" && !membership.archived).map(strip),
    /** The bell's number (counted in the session's statement: no extra query). */
    unreadNotifications: actor.unreadNotifications,
  };
}

export const siteRoutes = new Hono<AppEnv>()

// GET /api/site — what a page needs to draw the shell: apex, or the tenant's public branding and the
// viewer (null when nobody is logged in). Settings and viewer come from the middleware's one batch.
.get("/", async (c) => {
  const site = c.get("site");
  if (site.kind === "apex") return c.json({ kind: "apex" as const });
  const settings = c.get("settings");
  const actor = c.get("actor");
  return c.json({
    kind: "tenant" as const,
    tenant: { slug: site.tenant.slug, name: site.tenant.name },
    branding: {
      displayName: settings?.displayName ?? site.tenant.name,
      tagline: settings?.tagline ?? null,
      primaryColor: settings?.primaryColor ?? "#1f6f5c",
      accentColor: settings?.accentColor ?? "#f2b134",
      logoUrl: logoUrlOf(settings),
      sponsorStatement: settings?.sponsorStatement ?? null,
      defaultLocale: settings?.defaultLocale ?? "nl",
    },
    viewer: actor ? viewerOf(actor) : null,
  });
});
