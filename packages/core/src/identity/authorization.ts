// The one place that says who may do what. Every API route asks `can(actor, action, resource)`;
// authorization.test.ts lists every action × role with the expected answer.
import { isStaff, type Role } from "./roles.ts";

export const ACTIONS = [
  /** Read a neighbourhood feed (staff: only what is shared with the corporation; see feedAccess). */
  "feed.read",
  /** Write a post in a neighbourhood. */
  "post.create",
  /** Publish an announcement in any neighbourhood. */
  "post.announce",
  /** Create, list, revoke and print neighbourhood invites (links, codes, letters, posters). */
  "invite.manage",
  /** A member invites a neighbour with a personal code (limited per month). */
  "invite.personal",
  /** Approve or reject people waiting to join a neighbourhood. */
  "member.review",
  /** Help desk: register a resident on their behalf, with their consent recorded. */
  "member.register",
  /** Give an account without e-mail a one-time recovery code. */
  "member.reset_access",
  /** Remove a member and their data (GDPR), as an admin. */
  "member.remove",
  /** Branding, sponsor statement, whether new members need approval. */
  "settings.manage",
  /** Export or delete one's own data, log out everywhere. */
  "account.own",
  /** Add, check and remove the corporation's own domains (custom hostnames). */
  "domain.manage",
  /** Download the corporation's whole database and all of its uploaded files. */
  "data.export",
] as const;
export type Action = (typeof ACTIONS)[number];

export interface AuthorizationActor {
  role: Role;
  /** Neighbourhoods this person is a member of. */
  neighbourhoodIds: readonly string[];
}

export interface AuthorizationResource {
  /** The neighbourhood the action is about, if any. */
  neighbourhoodId?: string;
}

const NEIGHBOUR_ROLES: readonly Role[] = ["resident", "prospective", "ambassador"];

function isMemberOf(actor: AuthorizationActor, resource: AuthorizationResource): boolean {
  return resource.neighbourhoodId !== undefined && actor.neighbourhoodIds.includes(resource.neighbourhoodId);
}

export function can(actor: AuthorizationActor, action: Action, resource: AuthorizationResource = {}): boolean {
  const staff = isStaff(actor.role);
  const neighbourHere = NEIGHBOUR_ROLES.includes(actor.role) && isMemberOf(actor, resource);
  const ambassadorHere = actor.role === "ambassador" && isMemberOf(actor, resource);
  switch (action) {
    case "feed.read":
      return staff || neighbourHere;
    case "post.create":
    case "invite.personal":
      return neighbourHere;
    case "post.announce":
    case "invite.manage":
    case "member.reset_access":
      return staff;
    case "member.review":
    case "member.register":
      return staff || ambassadorHere;
    case "member.remove":
    case "settings.manage":
    case "domain.manage":
    case "data.export":
      return actor.role === "admin";
    case "account.own":
      return true;
  }
}
