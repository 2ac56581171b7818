import { describe, expect, it } from "vitest";
import { chooseAppealReviewer, DAY_MS, isSuspended, publicCount, suspensionEnd } from "./moderation-rules.ts";
import { kindnessMatches, parseKindnessWords, DEFAULT_KINDNESS_WORDS } from "./kindness.ts";
import { ZContentDecisionInput, ZReportInput, ZSuspendMemberInput } from "./moderation-input.ts";

describe("the public record", () => {
  it("shows 1 to 4 as '< 5', zero and five or more as they are", () => {
    expect([0, 1, 4, 5, 12].map(publicCount)).toEqual([0, "< 5", "< 5", 5, 12]);
  });
});

describe("suspensions", () => {
  it("end after the number of days and block until then", () => {
    const end = suspensionEnd(1000, 3);
    expect(end).toBe(1000 + 3 * DAY_MS);
    expect(isSuspended(end, end - 1)).toBe(true);
    expect(isSuspended(end, end)).toBe(false);
    expect(isSuspended(null, 0)).toBe(false);
  });
});

describe("appeal reviewer", () => {
  it("is another moderator than the one who acted where possible", () => {
    expect(chooseAppealReviewer(["a", "b"], "a")).toBe("b");
    expect(chooseAppealReviewer(["b", "a"], "a")).toBe("b");
    expect(chooseAppealReviewer(["a"], "a")).toBe("a");
    expect(chooseAppealReviewer([], "a")).toBe("a");
    expect(chooseAppealReviewer([], null)).toBe(null);
  });
});

describe("the kindness prompt", () => {
  it("matches whole words and phrases, ignoring case and accents", () => {
    expect(kindnessMatches("Wat een IDIOOT is dat", DEFAULT_KINDNESS_WORDS)).toEqual(["idioot"]);
    expect(kindnessMatches("idióót!", ["idioot"])).toEqual(["idioot"]);
    expect(kindnessMatches("Hou   je bek nou", DEFAULT_KINDNESS_WORDS)).toContain("hou je bek");
    expect(kindnessMatches("You are stupid.", DEFAULT_KINDNESS_WORDS)).toEqual(["stupid"]);
  });
  it("does not match inside other words", () => {
    expect(kindnessMatches("Kutzooi? Nee: de kutterij en Lulofs", ["kut", "lul"])).toEqual([]);
    expect(kindnessMatches("Dumbo de olifant", DEFAULT_KINDNESS_WORDS)).toEqual([]);
  });
  it("reads a stored list one entry a line; null means the defaults", () => {
    expect(parseKindnessWords(null)).toEqual([...DEFAULT_KINDNESS_WORDS]);
    expect(parseKindnessWords(" mafkees \r\n\nmafkees\nprutser")).toEqual(["mafkees", "prutser"]);
    expect(parseKindnessWords("")).toEqual([]);
  });
});

describe("moderation input", () => {
  it("takes a report of a post, reply or member with a reason and an optional house rule", () => {
    expect(ZReportInput.parse({ targetType: "post", targetId: "abc-1", reason: "  Scheldt mensen uit ", houseRule: "2" })).toEqual({ targetType: "post", targetId: "abc-1", reason: "Scheldt mensen uit", houseRule: 2 });
    expect(ZReportInput.parse({ targetType: "member", targetId: "u1", reason: "Pest", houseRule: "" }).houseRule).toBeUndefined();
  });
  it("refuses a wrong target type, a missing reason and a house rule that does not exist", () => {
    expect(ZReportInput.safeParse({ targetType: "group", targetId: "x", reason: "Waarom" }).success).toBe(false);
    expect(ZReportInput.safeParse({ targetType: "post", targetId: "x", reason: " " }).success).toBe(false);
    expect(ZReportInput.safeParse({ targetType: "post", targetId: "x", reason: "Waarom", houseRule: 99 }).success).toBe(false);
    expect(ZReportInput.safeParse({ targetType: "post", targetId: "../x", reason: "Waarom" }).success).toBe(false);
    expect(ZContentDecisionInput.safeParse({ targetType: "member", targetId: "x", reason: "Waarom" }).success).toBe(false);
  });
  it("suspends for 1 to 90 days", () => {
    expect(ZSuspendMemberInput.parse({ userId: "u", reason: "Bedreigingen", days: "7" }).days).toBe(7);
    expect(ZSuspendMemberInput.safeParse({ userId: "u", reason: "Bedreigingen", days: 0 }).success).toBe(false);
    expect(ZSuspendMemberInput.safeParse({ userId: "u", reason: "Bedreigingen", days: 91 }).success).toBe(false);
  });
});
