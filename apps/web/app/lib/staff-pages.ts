// Shared bits of the staff and organisation pages.
import type { Viewer } from "./site-context.ts";

/** Staff, organisations: admins only. */
export function viewerIsAdmin(viewer: Viewer | null): boolean {
  return viewer?.user.role === "admin";
}
