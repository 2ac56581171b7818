// One-time login tokens: magic links (e-mail) and recovery codes (made by a moderator for accounts
// without e-mail). Like sessions, only the SHA-256 of a token is stored (login_tokens.id).
import { generateSessionToken, hashSessionToken } from "./session-token.ts";

export const LOGIN_TOKEN_PURPOSES = ["magic_link", "recovery"] as const;
export type LoginTokenPurpose = (typeof LOGIN_TOKEN_PURPOSES)[number];

/** A magic link works for 15 minutes, once. */
export const MAGIC_LINK_TTL_MS = 15 * 60 * 1000;

/** 32 random bytes, base64url (256 bits). */
export function generateLoginToken(): string {
  return generateSessionToken();
}

/** SHA-256, base64url: the login_tokens.id of a token or code. */
export function hashLoginToken(token: string): Promise<string> {
  return hashSessionToken(token);
}

/**
 * Recovery codes are typed over from paper: case, spaces and dashes must not matter. The stored id is
 * `hashLoginToken(normaliseRecoveryCode(code))`.
 */
export function normaliseRecoveryCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]+/g, "");
}
