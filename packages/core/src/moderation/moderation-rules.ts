// The rules of moderation that need no database: the public record's "< 5", a suspension's end, who
// reviews an appeal.
export const DAY_MS = 24 * 60 * 60 * 1000;
/** The public record looks back this far. */
export const PUBLIC_RECORD_DAYS = 90;

export const FEW_REMOVALS = "< 5" as const;

/**
 * A count on the public record: 0 stays 0 (it tells nothing about anyone), 1 to 4 is shown as "< 5"
 * (in a small neighbourhood "1 removed for rule 4" next to a post that vanished names its author).
 * Decision 026.
 */
export function publicCount(count: number): number | typeof FEW_REMOVALS {
  return count > 0 && count < 5 ? FEW_REMOVALS : count;
}

export function suspensionEnd(now: number, days: number): number {
  return now + days * DAY_MS;
}

export function isSuspended(until: number | null | undefined, now: number): boolean {
  return until !== null && until !== undefined && until > now;
}

/**
 * Who reviews an appeal: someone other than the moderator who acted, where there is one (the first
 * candidate in the order given, e.g. fewest open appeals first); otherwise the one who acted.
 */
export function chooseAppealReviewer(candidates: readonly string[], actedBy: string | null): string | null {
  return candidates.find((id) => id !== actedBy) ?? actedBy ?? candidates[0] ?? null;
}
