import { describe, expect, it } from "vitest";
import { amsterdamMidnight, amsterdamMonth, endOfAmsterdamDay, isCalendarDate } from "./amsterdam-calendar.ts";

describe("Amsterdam calendar", () => {
  it("knows midnight in winter (UTC+1) and summer (UTC+2)", () => {
    expect(new Date(amsterdamMidnight(2026, 1, 15)).toISOString()).toBe("2026-01-14T23:00:00.000Z");
    expect(new Date(amsterdamMidnight(2026, 7, 15)).toISOString()).toBe("2026-07-14T22:00:00.000Z");
  });

  it("lets an expiry date work until the end of that day", () => {
    expect(new Date(endOfAmsterdamDay("2026-12-31")).toISOString()).toBe("2026-12-31T23:00:00.000Z");
    expect(new Date(endOfAmsterdamDay("2026-03-28")).toISOString()).toBe("2026-03-28T23:00:00.000Z");
    // The night the clocks go forward (29 March 2026) ends at 22:00 UTC.
    expect(new Date(endOfAmsterdamDay("2026-03-29")).toISOString()).toBe("2026-03-29T22:00:00.000Z");
  });

  it("finds the calendar month, also late on the last evening of a month", () => {
    const lateOnMarch31 = Date.parse("2026-03-31T21:30:00Z"); // 23:30 in Amsterdam
    const month = amsterdamMonth(lateOnMarch31);
    expect(new Date(month.start).toISOString()).toBe("2026-02-28T23:00:00.000Z");
    expect(new Date(month.end).toISOString()).toBe("2026-03-31T22:00:00.000Z");
    const justAfter = amsterdamMonth(Date.parse("2026-03-31T22:30:00Z")); // 00:30 on 1 April
    expect(new Date(justAfter.start).toISOString()).toBe("2026-03-31T22:00:00.000Z");
    const december = amsterdamMonth(Date.parse("2026-12-20T10:00:00Z"));
    expect(new Date(december.end).toISOString()).toBe("2026-12-31T23:00:00.000Z");
  });

  it.each([
    ["2026-12-31", true],
    ["2028-02-29", true],
    ["2026-02-29", false],
    ["2026-13-01", false],
    ["31-12-2026", false],
    ["2026-1-1", false],
  ])("%s is a calendar date: %s", (value, expected) => {
    expect(isCalendarDate(value)).toBe(expected);
  });
});
