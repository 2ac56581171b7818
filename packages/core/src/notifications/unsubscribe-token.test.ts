import { describe, expect, it } from "vitest";
import { importUnsubscribeKey, signUnsubscribeToken, verifyUnsubscribeToken } from "./unsubscribe-token.ts";

const key = await importUnsubscribeKey(new Uint8Array(32).fill(7));
const otherKey = await importUnsubscribeKey(new Uint8Array(32).fill(8));
const NOW = Date.UTC(2026, 11, 1);

describe("the unsubscribe token", () => {
  it("names the member until it expires", async () => {
    const token = await signUnsubscribeToken(key, "user-1", NOW + 1000);
    expect(await verifyUnsubscribeToken(key, token, NOW)).toEqual({ ok: true, userId: "user-1", expiresAt: NOW + 1000 });
    expect(await verifyUnsubscribeToken(key, token, NOW + 1000)).toEqual({ ok: false, reason: "expired" });
  });

  it("refuses a changed member, a changed expiry, another key's signature", async () => {
    const token = await signUnsubscribeToken(key, "user-1", NOW + 1000);
    const [, signature] = token.split(".");
    const forged = `${btoa("v1:user-2:" + (NOW + 1000)).replace(/=+$/, "")}.${signature}`;
    expect(await verifyUnsubscribeToken(key, forged, NOW)).toEqual({ ok: false, reason: "tampered" });
    const later = `${btoa("v1:user-1:" + (NOW + 10_000_000)).replace(/=+$/, "")}.${signature}`;
    expect(await verifyUnsubscribeToken(key, later, NOW)).toEqual({ ok: false, reason: "tampered" });
    expect(await verifyUnsubscribeToken(otherKey, token, NOW)).toEqual({ ok: false, reason: "tampered" });
  });

  it("refuses what is no token at all", async () => {
    for (const junk of ["", "abc", "a.b.c", "!!!.???", `${btoa("hello")}.${btoa("x")}`]) {
      expect(await verifyUnsubscribeToken(key, junk, NOW)).toEqual({ ok: false, reason: "malformed" });
    }
  });
});
