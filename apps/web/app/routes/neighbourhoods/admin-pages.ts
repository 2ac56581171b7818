// Shared bits of the admin pages for neighbourhoods and complexes (/beheer/buurten, /beheer/complexen).
import type { LoaderFunctionArgs } from "react-router";
import { requirePageViewer } from "../../lib/invite-pages.ts";
import type { Viewer } from "../../lib/site-context.ts";

/** Only a corporation's admin sets up neighbourhoods and complexes (can(): neighbourhood.manage). */
export function viewerIsAdmin(viewer: Viewer | null): boolean {
  return viewer?.user.role === "admin";
}

/** The guard of every page here: the tenant site, a logged-in admin (else /inloggen or 403). */
export function requireAdminPage(context: LoaderFunctionArgs["context"]) {
  return requirePageViewer(context, viewerIsAdmin);
}

/** A path segment for the API, encoded. */
export function param(value: string | undefined): string {
  return encodeURIComponent(value ?? "");
}
