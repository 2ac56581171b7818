import { createContext, data } from "react-router";
import type { Locale } from "../i18n/i18n.ts";
import type { ApiAnswer, ApiClient } from "./api-types.ts";

/** What GET /api/site answers: the apex, or a corporation with its branding and the viewer. */
type SiteAnswer = ApiAnswer<ApiClient["site"]["$get"]>;

/** The site without its viewer (that one is kept apart, in RequestSite). */
export type SiteInfo = SiteAnswer extends infer Site ? (Site extends { viewer: unknown } ? Omit<Site, "viewer"> : Site) : never;

export type Branding = Extract<SiteInfo, { kind: "tenant" }>["branding"];

/** Who is logged in, with their neighbourhoods and the ones they asked to join (from GET /api/site). */
export type Viewer = NonNullable<Extract<SiteAnswer, { kind: "tenant" }>["viewer"]>;

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
