// How long data that has served its purpose is kept (privacy by design: storage limitation, AVG art. 5(1)(e)).
// Pure: turns "now" into the moments before which rows are deleted; the hourly cleanup job does the deleting.

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Sessions are deleted as soon as they have expired (they can no longer be used). */
export const EXPIRED_SESSION_RETENTION_MS = 0;
/** Used or expired login tokens (magic links, recovery codes) are kept one day, for support questions. */
export const SPENT_LOGIN_TOKEN_RETENTION_MS = DAY;
/**
 * Rate-limit counters are deleted once their window has ended. Rows do not store their window length,
 * so a row is only deleted once the longest window in use (one day: posts per member per day, wrong
 * recovery codes per login name; decision 015) has passed since it started.
 * A rule with a longer window must raise this constant.
 */
export const LONGEST_RATE_LIMIT_WINDOW_MS = DAY;
/** The local dev mailbox keeps e-mails for seven days. */
export const DEV_MAIL_RETENTION_MS = 7 * DAY;
/**
 * Audit-log entries (approvals, rejections, removals, recovery codes, settings: who did what to whom)
 * are kept two years (730 days), then deleted. Long enough to account for a moderation decision when
 * a resident, the corporation or the Autoriteit Persoonsgegevens asks about it, including a complaint
 * that takes a while to surface; no longer, because every entry names a person (decision 009).
 */
export const AUDIT_LOG_RETENTION_MS = 730 * DAY;

/** Rows older than these moments (milliseconds since the epoch) are deleted. */
export interface RetentionCutoffs {
  /** Delete sessions with expires_at before this. */
  sessionsExpiredBefore: number;
  /** Delete login tokens used, or expired, before this. */
  loginTokensSpentBefore: number;
  /** Delete rate-limit rows whose window started before this (so it has ended). */
  rateLimitWindowsStartedBefore: number;
  /** Delete dev-mailbox e-mails created before this. */
  devMailCreatedBefore: number;
  /** Delete audit-log entries created before this. */
  auditLogCreatedBefore: number;
}

export function computeRetentionCutoffs(now: number): RetentionCutoffs {
  return {
    sessionsExpiredBefore: now - EXPIRED_SESSION_RETENTION_MS,
    loginTokensSpentBefore: now - SPENT_LOGIN_TOKEN_RETENTION_MS,
    rateLimitWindowsStartedBefore: now - LONGEST_RATE_LIMIT_WINDOW_MS,
    devMailCreatedBefore: now - DEV_MAIL_RETENTION_MS,
    auditLogCreatedBefore: now - AUDIT_LOG_RETENTION_MS,
  };
}
