// The digest's one-click unsubscribe link works without logging in: its token names the member and an
// expiry, signed with HMAC-SHA-256 under a key only the server has (derived from TENANT_TOKEN_KEY per
// corporation, apps/worker/src/notifications/unsubscribe-key.ts). Format: <payload>.<signature>, both
// base64url; payload = "v1:<user id>:<expires at, ms>". Not secret, but unforgeable and bounded in time.

/** An unsubscribe link keeps working this long (digests are read late; mail clients keep them). */
export const UNSUBSCRIBE_TOKEN_TTL_MS = 90 * 24 * 60 * 60 * 1000;

/** WebCrypto's CryptoKey, named so that it type-checks against Node's and workerd's globals alike. */
export type UnsubscribeKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) return null;
  try {
    const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}

/** An HMAC key from secret bytes (e.g. 32 bytes derived for one corporation). */
export async function importUnsubscribeKey(secret: Uint8Array<ArrayBuffer>): Promise<UnsubscribeKey> {
  return crypto.subtle.importKey("raw", secret, { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]);
}

export async function signUnsubscribeToken(key: UnsubscribeKey, userId: string, expiresAt: number): Promise<string> {
  const payload = encoder.encode(`v1:${userId}:${expiresAt}`);
  const signature = new Uint8Array(await crypto.subtle.sign("HMAC", key, payload));
  return `${toBase64Url(payload)}.${toBase64Url(signature)}`;
}

export type UnsubscribeTokenCheck = { ok: true; userId: string; expiresAt: number } | { ok: false; reason: "malformed" | "tampered" | "expired" };

/** Checks the signature first (in constant time, by WebCrypto), then the expiry. */
export async function verifyUnsubscribeToken(key: UnsubscribeKey, token: string, now: number): Promise<UnsubscribeTokenCheck> {
  const [payloadPart, signaturePart, extra] = token.split(".");
  if (!payloadPart || !signaturePart || extra !== undefined || token.length > 512) return { ok: false, reason: "malformed" };
  const payload = fromBase64Url(payloadPart);
  const signature = fromBase64Url(signaturePart);
  if (!payload || !signature) return { ok: false, reason: "malformed" };
  const match = /^v1:([^:]{1,100}):(\d{1,16})$/.exec(decoder.decode(payload));
  if (!match) return { ok: false, reason: "malformed" };
  if (!(await crypto.subtle.verify("HMAC", key, signature, payload))) return { ok: false, reason: "tampered" };
  const expiresAt = Number(match[2]);
  if (expiresAt <= now) return { ok: false, reason: "expired" };
  return { ok: true, userId: match[1]!, expiresAt };
}
