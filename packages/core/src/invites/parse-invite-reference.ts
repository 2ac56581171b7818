// People arrive with a link (token) or a typed code; one field accepts both.
import { normalizeInviteCode } from "./invite-code.ts";
import { isInviteToken } from "./invite-token.ts";

export type InviteReference = { kind: "code"; code: string } | { kind: "token"; token: string };

/** A code first (it is short and typed by hand), otherwise a token; null when it is neither. */
export function parseInviteReference(input: string): InviteReference | null {
  const trimmed = input.trim();
  if (trimmed.length === 0 || trimmed.length > 100) return null;
  const code = normalizeInviteCode(trimmed);
  if (code) return { kind: "code", code };
  if (isInviteToken(trimmed)) return { kind: "token", token: trimmed };
  return null;
}
