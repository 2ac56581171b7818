// Members may invite a neighbour with a personal code: 3 per calendar month (Amsterdam time), so
// invites stay personal and a leaked account cannot flood a neighbourhood.
import { amsterdamMonth } from "./amsterdam-calendar.ts";

export const PERSONAL_INVITES_PER_MONTH = 3;
/** A personal invite lets one person in and lasts 30 days. */
export const PERSONAL_INVITE_MAX_USES = 1;
export const PERSONAL_INVITE_TTL_MS = 30 * 24 * 60 * 60 * 1000;

export interface PersonalInviteAllowance {
  limit: number;
  used: number;
  remaining: number;
  /** Start of this calendar month: invites made since then count. */
  monthStart: number;
  /** When the count starts again (the first of next month, 00:00 in Amsterdam). */
  resetsAt: number;
}

/** How many personal invites a member has left, given when they made their personal invites. */
export function personalInviteAllowance(createdAt: readonly number[], now: number, limit = PERSONAL_INVITES_PER_MONTH): PersonalInviteAllowance {
  const month = amsterdamMonth(now);
  const used = createdAt.filter((time) => time >= month.start && time < month.end).length;
  return { limit, used, remaining: Math.max(0, limit - used), monthStart: month.start, resetsAt: month.end };
}
