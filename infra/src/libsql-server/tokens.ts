// Per-database tokens are stateless: base64url(HMAC-SHA256(serverSecret, name)). The secret lives in
// <dataDir>/.server-secret, so tokens stay valid across restarts.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export function loadServerSecret(dataDir: string): Buffer {
  const file = join(dataDir, ".server-secret");
  try {
    writeFileSync(file, randomBytes(32).toString("hex"), { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  const secret = readFileSync(file, "utf8").trim();
  if (secret.length < 32) throw new Error(`${file} is too short to be a server secret`);
  return Buffer.from(secret, "utf8");
}

export function databaseToken(secret: Buffer, name: string): string {
  return createHmac("sha256", secret).update(name).digest("base64url");
}

/** Constant-time comparison of a presented token with the expected one. */
export function tokenMatches(presented: string | null, expected: string): boolean {
  if (presented === null) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
