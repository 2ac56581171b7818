import { describe, expect, it } from "vitest";
import {
  AUDIT_LOG_RETENTION_MS,
  DEV_MAIL_RETENTION_MS,
  EXPIRED_SESSION_RETENTION_MS,
  LONGEST_RATE_LIMIT_WINDOW_MS,
  SPENT_LOGIN_TOKEN_RETENTION_MS,
  computeRetentionCutoffs,
} from "./retention.ts";

const HOUR = 60 * 60 * 1000;

describe("retention periods", () => {
  it("are what the privacy statement promises", () => {
    expect(EXPIRED_SESSION_RETENTION_MS).toBe(0);
    expect(SPENT_LOGIN_TOKEN_RETENTION_MS).toBe(24 * HOUR);
    expect(LONGEST_RATE_LIMIT_WINDOW_MS).toBe(24 * HOUR);
    expect(DEV_MAIL_RETENTION_MS).toBe(7 * 24 * HOUR);
    expect(AUDIT_LOG_RETENTION_MS).toBe(730 * 24 * HOUR);
  });
});

describe("computeRetentionCutoffs", () => {
  it("turns now into the moments before which rows are deleted", () => {
    const now = Date.UTC(2026, 10, 25, 12, 17);
    expect(computeRetentionCutoffs(now)).toEqual({
      sessionsExpiredBefore: now,
      loginTokensSpentBefore: now - 24 * HOUR,
      rateLimitWindowsStartedBefore: now - 24 * HOUR,
      devMailCreatedBefore: now - 7 * 24 * HOUR,
      auditLogCreatedBefore: now - 730 * 24 * HOUR,
    });
  });

  it("never reaches into the future", () => {
    const now = 1_000_000_000_000;
    for (const cutoff of Object.values(computeRetentionCutoffs(now))) expect(cutoff).toBeLessThanOrEqual(now);
  });
});
