import type { TenantSettings } from "../env.ts";
import { fileUrl } from "../files/uploads.ts";

export const DEFAULT_PRIMARY = "#1f6f5c";
export const DEFAULT_ACCENT = "#f2b134";

/** The logo to show: the uploaded one (served on this host), else an older external address. */
export function logoUrlOf(settings: TenantSettings | null | undefined): string | null {
  return fileUrl(settings?.logoKey) ?? settings?.logoUrl ?? null;
}

/** Everything an admin can set on the branding page, as GET and PATCH /api/settings/branding answer. */
export function brandingView(settings: TenantSettings | null | undefined, tenantName: string) {
  return {
    displayName: settings?.displayName ?? tenantName,
    tagline: settings?.tagline ?? null,
    primaryColor: settings?.primaryColor ?? DEFAULT_PRIMARY,
    accentColor: settings?.accentColor ?? DEFAULT_ACCENT,
    sponsorStatement: settings?.sponsorStatement ?? null,
    houseRules: settings?.houseRules ?? null,
    defaultLanguage: (settings?.defaultLocale === "en" ? "en" : "nl") as "nl" | "en",
    logoUrl: logoUrlOf(settings),
  };
}
