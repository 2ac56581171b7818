// Session tokens: the cookie carries 32 random bytes (base64url); the database stores only their
// SHA-256, so a leaked database cannot be replayed as sessions.

export const SESSION_COOKIE = "bp_session";
/**
 * The cookie's name on a secure (https) origin: the `__Host-` prefix makes browsers accept it only
 * with Secure, Path=/ and no Domain, so no sibling subdomain can set or shadow it
 * (docs/decisions/014-security-headers.md). Plain http (local runs) keeps SESSION_COOKIE.
 */
export const SECURE_SESSION_COOKIE = `__Host-${SESSION_COOKIE}`;

/** The session cookie's name for an origin: `__Host-bp_session` on https, `bp_session` otherwise. */
export function sessionCookieName(url: string | URL): string {
  return new URL(url).protocol === "https:" ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
}

/**
 * The session token from a Cookie header, under either name: `__Host-bp_session` first, then
 * `bp_session` (local runs, and sessions started before the prefix). Undefined when there is none.
 */
export function readSessionCookie(cookieHeader: string | null | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  const found = new Map<string, string>();
  for (const part of cookieHeader.split(";")) {
    const at = part.indexOf("=");
    if (at < 0) continue;
    const name = part.slice(0, at).trim();
    if ((name === SECURE_SESSION_COOKIE || name === SESSION_COOKIE) && !found.has(name)) {
      const value = part.slice(at + 1).trim();
      if (value) found.set(name, value);
    }
  }
  return found.get(SECURE_SESSION_COOKIE) ?? found.get(SESSION_COOKIE);
}
export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function generateSessionToken(): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(32)));
}

export async function hashSessionToken(token: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(token));
  return toBase64Url(new Uint8Array(digest));
}
