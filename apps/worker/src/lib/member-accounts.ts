// Creating the account of a new neighbourhood member (through an invite, or by the help desk): the
// user row and the membership in one transaction, with a login name for people without e-mail.
import { eq } from "drizzle-orm";
import { AppError, generateLoginName, type Role } from "@buurtplein/core";
import { tenantSchema, type TenantDb } from "@buurtplein/db";

const { users, memberships, tenantSettings } = tenantSchema;

export const EMAIL_TAKEN_MESSAGE =
  "Er is al een account met dit e-mailadres. Log in met dit adres, of vraag een inloglink aan als je je wachtwoord niet meer weet.";

function emailTaken(): AppError {
  return new AppError("email_taken", EMAIL_TAKEN_MESSAGE, { fields: { email: EMAIL_TAKEN_MESSAGE } });
}

/** True when the error (or its cause) is SQLite refusing a duplicate in this column. */
function isUniqueViolation(error: unknown, column: string): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    const message = current instanceof Error ? current.message : String(current);
    if (message.includes("UNIQUE constraint failed") && message.includes(column)) return true;
    current = current instanceof Error ? current.cause : undefined;
  }
  return false;
}

/** True when someone in this corporation already uses this address. */
export async function emailInUse(db: TenantDb, email: string): Promise<boolean> {
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
  return Boolean(existing);
}

/** 409 email_taken when someone in this corporation already uses this address (staff forms only: the public join form never says so). */
export async function assertEmailFree(db: TenantDb, email: string): Promise<void> {
  if (await emailInUse(db, email)) throw emailTaken();
}

export async function readRequireMemberApproval(db: TenantDb): Promise<boolean> {
  const [settings] = await db.select({ value: tenantSettings.requireMemberApproval }).from(tenantSettings).where(eq(tenantSettings.id, 1)).limit(1);
  return settings?.value ?? false;
}

/** The role a new member of this neighbourhood gets when nothing else says so. */
export function memberRoleFor(neighbourhoodKind: string): Role {
  return neighbourhoodKind === "new_build" ? "prospective" : "resident";
}

export interface NewMember {
  displayName: string;
  email?: string | undefined;
  street?: string | undefined;
  passwordHash?: string | null;
  role: Role;
  status: "active" | "pending";
  neighbourhood: { id: string; slug: string };
  joinedViaInviteId?: string;
  registeredById?: string;
  consentRecordedAt?: number;
}

/**
 * Creates the user and the membership together (one batch = one transaction). Without e-mail, a
 * login name is generated; a (rare) clash with an existing name is retried with new digits.
 */
export async function createMemberAccount(db: TenantDb, member: NewMember): Promise<{ id: string; loginName: string | null }> {
  const needsLoginName = !member.email;
  for (let attempt = 0; attempt < 8; attempt++) {
    const id = crypto.randomUUID();
    const loginName = needsLoginName ? generateLoginName({ displayName: member.displayName, neighbourhoodSlug: member.neighbourhood.slug }) : null;
    const now = Date.now();
    try {
      await db.batch([
        db.insert(users).values({
          id,
          email: member.email ?? null,
          loginName,
          displayName: member.displayName,
          role: member.role,
          passwordHash: member.passwordHash ?? null,
          street: member.street ?? null,
          status: member.status,
          joinedViaInviteId: member.joinedViaInviteId ?? null,
          registeredById: member.registeredById ?? null,
          consentRecordedAt: member.consentRecordedAt ?? null,
          createdAt: now,
          updatedAt: now,
        }),
        db.insert(memberships).values({ userId: id, neighbourhoodId: member.neighbourhood.id, joinedAt: now }),
      ]);
      return { id, loginName };
    } catch (error) {
      if (isUniqueViolation(error, "users.email")) throw emailTaken();
      if (needsLoginName && isUniqueViolation(error, "users.login_name")) continue;
      throw error;
    }
  }
  throw new AppError("service_unavailable", "We konden geen inlognaam maken. Probeer het nog eens.");
}
