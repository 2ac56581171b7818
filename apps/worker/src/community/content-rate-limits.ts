// Limits on what members write: posts now, replies and reports for the routes that will come. Counted
// per member (the tenant's own database, so per corporation) in two windows: a short one that stops a
// burst (a script posting dozens a second) and a day that stops a slow flood. Answer: 429 rate_limited
// with Retry-After. Defaults live here; a corporation-specific override is a later settings column
// (docs/decisions/015-abuse-limits.md).
import { AppError, type MessageKey } from "@buurtplein/core";
import type { Client } from "@buurtplein/db";
import { hitRateLimit, type RateLimitRule } from "../lib/rate-limit.ts";

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export type ContentAction = "post" | "reply" | "report" | "reaction";

export interface ContentLimit {
  limit: number;
  windowMs: number;
}

/** What one member may write, per action, in each window. */
export const CONTENT_LIMIT_DEFAULTS: Record<ContentAction, readonly ContentLimit[]> = {
  /** POST /api/neighbourhoods/:slug/posts */
  post: [
    { limit: 5, windowMs: 10 * MINUTE },
    { limit: 30, windowMs: DAY },
  ],
  /** Replies under posts (POST /api/posts/:id/replies): conversations go faster than posts. */
  reply: [
    { limit: 20, windowMs: 10 * MINUTE },
    { limit: 200, windowMs: DAY },
  ],
  /** Reactions (hearts…) on posts: quick to give and to take back, so more; still not a script's pace. */
  reaction: [
    { limit: 60, windowMs: 10 * MINUTE },
    { limit: 500, windowMs: DAY },
  ],
  /** Reports of posts or replies to moderators (route to come). */
  report: [
    { limit: 10, windowMs: HOUR },
    { limit: 30, windowMs: DAY },
  ],
};

const MESSAGES: Record<ContentAction, MessageKey> = {
  post: "apiErrors.tooManyPosts",
  reply: "apiErrors.tooManyReplies",
  report: "apiErrors.tooManyReports",
  reaction: "apiErrors.tooManyReactions",
};

/** The rules of one action for one member, e.g. key "content:post:<user id>:600000". */
export function contentLimitRules(action: ContentAction, userId: string, limits: readonly ContentLimit[] = CONTENT_LIMIT_DEFAULTS[action]): RateLimitRule[] {
  return limits.map(({ limit, windowMs }) => ({ key: `content:${action}:${userId}:${windowMs}`, limit, windowMs }));
}

/** Counts one post (reply, report) of this member; 429 rate_limited with retryAfterSeconds once a window is full. */
export async function hitContentLimit(client: Client, action: ContentAction, userId: string, now = Date.now()): Promise<void> {
  for (const rule of contentLimitRules(action, userId)) {
    try {
      await hitRateLimit(client, rule, now);
    } catch (error) {
      if (error instanceof AppError && error.code === "rate_limited") throw new AppError("rate_limited", { message: MESSAGES[action], details: error.extraDetails });
      throw error;
    }
  }
}
