import { describe, expect, it } from "vitest";
import { PERSONAL_INVITES_PER_MONTH, personalInviteAllowance } from "./personal-invite-limit.ts";

const NOW = Date.parse("2026-11-20T10:00:00Z");
const thisMonth = Date.parse("2026-11-03T10:00:00Z");
const lastMonth = Date.parse("2026-10-30T10:00:00Z");

describe("personal invite limit", () => {
  it("allows 3 per calendar month", () => {
    expect(PERSONAL_INVITES_PER_MONTH).toBe(3);
    expect(personalInviteAllowance([], NOW)).toMatchObject({ limit: 3, used: 0, remaining: 3 });
    expect(personalInviteAllowance([thisMonth, thisMonth + 1], NOW)).toMatchObject({ used: 2, remaining: 1 });
    expect(personalInviteAllowance([thisMonth, thisMonth + 1, thisMonth + 2], NOW)).toMatchObject({ used: 3, remaining: 0 });
    expect(personalInviteAllowance([thisMonth, thisMonth, thisMonth, thisMonth], NOW).remaining).toBe(0);
  });

  it("counts only this month, and says when the count starts again", () => {
    const allowance = personalInviteAllowance([lastMonth, lastMonth, lastMonth, thisMonth], NOW);
    expect(allowance).toMatchObject({ used: 1, remaining: 2 });
    expect(new Date(allowance.monthStart).toISOString()).toBe("2026-10-31T23:00:00.000Z");
    expect(new Date(allowance.resetsAt).toISOString()).toBe("2026-11-30T23:00:00.000Z");
  });
});
