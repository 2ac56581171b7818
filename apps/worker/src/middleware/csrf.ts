import { createMiddleware } from "hono/factory";
import { AppError, isCrossSiteWrite } from "@buurtplein/core";
import type { AppEnv } from "../env.ts";

/**
 * Refuses state-changing requests from another origin (403 csrf_failed). The Worker's entry checks the
 * same before it hands /api to the API; this second check protects the API on its own.
 * See docs/decisions/007-csrf-origin-checks.md.
 */
export const checkOrigin = createMiddleware<AppEnv>(async (c, next) => {
  const refused = isCrossSiteWrite({
    method: c.req.method,
    url: c.req.url,
    origin: c.req.header("origin"),
    secFetchSite: c.req.header("sec-fetch-site"),
  });
  if (refused) throw new AppError("csrf_failed");
  await next();
});
