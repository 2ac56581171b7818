// The unguessable token in an invite link (QR codes, e-mail): 24 random bytes = 192 bits, base64url.

export const INVITE_TOKEN_BYTES = 24;

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function generateInviteToken(): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(INVITE_TOKEN_BYTES)));
}

/** A token has the shape of one (base64url, at least 22 characters = 128 bits). */
export function isInviteToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{22,64}$/.test(value);
}
