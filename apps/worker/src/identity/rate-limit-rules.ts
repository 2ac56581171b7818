// Every rate limit of the identity routes in one place (docs/decisions/015-abuse-limits.md). Per-source
// limits slow down whoever hammers us; failures are counted per account *and* source, so a stranger's
// wrong passwords never lock the owner out; a much higher per-account ceiling stops only a distributed
// attack, and even then a login link by e-mail still works (it counts no password failures).
// A "source" is what the Worker's entry says the request came from (clientIp in rate-limit.ts).
import type { RateLimitRule } from "../lib/rate-limit.ts";

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const RATE_LIMITS = {
  /** Password logins from one source. */
  loginPerIp: (ip: string): RateLimitRule => ({ key: `login:ip:${ip}`, limit: 30, windowMs: 15 * MINUTE }),
  /** Failed password logins for one e-mail address or login name from one source (reset by a successful login). */
  loginFailuresPerAccountAndSource: (identifier: string, ip: string): RateLimitRule => ({
    key: `login:fail:${identifier}:${ip}`,
    limit: 10,
    windowMs: 15 * MINUTE,
  }),
  /**
   * Failed password logins for one account from all sources together: only a distributed attack
   * reaches it (five sources at the per-source limit each hour). Password logins of the account then
   * wait for the window; login links keep working.
   */
  loginFailuresPerAccount: (identifier: string): RateLimitRule => ({ key: `login:fail:${identifier}`, limit: 50, windowMs: HOUR }),
  /** Magic-link requests from one source. */
  magicLinkPerIp: (ip: string): RateLimitRule => ({ key: `magic:ip:${ip}`, limit: 20, windowMs: HOUR }),
  /** Magic-link e-mails to one address asked from one source (whether an account exists or not: no enumeration). */
  magicLinkPerEmailAndSource: (email: string, ip: string): RateLimitRule => ({ key: `magic:email:${email}:${ip}`, limit: 5, windowMs: HOUR }),
  /** Magic-link e-mails to one address from all sources together: keeps an inbox from being flooded. */
  magicLinkPerEmail: (email: string): RateLimitRule => ({ key: `magic:email:${email}`, limit: 20, windowMs: HOUR }),
  /** Magic-link tokens tried from one source. */
  magicLinkVerifyPerIp: (ip: string): RateLimitRule => ({ key: `magic-verify:ip:${ip}`, limit: 30, windowMs: 15 * MINUTE }),
  /** Recovery attempts from one source. */
  recoveryPerIp: (ip: string): RateLimitRule => ({ key: `recover:ip:${ip}`, limit: 10, windowMs: 15 * MINUTE }),
  /** Wrong recovery codes for one login name from one source. */
  recoveryFailuresPerAccountAndSource: (loginName: string, ip: string): RateLimitRule => ({
    key: `recover:fail:${loginName}:${ip}`,
    limit: 5,
    windowMs: HOUR,
  }),
  /**
   * Wrong recovery codes for one login name from all sources together (a distributed attack). A new
   * code made by staff clears it (identity/member-directory.ts), so the owner is never locked out for long.
   */
  recoveryFailuresPerAccount: (loginName: string): RateLimitRule => ({ key: `recover:fail:${loginName}`, limit: 100, windowMs: DAY }),
  /** Corporation sign-ups from one source (control plane, on the apex). */
  signupPerIp: (ip: string): RateLimitRule => ({ key: `signup:ip:${ip}`, limit: 10, windowMs: HOUR }),
} as const;
