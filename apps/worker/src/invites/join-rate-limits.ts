// Rate limits of joining through an invite: looking an invite up, and redeeming it.
import type { RateLimitRule } from "../lib/rate-limit.ts";

const TEN_MINUTES = 10 * 60 * 1000;

export const JOIN_RATE_LIMITS = {
  /** Invite look-ups (codes typed, links opened) from one IP: slows down guessing codes. */
  lookupPerIp: (ip: string): RateLimitRule => ({ key: `join-lookup:ip:${ip}`, limit: 60, windowMs: TEN_MINUTES }),
  /** Accounts made through invites from one IP. */
  redeemPerIp: (ip: string): RateLimitRule => ({ key: `join:ip:${ip}`, limit: 20, windowMs: TEN_MINUTES }),
} as const;
