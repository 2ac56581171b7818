// Every rate limit of the identity routes in one place. Per-IP limits slow down whoever hammers us;
// per-account limits protect one person's account from password guessing, whatever the IP.
import type { RateLimitRule } from "./rate-limit.ts";

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;

export const RATE_LIMITS = {
  /** Password logins from one IP. */
  loginPerIp: (ip: string): RateLimitRule => ({ key: `login:ip:${ip}`, limit: 30, windowMs: 15 * MINUTE }),
  /** Failed password logins for one e-mail address or login name (reset by a successful login). */
  loginFailuresPerAccount: (identifier: string): RateLimitRule => ({ key: `login:fail:${identifier}`, limit: 10, windowMs: 15 * MINUTE }),
  /** Magic-link requests from one IP. */
  magicLinkPerIp: (ip: string): RateLimitRule => ({ key: `magic:ip:${ip}`, limit: 20, windowMs: HOUR }),
  /** Magic-link e-mails to one address (whether an account exists or not: no enumeration). */
  magicLinkPerEmail: (email: string): RateLimitRule => ({ key: `magic:email:${email}`, limit: 5, windowMs: HOUR }),
  /** Magic-link tokens tried from one IP. */
  magicLinkVerifyPerIp: (ip: string): RateLimitRule => ({ key: `magic-verify:ip:${ip}`, limit: 30, windowMs: 15 * MINUTE }),
  /** Recovery attempts from one IP. */
  recoveryPerIp: (ip: string): RateLimitRule => ({ key: `recover:ip:${ip}`, limit: 10, windowMs: 15 * MINUTE }),
  /** Wrong recovery codes for one login name (codes are short: few guesses allowed). */
  recoveryFailuresPerAccount: (loginName: string): RateLimitRule => ({ key: `recover:fail:${loginName}`, limit: 5, windowMs: HOUR }),
  /** Corporation sign-ups from one IP (control plane, on the apex). */
  signupPerIp: (ip: string): RateLimitRule => ({ key: `signup:ip:${ip}`, limit: 10, windowMs: HOUR }),
} as const;
