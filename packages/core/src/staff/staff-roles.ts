// Staff of a corporation: who can be invited with which role, and which organisation a partner or
// care partner belongs to. Partner organisations (kind "local", e.g. a community centre) and care
// organisations (kind "care", e.g. a district team) are managed by the corporation's admins; sponsors
// (kind "sponsor") are organisations too, but never have accounts.
import type { Role } from "../identity/roles.ts";
import type { MessageKey } from "../i18n/messages.ts";

/** The roles an admin gives staff (invite, change). Residents and ambassadors join through their neighbourhood. */
export const STAFF_INVITE_ROLES = ["admin", "moderator", "partner", "care_partner"] as const satisfies readonly Role[];
export type StaffRole = (typeof STAFF_INVITE_ROLES)[number];

export function isStaffInviteRole(value: string): value is StaffRole {
  return (STAFF_INVITE_ROLES as readonly string[]).includes(value);
}

/** A staff invitation's login link works for a week (once); later logins use a new link by e-mail. */
export const STAFF_INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** The organisation kinds whose people have accounts (partners and care partners). */
export const ORGANISATION_KINDS = ["local", "care"] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** The kind of organisation a role belongs to: partners to a "local" one, care partners to a "care" one; others to none. */
export function organisationKindForRole(role: StaffRole): OrganisationKind | null {
  if (role === "partner") return "local";
  if (role === "care_partner") return "care";
  return null;
}

/**
 * What is wrong with the organisation given for a staff role, as the catalogue key of the field
 * message (details.fields.organisationId), or null when it fits. `organisation` is what the id was
 * found as in this corporation's database (null: not found here, e.g. another corporation's id).
 */
export function staffOrganisationProblem(
  role: StaffRole,
  organisationId: string | undefined,
  organisation: { kind: string } | null,
): MessageKey | null {
  const kind = organisationKindForRole(role);
  if (kind === null) return organisationId === undefined ? null : "validation.staff.organisationNotForRole";
  if (organisationId === undefined) return kind === "local" ? "validation.staff.partnerOrganisationMissing" : "validation.staff.careOrganisationMissing";
  if (organisation === null) return "validation.staff.organisationUnknown";
  if (organisation.kind !== kind) return kind === "local" ? "validation.staff.partnerOrganisationWrongKind" : "validation.staff.careOrganisationWrongKind";
  return null;
}
