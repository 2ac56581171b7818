// Shared bits of the invite and joining pages: who may see which page, and dates as people read them.
import { data, redirect, type LoaderFunctionArgs } from "react-router";
import { isRole, isStaff } from "@buurtplein/core/identity/roles";
import { formatDateTime } from "./dates.ts";
import { assertTenantSite, requestSiteContext, type RequestSite, type Viewer } from "./site-context.ts";

export type TenantRequestSite = RequestSite & { site: Extract<RequestSite["site"], { kind: "tenant" }> };

/** The tenant site of this request; the apex has none of these pages (404). */
export function requireTenantSite(requestSite: RequestSite): TenantRequestSite {
  assertTenantSite(requestSite.site);
  return requestSite as TenantRequestSite;
}

/** The logged-in viewer, or off to the login page. */
export function requireViewer(requestSite: RequestSite): Viewer {
  if (!requestSite.viewer) throw redirect("/inloggen");
  return requestSite.viewer;
}

export function forbidden(): never {
  throw data({ code: "forbidden" }, { status: 403 });
}

/**
 * The guard of a page for some people only: the tenant site (404 on the apex), a logged-in viewer
 * (else off to /inloggen), and one `allowed` says yes to (else 403).
 */
export function requirePageViewer(context: LoaderFunctionArgs["context"], allowed: (viewer: Viewer) => boolean): TenantRequestSite & { viewer: Viewer } {
  const requestSite = requireTenantSite(context.get(requestSiteContext));
  const viewer = requireViewer(requestSite);
  if (!allowed(viewer)) forbidden();
  return { ...requestSite, viewer };
}

export function viewerIsStaff(viewer: Viewer | null): boolean {
  return Boolean(viewer && isRole(viewer.user.role) && isStaff(viewer.user.role));
}

/** Neighbours (residents, prospective residents, ambassadors) may invite a neighbour personally. */
export function viewerIsNeighbour(viewer: Viewer | null): boolean {
  return Boolean(viewer && ["resident", "prospective", "ambassador"].includes(viewer.user.role) && viewer.neighbourhoods.length > 0);
}

/** Staff review and register everywhere; ambassadors in their own neighbourhood. */
export function viewerHelpsMembers(viewer: Viewer | null): boolean {
  return viewerIsStaff(viewer) || Boolean(viewer && viewer.user.role === "ambassador" && viewer.neighbourhoods.length > 0);
}

/** "12 december 2026" (Amsterdam time). */
export function formatDay(timestamp: number, locale: string): string {
  return formatDateTime(timestamp, locale, "long");
}

/** An invite expires at the end of its last day: show that last day. */
export function formatLastDay(expiresAt: number, locale: string): string {
  return formatDay(expiresAt - 1, locale);
}

export const INVITE_PROBLEMS = ["not_found", "expired", "revoked", "used_up", "rate_limited", "archived"] as const;
export type InviteProblem = (typeof INVITE_PROBLEMS)[number];

/** The API error code of a failed look-up or join → which clear page to show, if any. */
export function inviteProblemOf(code: string | undefined): InviteProblem | null {
  switch (code) {
    case "invite_not_found":
      return "not_found";
    case "invite_expired":
      return "expired";
    case "invite_revoked":
      return "revoked";
    case "invite_used_up":
      return "used_up";
    case "rate_limited":
      return "rate_limited";
    case "neighbourhood_archived":
      return "archived";
    default:
      return null;
  }
}
