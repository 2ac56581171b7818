// Deletes what has served its purpose, following the retention periods in core (privacy/retention.ts).
// One batch (one round trip, one transaction) per database; the counts say how many rows went.
import { and, isNotNull, lt, or } from "drizzle-orm";
import type { RetentionCutoffs } from "@buurtplein/core/privacy/retention";
import type { ControlDb, TenantDb } from "../client.ts";
import { devMail, operatorSessions, rateLimits as controlRateLimits } from "../control/schema.ts";
import { auditLog, loginTokens, rateLimits, sessions } from "../tenant/schema.ts";

export interface TenantCleanupCounts {
  sessions: number;
  loginTokens: number;
  rateLimits: number;
  auditLog: number;
}

export interface ControlPlaneCleanupCounts {
  rateLimits: number;
  devMail: number;
  operatorSessions: number;
}

/** Expired sessions, spent login tokens, ended rate-limit windows and old audit-log entries of one tenant. */
export async function cleanTenantDatabase(db: TenantDb, cutoffs: RetentionCutoffs): Promise<TenantCleanupCounts> {
  const [deletedSessions, deletedTokens, deletedLimits, deletedAudit] = await db.batch([
    db.delete(sessions).where(lt(sessions.expiresAt, cutoffs.sessionsExpiredBefore)),
    db
      .delete(loginTokens)
      .where(
        or(
          lt(loginTokens.expiresAt, cutoffs.loginTokensSpentBefore),
          and(isNotNull(loginTokens.usedAt), lt(loginTokens.usedAt, cutoffs.loginTokensSpentBefore)),
        ),
      ),
    db.delete(rateLimits).where(lt(rateLimits.windowStart, cutoffs.rateLimitWindowsStartedBefore)),
    db.delete(auditLog).where(lt(auditLog.createdAt, cutoffs.auditLogCreatedBefore)),
  ]);
  return {
    sessions: deletedSessions.rowsAffected,
    loginTokens: deletedTokens.rowsAffected,
    rateLimits: deletedLimits.rowsAffected,
    auditLog: deletedAudit.rowsAffected,
  };
}

/** Ended rate-limit windows of the apex (corporation sign-up, operator login), old dev-mailbox e-mails and expired operator sessions. */
export async function cleanControlPlane(control: ControlDb, cutoffs: RetentionCutoffs): Promise<ControlPlaneCleanupCounts> {
  const [deletedLimits, deletedMail, deletedOperatorSessions] = await control.batch([
    control.delete(controlRateLimits).where(lt(controlRateLimits.windowStart, cutoffs.rateLimitWindowsStartedBefore)),
    control.delete(devMail).where(lt(devMail.createdAt, cutoffs.devMailCreatedBefore)),
    control.delete(operatorSessions).where(lt(operatorSessions.expiresAt, cutoffs.sessionsExpiredBefore)),
  ]);
  return { rateLimits: deletedLimits.rowsAffected, devMail: deletedMail.rowsAffected, operatorSessions: deletedOperatorSessions.rowsAffected };
}
