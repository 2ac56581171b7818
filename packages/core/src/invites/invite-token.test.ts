import { describe, expect, it } from "vitest";
import { generateInviteToken, isInviteToken } from "./invite-token.ts";
import { parseInviteReference } from "./parse-invite-reference.ts";

describe("invite tokens and references", () => {
  it("makes base64url tokens of at least 128 bits", () => {
    const tokens = Array.from({ length: 100 }, generateInviteToken);
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(token.length * 6).toBeGreaterThanOrEqual(128);
      expect(isInviteToken(token)).toBe(true);
    }
    expect(new Set(tokens).size).toBe(tokens.length);
  });

  it("reads a typed code as a code and a link token as a token", () => {
    const token = generateInviteToken();
    expect(parseInviteReference("abcd-efgh")).toEqual({ kind: "code", code: "ABCDEFGH" });
    expect(parseInviteReference(` ${token} `)).toEqual({ kind: "token", token });
  });

  it.each(["", "   ", "ABC", "not a code at all", "x".repeat(101), "<script>"])("recognises %j as neither", (input) => {
    expect(parseInviteReference(input)).toBeNull();
  });
});
