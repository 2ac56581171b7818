import { describe, expect, it } from "vitest";
import { inviteState } from "./invite-state.ts";

const NOW = Date.UTC(2026, 10, 1, 12);
const base = { expiresAt: null, maxUses: null, uses: 0, revokedAt: null };

describe("inviteState", () => {
  it.each([
    ["no limits", base, "valid"],
    ["expiry in the future", { ...base, expiresAt: NOW + 1 }, "valid"],
    ["uses left", { ...base, maxUses: 3, uses: 2 }, "valid"],
    ["expiry just now", { ...base, expiresAt: NOW }, "expired"],
    ["expiry in the past", { ...base, expiresAt: NOW - 1000 }, "expired"],
    ["all uses taken", { ...base, maxUses: 1, uses: 1 }, "used_up"],
    ["more uses than allowed (never happens, still used up)", { ...base, maxUses: 1, uses: 2 }, "used_up"],
    ["revoked", { ...base, revokedAt: NOW - 1 }, "revoked"],
    ["revoked and expired and used up", { expiresAt: NOW - 1, maxUses: 1, uses: 1, revokedAt: NOW - 1 }, "revoked"],
    ["expired and used up", { expiresAt: NOW - 1, maxUses: 1, uses: 1, revokedAt: null }, "expired"],
  ] as const)("%s → %s", (_label, invite, expected) => {
    expect(inviteState(invite, NOW)).toBe(expected);
  });
});
