import { isStaff, type Role } from "../identity/roles.ts";
import { STAFF_ONLY_POST_KINDS, type PostKind } from "./post-kinds.ts";

/**
 * How much of a neighbourhood feed someone may read. Residents own their neighbourhood space: members
 * read everything; the corporation's staff read only what authors chose to share with the corporation
 * (and announcements); partners read nothing of the conversation.
 */
export type FeedAccess = "full" | "shared_only" | "none";

export function feedAccess(role: Role, isMember: boolean): FeedAccess {
  if (isStaff(role)) return "shared_only";
  if (isMember && (role === "resident" || role === "prospective" || role === "ambassador")) return "full";
  return "none";
}

export function canPostKind(role: Role, isMember: boolean, kind: PostKind): boolean {
  if (STAFF_ONLY_POST_KINDS.includes(kind)) return isStaff(role);
  return feedAccess(role, isMember) === "full";
}
