import { describe, expect, it } from "vitest";
import { DEFAULT_DIGEST_PREFERENCES, ZDigestPreferencesInput, digestPeriod, effectiveDigestHour, hourPeriod, inQuietHours, isDigestDue, isoWeek } from "./digest-schedule.ts";

// Tuesday 1 December 2026, 08:30 in Amsterdam (winter time: UTC+1) = 07:30 UTC.
const TUESDAY_0830 = Date.UTC(2026, 11, 1, 7, 30);
// Monday 30 November 2026, 08:30 in Amsterdam.
const MONDAY_0830 = Date.UTC(2026, 10, 30, 7, 30);
// Summer time: Wednesday 1 July 2026, 08:30 in Amsterdam (UTC+2) = 06:30 UTC.
const SUMMER_0830 = Date.UTC(2026, 6, 1, 6, 30);

describe("the digest's schedule", () => {
  it("is due at the preferred hour in Amsterdam time, winter and summer", () => {
    expect(isDigestDue(DEFAULT_DIGEST_PREFERENCES, TUESDAY_0830)).toBe(true);
    expect(isDigestDue(DEFAULT_DIGEST_PREFERENCES, TUESDAY_0830 + 60 * 60 * 1000)).toBe(false);
    expect(isDigestDue(DEFAULT_DIGEST_PREFERENCES, SUMMER_0830)).toBe(true);
    expect(isDigestDue({ ...DEFAULT_DIGEST_PREFERENCES, digestHour: 9 }, TUESDAY_0830)).toBe(false);
  });

  it("weekly comes on Monday only; off never", () => {
    const weekly = { ...DEFAULT_DIGEST_PREFERENCES, digest: "weekly" as const };
    expect(isDigestDue(weekly, MONDAY_0830)).toBe(true);
    expect(isDigestDue(weekly, TUESDAY_0830)).toBe(false);
    expect(isDigestDue({ ...DEFAULT_DIGEST_PREFERENCES, digest: "off" }, TUESDAY_0830)).toBe(false);
  });

  it("respects quiet hours: a preferred hour inside them moves to their end (also across midnight)", () => {
    expect(inQuietHours(23, 22, 7)).toBe(true);
    expect(inQuietHours(6, 22, 7)).toBe(true);
    expect(inQuietHours(7, 22, 7)).toBe(false);
    expect(inQuietHours(13, 12, 14)).toBe(true);
    expect(inQuietHours(14, 12, 14)).toBe(false);
    expect(inQuietHours(3, null, null)).toBe(false);
    expect(effectiveDigestHour({ digest: "daily", digestHour: 6, quietStart: 22, quietEnd: 8 })).toBe(8);
    expect(effectiveDigestHour({ digest: "daily", digestHour: 9, quietStart: 22, quietEnd: 8 })).toBe(9);
    const quietMorning = { digest: "daily" as const, digestHour: 7, quietStart: 0, quietEnd: 8 };
    expect(isDigestDue(quietMorning, TUESDAY_0830 - 60 * 60 * 1000)).toBe(false); // 07:30, quiet
    expect(isDigestDue(quietMorning, TUESDAY_0830)).toBe(true); // 08:30, quiet hours over
  });

  it("names periods: the Amsterdam day, the ISO week, the UTC hour", () => {
    expect(digestPeriod("daily", TUESDAY_0830)).toBe("2026-12-01");
    // 23:30 UTC on 30 November is already 1 December in Amsterdam.
    expect(digestPeriod("daily", Date.UTC(2026, 10, 30, 23, 30))).toBe("2026-12-01");
    expect(digestPeriod("weekly", TUESDAY_0830)).toBe("2026-W49");
    expect(isoWeek(2027, 1, 1)).toBe("2026-W53");
    expect(isoWeek(2026, 1, 1)).toBe("2026-W01");
    expect(hourPeriod(TUESDAY_0830)).toBe("2026-12-01T07");
  });

  it("checks the settings form: frequency, hours 0–23, both quiet hours or neither", () => {
    expect(ZDigestPreferencesInput.parse({ digest: "weekly", digestHour: "7" })).toEqual({ digest: "weekly", digestHour: 7 });
    expect(ZDigestPreferencesInput.parse({ quietStart: "", quietEnd: "" })).toEqual({ quietStart: null, quietEnd: null });
    expect(ZDigestPreferencesInput.safeParse({ digest: "hourly" }).error?.issues[0]?.message).toBe("validation.digest.frequency");
    expect(ZDigestPreferencesInput.safeParse({ digestHour: 24 }).error?.issues[0]?.message).toBe("validation.digest.hour");
    expect(ZDigestPreferencesInput.safeParse({ quietStart: 22 }).error?.issues[0]?.message).toBe("validation.digest.quietBoth");
  });
});
