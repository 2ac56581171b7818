// Creating the account of a new neighbourhood member (through an invite, or by the help desk): the
// user row and the membership in one transaction, with a login name for people without e-mail.
import { eq } from "drizzle-orm";
import { AppError, generateLoginName, type Role } from "@buurtplein/core";
import { isUniqueViolation, tenantSchema, type TenantDb } from "@buurtplein/db";
import type { Context } from "hono";
import type { AppEnv } from "../env.ts";

const { users, memberships } = tenantSchema;

function emailTaken(): AppError {
  return new AppError("email_taken", { message: "errors.email_taken", fields: { email: "errors.email_taken" } });
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

/** Whether newcomers wait for approval (the tenant's settings, loaded with the session: no query). */
export function requiresMemberApproval(c: Context<AppEnv>): boolean {
  return c.get("settings")?.requireMemberApproval ?? false;
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
  throw new AppError("service_unavailable", { message: "apiErrors.account.loginNameFailed" });
}
