import { describe, expect, it } from "vitest";
import { generateLoginToken, hashLoginToken, normaliseRecoveryCode } from "./login-token.ts";

describe("login tokens", () => {
  it("are at least 128 random bits, stored as a SHA-256", async () => {
    const token = generateLoginToken();
    expect(token.length).toBeGreaterThanOrEqual(22);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(generateLoginToken()).not.toBe(token);
    expect(await hashLoginToken(token)).toBe(await hashLoginToken(token));
    expect(await hashLoginToken(token)).not.toBe(token);
  });

  it("read recovery codes regardless of case, spaces and dashes", () => {
    expect(normaliseRecoveryCode("abcd-efgh 2345")).toBe("ABCDEFGH2345");
  });
});
