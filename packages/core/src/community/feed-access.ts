import { isStaff, type Role } from "../identity/roles.ts";

/**
 * How much of a neighbourhood feed someone may read, once `can(actor, "feed.read", …)` said yes.
 * Residents own their neighbourhood space: members read everything; the corporation's staff read
 * only what authors chose to share with the corporation (and announcements).
 */
export type FeedAccess = "full" | "shared_only";

export function feedAccess(role: Role): FeedAccess {
  return isStaff(role) ? "shared_only" : "full";
}
