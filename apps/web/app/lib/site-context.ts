import { createContext, data } from "react-router";
import type { Locale } from "../i18n/i18n.ts";

export interface Branding {
  displayName: string;
  tagline: string | null;
  primaryColor: string;
  accentColor: string;
  logoUrl: string | null;
  sponsorStatement: string | null;
  defaultLocale: string;
}

export type SiteInfo =
  | { kind: "apex" }
  | { kind: "tenant"; tenant: { slug: string; name: string }; branding: Branding };

export interface Viewer {
  user: { id: string; displayName: string; role: string };
  neighbourhoods: { slug: string; name: string; kind: string }[];
  /** Neighbourhoods this person asked to join, waiting for approval. */
  pendingNeighbourhoods?: { slug: string; name: string; kind: string }[];
}

export interface RequestSite {
  site: SiteInfo;
  locale: Locale;
  viewer: Viewer | null;
}

/** Filled once per request by the root middleware; read by every loader and action. */
export const requestSiteContext = createContext<RequestSite>();

/** Pages that exist only on a corporation's host answer 404 on the apex. */
export function assertTenantSite(site: SiteInfo): asserts site is Extract<SiteInfo, { kind: "tenant" }> {
  if (site.kind !== "tenant") throw data({ code: "not_found" }, { status: 404 });
}
