import { createMiddleware } from "hono/factory";
import { applySecurityHeaders } from "@buurtplein/core";
import { createDbClient, openControlDb } from "@buurtplein/db";
import type { AppEnv } from "../env.ts";
import { createLogger } from "../lib/logger.ts";

/**
 * Security headers (CSP without inline anything, nosniff, Referrer-Policy, Permissions-Policy, HSTS in
 * production) and `Cache-Control: private, no-store` on every API answer, errors and 404s included
 * (docs/decisions/014-security-headers.md). The first middleware: it sees every answer last.
 */
export const securityHeaders = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  applySecurityHeaders(c.res.headers, { production: c.env.ENVIRONMENT === "production" });
});

/** Request id (kept from the caller when it sent a valid one) and a logger that carries it. */
export const requestId = createMiddleware<AppEnv>(async (c, next) => {
  const incoming = c.req.header("x-request-id");
  const id = incoming && /^[\w-]{8,64}$/.test(incoming) ? incoming : crypto.randomUUID();
  c.set("requestId", id);
  c.header("x-request-id", id);
  await next();
});

/** One JSON log line per request, with status and duration. */
export const requestLogger = createMiddleware<AppEnv>(async (c, next) => {
  const logger = createLogger({ requestId: c.get("requestId"), method: c.req.method, path: c.req.path });
  c.set("logger", logger);
  const started = Date.now();
  await next();
  // A page's in-process calls are part of its page view, which the Worker's entry logs once.
  if (c.env.ENVIRONMENT !== "test" && !c.env.PAGE_REQUEST_STATE) {
    logger.log("info", "request", { status: c.res.status, ms: Date.now() - started, host: new URL(c.req.url).host });
  }
});

/** The control-plane database client, created per request (HTTP, stateless: cheap). */
export const controlPlane = createMiddleware<AppEnv>(async (c, next) => {
  const client = createDbClient({ url: c.env.CONTROL_DB_URL, authToken: c.env.CONTROL_DB_TOKEN });
  c.set("controlClient", client);
  c.set("control", openControlDb(client));
  await next();
});
