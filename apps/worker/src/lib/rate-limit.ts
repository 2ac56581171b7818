// Fixed-window rate limits kept in the database (the tenant's, or the control plane's before a tenant
// exists), so they hold across every worker instance, locally and on Cloudflare alike.
import type { Context, MiddlewareHandler } from "hono";
import { AppError, CLIENT_SOURCE_HEADER } from "@buurtplein/core";
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

/** For counting a failure after the check: the attempt already failed, so its own answer stands. */
export function ignoreRateLimited(error: unknown): void {
  if (error instanceof AppError && error.code === "rate_limited") return;
  throw error;
}

/** Forgets a key (e.g. failed logins of an account after a successful login). */
export async function resetRateLimit(client: Client, key: string): Promise<void> {
  await client.execute({ sql: "DELETE FROM rate_limits WHERE key = ?", args: [key] });
}

/**
 * Where the request comes from (an IP address, an IPv6 /64, or 127.0.0.1 locally), as the Worker's
 * entry (apps/web/workers/app.ts) found out and always overwrote in CLIENT_SOURCE_HEADER. The API is
 * reached only through that entry (directly under /api, or in-process from a page, which passes the
 * page's header on), so no client can set the header. CF-Connecting-IP,
 * X-Forwarded-For and X-Real-IP are not read here (docs/decisions/015-abuse-limits.md).
 */
export function clientIp(c: Context<AppEnv>): string {
  return c.req.header(CLIENT_SOURCE_HEADER) ?? "unknown";
}

/**
 * A coarse flood guard before any database work: writes (non-GET) per client source, through the
 * Workers Rate Limiting binding (approximate, per Cloudflare location; 60 per 10 seconds).
 */
export const limitWritesPerSource: MiddlewareHandler<AppEnv> = async (c, next) => {
  const limiter = c.env.WRITES_PER_SOURCE;
  if (limiter && c.req.method !== "GET" && c.req.method !== "HEAD" && c.req.method !== "OPTIONS") {
    const { success } = await limiter.limit({ key: clientIp(c) });
    if (!success) throw new AppError("rate_limited", { details: { retryAfterSeconds: 10 } });
  }
  await next();
};
