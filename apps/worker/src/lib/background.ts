import type { Context } from "hono";
import type { AppEnv } from "../env.ts";

/**
 * Runs `work` after the response has gone out (waitUntil), so how long it takes tells the visitor
 * nothing. A failure is logged with `failureMessage`, never shown.
 */
export function runInBackground(c: Context<AppEnv>, failureMessage: string, work: () => Promise<void>): void {
  const logger = c.get("logger");
  const task = work().catch((error: unknown) => {
    logger.log("error", failureMessage, { error: error instanceof Error ? error.message : String(error) });
  });
  let ctx: { waitUntil(promise: Promise<unknown>): void } | undefined;
  try {
    ctx = c.executionCtx;
  } catch {
    // No execution context (app.fetch called directly, as some tests do): the task runs on its own.
  }
  ctx?.waitUntil(task);
}
