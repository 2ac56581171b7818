// Fixed-window rate limits kept in the database (the tenant's, or the control plane's before a tenant
// exists), so they hold across every worker instance, locally and on Cloudflare alike.
import type { Context } from "hono";
import { AppError } from "@buurtplein/core";
import type { Client } from "@buurtplein/db";
import type { AppEnv } from "../env.ts";

export interface RateLimitRule {
  /** What is counted, e.g. "login:ip:1.2.3.4" or "login:account:anna@…". */
  key: string;
  limit: number;
  windowMs: number;
}

/** Counts one hit; throws 429 rate_limited (with retryAfterSeconds) once the window is full. */
export async function hitRateLimit(client: Client, rule: RateLimitRule, now = Date.now()): Promise<void> {
  const windowStart = Math.floor(now / rule.windowMs) * rule.windowMs;
  const result = await client.execute({
    sql: `INSERT INTO rate_limits (key, window_start, count) VALUES (?, ?, 1)
          ON CONFLICT (key) DO UPDATE SET
            count = CASE WHEN rate_limits.window_start = excluded.window_start THEN rate_limits.count + 1 ELSE 1 END,
            window_start = excluded.window_start
          RETURNING count`,
    args: [rule.key, windowStart],
  });
  const count = Number(result.rows[0]?.count ?? 0);
  if (count > rule.limit) {
    const retryAfterSeconds = Math.max(1, Math.ceil((windowStart + rule.windowMs - now) / 1000));
    throw new AppError("rate_limited", { details: { retryAfterSeconds } });
  }
}

/**
 * Refuses (429) when the window of this key is already full, without counting a hit. For limits on
 * failures only (wrong passwords): check first, count a hit when the attempt fails.
 */
export async function checkRateLimit(client: Client, rule: RateLimitRule, now = Date.now()): Promise<void> {
  const windowStart = Math.floor(now / rule.windowMs) * rule.windowMs;
  const result = await client.execute({ sql: "SELECT count FROM rate_limits WHERE key = ? AND window_start = ?", args: [rule.key, windowStart] });
  const count = Number(result.rows[0]?.count ?? 0);
  if (count >= rule.limit) {
    const retryAfterSeconds = Math.max(1, Math.ceil((windowStart + rule.windowMs - now) / 1000));
    throw new AppError("rate_limited", { details: { retryAfterSeconds } });
  }
}

/** Forgets a key (e.g. failed logins of an account after a successful login). */
export async function resetRateLimit(client: Client, key: string): Promise<void> {
  await client.execute({ sql: "DELETE FROM rate_limits WHERE key = ?", args: [key] });
}

/** The visitor's IP: Cloudflare's header (forwarded by the web worker), else "unknown". */
export function clientIp(c: Context<AppEnv>): string {
  return c.req.header("cf-connecting-ip") ?? c.req.header("x-real-ip") ?? "unknown";
}
