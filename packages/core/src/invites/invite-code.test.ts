import { describe, expect, it } from "vitest";
import { INVITE_CODE_ALPHABET, formatInviteCode, generateInviteCode, normalizeInviteCode } from "./invite-code.ts";

describe("invite codes", () => {
  it("uses no characters that look alike", () => {
    for (const ambiguous of ["0", "O", "1", "I", "L"]) expect(INVITE_CODE_ALPHABET).not.toContain(ambiguous);
  });

  it("generates 8 characters from the alphabet, different every time", () => {
    const codes = Array.from({ length: 200 }, generateInviteCode);
    for (const code of codes) {
      expect(code).toMatch(/^[A-Z2-9]{8}$/);
      for (const character of code) expect(INVITE_CODE_ALPHABET).toContain(character);
    }
    expect(new Set(codes).size).toBe(codes.length);
  });

  it("spreads characters evenly over the alphabet", () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 2000; i++) for (const character of generateInviteCode()) counts.set(character, (counts.get(character) ?? 0) + 1);
    expect(counts.size).toBe(INVITE_CODE_ALPHABET.length);
    const expected = (2000 * 8) / INVITE_CODE_ALPHABET.length;
    for (const count of counts.values()) expect(Math.abs(count - expected)).toBeLessThan(expected * 0.35);
  });

  it("is shown as ABCD-EFGH", () => {
    expect(formatInviteCode("ABCDEFGH")).toBe("ABCD-EFGH");
  });

  it.each([
    ["ABCD-EFGH", "ABCDEFGH"],
    ["abcd-efgh", "ABCDEFGH"],
    ["abcdefgh", "ABCDEFGH"],
    [" AbCd EfGh ", "ABCDEFGH"],
    ["ab cd-ef gh", "ABCDEFGH"],
    ["2345–6789", "23456789"],
  ])("accepts %j as %s", (typed, stored) => {
    expect(normalizeInviteCode(typed)).toBe(stored);
  });

  it.each(["", "ABCD-EFG", "ABCD-EFGHJ", "ABCD-EFG0", "OOOO-OOOO", "ABCD-EFGI", "ABCD!EFGH"])("refuses %j", (typed) => {
    expect(normalizeInviteCode(typed)).toBeNull();
  });
});
