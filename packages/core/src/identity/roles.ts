// Roles within one corporation (tenant). Residents belong to neighbourhoods; staff roles are tenant-wide.

export const ROLES = ["resident", "prospective", "ambassador", "moderator", "admin", "partner", "care_partner"] as const;
export type Role = (typeof ROLES)[number];

export const STAFF_ROLES: readonly Role[] = ["moderator", "admin"];

export function isStaff(role: Role): boolean {
  return STAFF_ROLES.includes(role);
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
