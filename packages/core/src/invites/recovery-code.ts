// One-time recovery codes a help desk hands over on paper (accounts without e-mail). Only
// hashLoginToken(normaliseRecoveryCode(code)) is stored, in login_tokens (purpose "recovery").
import { INVITE_CODE_ALPHABET } from "./invite-code.ts";
import { generateRandomCharacters } from "./random-characters.ts";

export const PAPER_RECOVERY_CODE_LENGTH = 12;

/** "ABCD-EFGH-JKMN": 12 characters without look-alikes (31^12 ≈ 2^59), easy to copy from paper. */
export function generatePaperRecoveryCode(): string {
  const raw = generateRandomCharacters(PAPER_RECOVERY_CODE_LENGTH, INVITE_CODE_ALPHABET);
  return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`;
}
