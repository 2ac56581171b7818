import { describe, expect, it } from "vitest";
import { FEW } from "../activities/reach.ts";
import { maskedAverage, maskedBreakdown, maskedMean, maskedPercent } from "./k-anonymity.ts";
import { ZPollInput, pollClosed, resultsVisible, tallyVotes, voteRefusal } from "./polls.ts";
import { ZPulseResponse, periodsOverlap, pulsePeriodAround, pulseState } from "./pulse.ts";
import { ZPriorityAnswer, aggregatePriorities, answerPoints, priorityAnswerFromForm } from "./priorities.ts";
import { LEEFBAAROMETER_DIMENSIONS, PULSE_THEMES, THEME_DIMENSION } from "./themes.ts";

const NOW = Date.parse("2026-11-15T12:00:00Z");

describe("poll rules", () => {
  const single = { optionCount: 3, multiple: false, closesAt: NOW + 1000 };
  it("takes one option in a single-choice poll and several in a multiple-choice one", () => {
    expect(voteRefusal(single, [1], NOW)).toBeNull();
    expect(voteRefusal(single, [0, 1], NOW)).toBe("single_choice");
    expect(voteRefusal({ ...single, multiple: true }, [0, 2], NOW)).toBeNull();
  });
  it("refuses options out of range or repeated, and any vote after the deadline", () => {
    expect(voteRefusal(single, [3], NOW)).toBe("invalid_option");
    expect(voteRefusal({ ...single, multiple: true }, [1, 1], NOW)).toBe("invalid_option");
    expect(voteRefusal(single, [0], NOW + 1000)).toBe("closed");
    expect(pollClosed({ closesAt: null }, NOW)).toBe(false);
  });
  it("shows results after voting or after closing, not before", () => {
    expect(resultsVisible({ closesAt: NOW + 1 }, false, NOW)).toBe(false);
    expect(resultsVisible({ closesAt: NOW + 1 }, true, NOW)).toBe(true);
    expect(resultsVisible({ closesAt: NOW }, false, NOW)).toBe(true);
  });
  it("tallies ballots per option", () => {
    expect(tallyVotes(3, [[0], [0, 2], [2]])).toEqual([2, 0, 2]);
  });
  it("needs 2 to 10 distinct options", () => {
    expect(ZPollInput.safeParse({ question: "Q", options: ["a"] }).success).toBe(false);
    expect(ZPollInput.safeParse({ question: "Q", options: ["a", "A"] }).success).toBe(false);
    expect(ZPollInput.safeParse({ question: "Q", options: ["a", "b"], closesAt: "2026-12-01T10:00" }).data?.closesAt).toBeTypeOf("number");
  });
});

describe("pulse periods", () => {
  it("finds the Amsterdam calendar period around a moment", () => {
    expect(pulsePeriodAround(NOW, "quarter")).toEqual({ opensAt: Date.parse("2026-09-30T22:00:00Z"), closesAt: Date.parse("2026-12-31T23:00:00Z") });
    expect(pulsePeriodAround(NOW, "month").opensAt).toBe(Date.parse("2026-10-31T23:00:00Z"));
    expect(pulsePeriodAround(NOW, "half_year")).toEqual({ opensAt: Date.parse("2026-06-30T22:00:00Z"), closesAt: Date.parse("2026-12-31T23:00:00Z") });
    expect(pulsePeriodAround(NOW, "year").opensAt).toBe(Date.parse("2025-12-31T23:00:00Z"));
  });
  it("knows upcoming, open and closed, and overlap", () => {
    const pulse = { opensAt: NOW, closesAt: NOW + 10 };
    expect([pulseState(pulse, NOW - 1), pulseState(pulse, NOW), pulseState(pulse, NOW + 10)]).toEqual(["upcoming", "open", "closed"]);
    expect(periodsOverlap(pulse, { opensAt: NOW + 10, closesAt: NOW + 20 })).toBe(false);
    expect(periodsOverlap(pulse, { opensAt: NOW + 9, closesAt: NOW + 20 })).toBe(true);
  });
  it("needs every theme scored 1–5", () => {
    const scores = Object.fromEntries(PULSE_THEMES.map((theme) => [theme, 3]));
    expect(ZPulseResponse.safeParse({ scores }).success).toBe(true);
    expect(ZPulseResponse.safeParse({ scores: { ...scores, safety: 6 } }).success).toBe(false);
    expect(ZPulseResponse.safeParse({ scores: { ...scores, nuisance: undefined } }).success).toBe(false);
  });
  it("maps every theme to a Leefbaarometer 3.0 dimension, and uses every dimension", () => {
    expect(Object.keys(THEME_DIMENSION).sort()).toEqual([...PULSE_THEMES].sort());
    expect(new Set(Object.values(THEME_DIMENSION))).toEqual(new Set(LEEFBAAROMETER_DIMENSIONS));
  });
});

describe("What first? aggregation", () => {
  const order = ["safety", "nuisance", "cleanliness", "social_contact", "facilities", "green_and_play", "maintenance"] as const;
  it("gives a ranking Borda points and adds points answers as given", () => {
    expect(answerPoints({ ranking: [...order] }).safety).toBe(7);
    expect(answerPoints({ ranking: [...order] }).maintenance).toBe(1);
    expect(answerPoints({ points: { safety: 60, nuisance: 40 } })).toMatchObject({ safety: 60, nuisance: 40, facilities: 0 });
  });
  it("ranks the neighbourhood's themes, ties sharing a place", () => {
    const result = aggregatePriorities([{ points: { safety: 50, nuisance: 50 } }, { points: { safety: 30, nuisance: 30, facilities: 40 } }]);
    expect(result.slice(0, 3)).toEqual([
      { theme: "safety", points: 80, place: 1 },
      { theme: "nuisance", points: 80, place: 1 },
      { theme: "facilities", points: 40, place: 3 },
    ]);
  });
  it("refuses points not adding up to 100 and incomplete rankings", () => {
    expect(ZPriorityAnswer.safeParse({ points: { safety: 50 } }).success).toBe(false);
    expect(ZPriorityAnswer.safeParse({ points: { safety: 50, unknown: 50 } }).success).toBe(false);
    expect(ZPriorityAnswer.safeParse({ ranking: order.slice(0, 6) }).success).toBe(false);
    expect(ZPriorityAnswer.safeParse({ ranking: [...order] }).success).toBe(true);
  });
  it("reads the form: places 1–7 (each once) or points", () => {
    const form = Object.fromEntries(order.map((theme, index) => [`rank_${theme}`, String(index + 1)]));
    expect(priorityAnswerFromForm("rank", form)).toEqual({ ranking: [...order] });
    expect(ZPriorityAnswer.safeParse(priorityAnswerFromForm("rank", { ...form, rank_safety: "2" })).success).toBe(false);
    expect(priorityAnswerFromForm("points", { points_safety: "100" })).toMatchObject({ points: { safety: 100, nuisance: 0 } });
  });
});

describe("the < 5 rule", () => {
  it("hides averages and percentages of fewer than five people", () => {
    expect(maskedAverage([5, 4, 3, 2])).toBe(FEW);
    expect(maskedAverage([5, 4, 3, 2, 1])).toBe(3);
    expect(maskedMean(17, 5)).toBe(3.4);
    expect(maskedMean(17, 4)).toBe(FEW);
    expect(maskedPercent(4, 100)).toBe(FEW);
    expect(maskedPercent(5, 4)).toBe(FEW);
    expect(maskedPercent(25, 100)).toBe(25);
  });
  it("hides a second cell so the total minus the shown cells cannot reveal a small one (differencing)", () => {
    const { cells, total } = maskedBreakdown({ yes: 10, no: 2, maybe: 7 }, 19);
    expect(total).toBe(19);
    expect(cells.no).toBe(FEW);
    expect(cells.maybe).toBe(FEW);
    expect(cells.yes).toBe(10);
    // No shown total minus the shown cells reveals the hidden one.
    const shown = Object.values(cells).filter((value): value is number => value !== FEW);
    expect(19 - shown.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(5);
  });
  it("hides everything when the total itself is under five", () => {
    expect(maskedBreakdown({ yes: 3, no: 1 }, 4)).toEqual({ cells: { yes: FEW, no: FEW }, total: FEW });
  });
});

describe("trend lines", () => {
  it("breaks a theme's line at periods hidden by the < 5 rule", async () => {
    const { trendSegments } = await import("./trend.ts");
    expect(trendSegments([3.1, 3.4, FEW, 4, 4.2])).toEqual([
      [
        [0, 3.1],
        [1, 3.4],
      ],
      [
        [3, 4],
        [4, 4.2],
      ],
    ]);
    expect(trendSegments([FEW, FEW])).toEqual([]);
  });
});
