// Queries for staff accounts: the last-admin guard (in the same statement as the change, so two admins
// demoting each other at the same moment cannot leave the corporation without one), organisations as
// staff see them, and the invitation e-mail with its login link.
import type { Context } from "hono";
import { and, eq, inArray, isNull, ne, sql, type SQL } from "drizzle-orm";
import {
  AppError,
  generateLoginToken,
  hashLoginToken,
  renderStaffInvitationMail,
  STAFF_INVITATION_TTL_MS,
  STAFF_INVITE_ROLES,
  staffOrganisationProblem,
  type StaffRole,
} from "@buurtplein/core";
import { tenantSchema, type TenantDb } from "@buurtplein/db";
import type { AppEnv, Site } from "../env.ts";
import { sendTenantMail, tenantMailSetup } from "../lib/tenant-mail.ts";

const { users, partners, loginTokens } = tenantSchema;
type TenantSite = Extract<Site, { kind: "tenant" }>;

/** Staff accounts are those with one of the staff roles; residents and ambassadors are not. */
export const isStaffAccount = inArray(users.role, [...STAFF_INVITE_ROLES]);

/**
 * True when the account `targetId` is not an active admin, or another active admin remains: the
 * condition every change that could take away an admin is written with.
 */
export function keepsAnAdmin(targetId: string): SQL {
  return sql`(${users.role} <> 'admin' OR (SELECT count(*) FROM ${users} AS other WHERE other.role = 'admin' AND other.status = 'active' AND other.id <> ${targetId}) > 0)`;
}

/** Whether any other active admin than `userId` exists. */
export async function otherAdminExists(db: TenantDb, userId: string): Promise<boolean> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "admin"), eq(users.status, "active"), ne(users.id, userId)))
    .limit(1);
  return rows.length > 0;
}

export function lastAdminError(): AppError {
  return new AppError("last_admin", { message: "apiErrors.staff.lastAdmin" });
}

export function staffNotFound(): AppError {
  return new AppError("not_found", { message: "apiErrors.staff.notFound" });
}

/**
 * The organisation for a staff role, checked: the right kind for the role (partner → local, care
 * partner → care), none for admins and moderators. An id of another corporation is simply not found
 * in this database. Throws 422 with details.fields.organisationId.
 */
export async function organisationForRole(db: TenantDb, role: StaffRole, organisationId: string | undefined): Promise<{ id: string; name: string; kind: string } | null> {
  const [organisation] = organisationId
    ? await db.select({ id: partners.id, name: partners.name, kind: partners.kind }).from(partners).where(eq(partners.id, organisationId)).limit(1)
    : [];
  const problem = staffOrganisationProblem(role, organisationId, organisation ?? null);
  if (problem) throw new AppError("invalid_input", { fields: { organisationId: problem } });
  return organisation ?? null;
}

/**
 * A new one-time login link for this staff member (a week), sent by e-mail with who invited them for
 * which role. Earlier unused links of theirs stop working.
 */
export async function sendStaffInvitation(
  c: Context<AppEnv>,
  site: TenantSite,
  person: { id: string; email: string; displayName: string; role: StaffRole; locale: string | null },
  organisationName: string | null,
  invitedBy: string,
): Promise<void> {
  const now = Date.now();
  const token = generateLoginToken();
  await site.db.batch([
    site.db.delete(loginTokens).where(and(eq(loginTokens.userId, person.id), eq(loginTokens.purpose, "magic_link"), isNull(loginTokens.usedAt))),
    site.db.insert(loginTokens).values({ id: await hashLoginToken(token), userId: person.id, purpose: "magic_link", expiresAt: now + STAFF_INVITATION_TTL_MS, createdAt: now }),
  ]);
  const { corporationName, locale } = tenantMailSetup(c, site, person.locale);
  const link = `${new URL(c.req.url).origin}/inloggen/link?token=${encodeURIComponent(token)}`;
  const mail = renderStaffInvitationMail({
    locale,
    corporationName,
    displayName: person.displayName,
    invitedBy,
    role: person.role,
    organisationName,
    link,
    validDays: STAFF_INVITATION_TTL_MS / (24 * 60 * 60 * 1000),
  });
  await sendTenantMail(c, site, person.email, mail);
}
