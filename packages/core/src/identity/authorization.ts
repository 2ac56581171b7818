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
  /** Reply under a post one can read (staff: under what is shared with them, e.g. announcements). */
  "post.reply",
  /** React to a post (a heart, thanks…): neighbours only, never shown with names. */
  "post.react",
  /** Pin an announcement above a neighbourhood's feed. */
  "post.pin",
  /** Mark someone else's help request or lost & found solved (help-desk work; authors always may). */
  "post.mark_solved",
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
  /** Branding (colours, logo, texts), sponsors and the sponsor statement, whether new members need approval. */
  "settings.manage",
  /** Export or delete one's own data, log out everywhere. */
  "account.own",
  /** Create, change and archive neighbourhoods and their complexes (buildings), import complexes; the first-run checklist. */
  "neighbourhood.manage",
  /** Invite staff (admin, moderator, partner, care partner), change their roles, remove them. */
  "staff.manage",
  /** Partner and care organisations: create, change, remove, and the neighbourhoods they serve. */
  "organisation.manage",
  /** Make a resident an ambassador of their neighbourhood, and back. */
  "ambassador.manage",
  /** Ask for the whole corporation to be deleted (after a grace period), or withdraw that request. */
  "corporation.leave",
  /** Organise an activity in a neighbourhood (residents, ambassadors there; staff anywhere). */
  "activity.create",
  /** Say going / maybe / not going to an activity of one's neighbourhood. */
  "activity.rsvp",
  /** Review sponsored activities (approve, reject with a reason) and read every activity's reach. */
  "activity.review",
  /** Draft and submit sponsored activities for one's organisation (the route checks which neighbourhoods it serves). */
  "activity.sponsor",
  /** Switch sponsored activities off or on per neighbourhood. */
  "activity.sponsored_settings",
  /** Add, check and remove the corporation's own domains (custom hostnames). */
  "domain.manage",
  /** Download the corporation's whole database and all of its uploaded files. */
  "data.export",
  /** Raise a concern (early warning) in a neighbourhood: its neighbours, and staff anywhere. */
  "signal.raise",
  /** Handle signals routed to one's care organisation (the data layer checks which organisation). */
  "signal.handle",
  /** Counts, states and waiting times of signals, never their content. */
  "signal.insight",
  /** Routing rules, reminder times, retention, the social coordinator and the privacy officer. */
  "care.manage",
  /** Report a post, reply or member of a neighbourhood one belongs to, to the moderators. */
  "moderation.report",
  /** The moderation queue and its actions (hide, restore, warn, suspend, appeals): ambassadors for their own neighbourhood, moderators and admins everywhere. */
  "moderation.act",
  /** Ask a poll in a neighbourhood (neighbours there; staff anywhere). */
  "poll.create",
  /** Vote in a poll, answer the liveability pulse and "What first?" of one's neighbourhood. */
  "participation.answer",
  /** Run liveability pulses and "What first?" rounds in a neighbourhood. */
  "participation.manage",
  /** Read the corporation's insight dashboard (aggregates with the < 5 rule). */
  "insight.read",
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
    case "post.reply":
      return staff || neighbourHere;
    case "post.create":
    case "post.react":
    case "invite.personal":
      return neighbourHere;
    case "post.announce":
    case "post.pin":
    case "post.mark_solved":
    case "invite.manage":
    case "member.reset_access":
    case "ambassador.manage":
      return staff;
    case "member.review":
    case "member.register":
      return staff || ambassadorHere;
    case "member.remove":
    case "settings.manage":
    case "staff.manage":
    case "organisation.manage":
    case "neighbourhood.manage":
    case "corporation.leave":
    case "domain.manage":
    case "data.export":
      return actor.role === "admin";
    case "account.own":
      return true;
    case "activity.create":
      return staff || neighbourHere;
    case "activity.rsvp":
      return neighbourHere;
    case "activity.review":
      return staff;
    case "activity.sponsor":
      return actor.role === "partner";
    case "activity.sponsored_settings":
      return actor.role === "admin";
    case "signal.raise":
      return staff || neighbourHere;
    case "signal.handle":
      return actor.role === "care_partner";
    case "signal.insight":
      return staff;
    case "care.manage":
      return actor.role === "admin";
    case "moderation.report":
      return neighbourHere;
    case "moderation.act":
      return staff || ambassadorHere;
    case "poll.create":
      return staff || neighbourHere;
    case "participation.answer":
      return neighbourHere;
    case "participation.manage":
    case "insight.read":
      return staff;
  }
}
