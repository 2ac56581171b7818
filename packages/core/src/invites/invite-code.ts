// The short human code on a paper letter: 8 characters from an alphabet without look-alikes
// (no 0/O, 1/I/L), shown as ABCD-EFGH, accepted in any case, with or without dash or spaces.
import { generateRandomCharacters } from "./random-characters.ts";

export const INVITE_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const INVITE_CODE_LENGTH = 8;

/** A new code as stored: 8 upper-case characters, no dash (31^8 ≈ 8.5 × 10^11 possibilities). */
export function generateInviteCode(): string {
  return generateRandomCharacters(INVITE_CODE_LENGTH, INVITE_CODE_ALPHABET);
}

/** "ABCDEFGH" → "ABCD-EFGH" (how the code is printed and shown). */
export function formatInviteCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** What someone typed → the stored form, or null when it cannot be a code. */
export function normalizeInviteCode(input: string): string | null {
  const compact = input.replace(/[\s\-–—_.]/g, "").toUpperCase();
  if (compact.length !== INVITE_CODE_LENGTH) return null;
  for (const character of compact) if (!INVITE_CODE_ALPHABET.includes(character)) return null;
  return compact;
}
