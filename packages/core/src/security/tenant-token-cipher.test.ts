import { describe, expect, it } from "vitest";
import {
  decryptTenantToken,
  encryptTenantToken,
  generateTenantTokenKey,
  importTenantTokenKey,
  isEncryptedTenantToken,
  TenantTokenDecryptError,
  TenantTokenKeyError,
} from "./tenant-token-cipher.ts";

const TOKEN = "eyJhbGciOiJFZERTQSJ9.eyJhIjoicnciLCJpZCI6ImRlbGluZGUifQ.c2lnbmF0dXJl";
const TENANT = "3f1c2a9e-0000-4000-8000-000000000001";

const newKey = () => importTenantTokenKey(generateTenantTokenKey());

/** Flips one character of the part at `index` (0 version, 1 IV, 2 ciphertext) to another base64url character. */
function tamper(stored: string, index: number, position = 3): string {
  const parts = stored.split(":");
  const part = parts[index]!;
  const swapped = part[position] === "A" ? "B" : "A";
  parts[index] = part.slice(0, position) + swapped + part.slice(position + 1);
  return parts.join(":");
}

describe("tenant token cipher", () => {
  it("round-trips a token through the v1 format", async () => {
    const key = await newKey();
    const stored = await encryptTenantToken(key, TENANT, TOKEN);
    expect(stored).toMatch(/^v1:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]+$/);
    expect(stored).not.toContain(TOKEN);
    expect(isEncryptedTenantToken(stored)).toBe(true);
    expect(await decryptTenantToken(key, TENANT, stored)).toBe(TOKEN);
  });

  it("uses a different IV every time, so the same token never encrypts the same", async () => {
    const key = await newKey();
    const values = await Promise.all(Array.from({ length: 20 }, () => encryptTenantToken(key, TENANT, TOKEN)));
    expect(new Set(values.map((value) => value.split(":")[1])).size).toBe(values.length);
    expect(new Set(values).size).toBe(values.length);
    for (const value of values) expect(await decryptTenantToken(key, TENANT, value)).toBe(TOKEN);
  });

  it("refuses a tampered IV or ciphertext with a clear error", async () => {
    const key = await newKey();
    const stored = await encryptTenantToken(key, TENANT, TOKEN);
    for (const changed of [tamper(stored, 1), tamper(stored, 2), tamper(stored, 2, stored.split(":")[2]!.length - 2)]) {
      expect(changed).not.toBe(stored);
      const error = await decryptTenantToken(key, TENANT, changed).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TenantTokenDecryptError);
      expect((error as Error).message).toMatch(/wrong TENANT_TOKEN_KEY, or the stored value was tampered with/);
      expect((error as Error).message).not.toContain(TOKEN);
    }
  });

  it("refuses a truncated or malformed value instead of passing it on as a token", async () => {
    const key = await newKey();
    const stored = await encryptTenantToken(key, TENANT, TOKEN);
    const [, iv, ciphertext] = stored.split(":");
    for (const broken of [`v1:${iv}:${ciphertext!.slice(0, 10)}`, `v1:${iv}`, "v1::", `v1:${iv}:${ciphertext}:extra`, `v1:${iv}:not*base64`, `v1:AAAA:${ciphertext}`]) {
      await expect(decryptTenantToken(key, TENANT, broken)).rejects.toThrow(TenantTokenDecryptError);
    }
    await expect(decryptTenantToken(key, TENANT, `v2:${iv}:${ciphertext}`)).rejects.toThrow(/unknown format "v2"/);
  });

  it("refuses the wrong key", async () => {
    const stored = await encryptTenantToken(await newKey(), TENANT, TOKEN);
    await expect(decryptTenantToken(await newKey(), TENANT, stored)).rejects.toThrow(TenantTokenDecryptError);
  });

  it("refuses a value moved onto another tenant's row", async () => {
    const key = await newKey();
    const stored = await encryptTenantToken(key, TENANT, TOKEN);
    await expect(decryptTenantToken(key, "another-tenant", stored)).rejects.toThrow(TenantTokenDecryptError);
  });

  it("passes a legacy plain token (written before encryption) through unchanged", async () => {
    const key = await newKey();
    for (const legacy of [TOKEN, "a1b2c3d4e5", "token-with:colons"]) {
      expect(isEncryptedTenantToken(legacy)).toBe(false);
      expect(await decryptTenantToken(key, TENANT, legacy)).toBe(legacy);
    }
  });

  it("imports a key given as base64 or base64url, and explains a missing or wrong-sized one", async () => {
    const encoded = generateTenantTokenKey();
    expect(encoded).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    const stored = await encryptTenantToken(await importTenantTokenKey(encoded), TENANT, TOKEN);
    const urlSafe = encoded.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
    expect(await decryptTenantToken(await importTenantTokenKey(`${urlSafe}\n`), TENANT, stored)).toBe(TOKEN);

    await expect(importTenantTokenKey(undefined)).rejects.toThrow(/TENANT_TOKEN_KEY is not set/);
    await expect(importTenantTokenKey("  ")).rejects.toThrow(TenantTokenKeyError);
    await expect(importTenantTokenKey(btoa("sixteen bytes!!!"))).rejects.toThrow(/base64 of 32 random bytes/);
    await expect(importTenantTokenKey("not base64 at all!")).rejects.toThrow(TenantTokenKeyError);
  });
});
