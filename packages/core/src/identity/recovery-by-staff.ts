// Recovery through a moderator: a resident without e-mail who forgot their password asks the
// corporation (or the help desk) for a new one-time recovery code on paper. These rules say for whom.
import { isStaff, type Role } from "./roles.ts";
import type { MessageKey } from "../i18n/messages.ts";

export interface RecoveryTarget {
  role: Role;
  status: string;
  loginName: string | null;
}

/** Why a new recovery code cannot be given to this account, or null when it can. */
export type RecoveryRefusal = "staff_account" | "no_login_name" | "not_active";

export function recoveryCodeRefusal(target: RecoveryTarget): RecoveryRefusal | null {
  // A moderator must never be able to take over a colleague's (or an admin's) account.
  if (isStaff(target.role)) return "staff_account";
  // People with e-mail log in with a link; the recovery page asks for a login name.
  if (!target.loginName) return "no_login_name";
  if (target.status !== "active") return "not_active";
  return null;
}

/** The catalogue key of each refusal's text. */
export const RECOVERY_REFUSAL_MESSAGES: Record<RecoveryRefusal, MessageKey> = {
  staff_account: "apiErrors.members.recoveryStaffAccount",
  no_login_name: "apiErrors.members.recoveryNoLoginName",
  not_active: "apiErrors.members.recoveryNotActive",
};
