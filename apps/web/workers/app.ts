// The deployment's one Worker (wrangler.toml at the repository root): the JSON API under /api (the
// Hono app of apps/worker) and the pages (React Router), which call that same API in-process.
// See docs/decisions/016-one-worker.md.
import { createRequestHandler, RouterContextProvider } from "react-router";
import { isCrossSiteWrite } from "@buurtplein/core/security/check-same-origin";
import { escapeHtml, translate, type Language, type MessageKey } from "@buurtplein/core";
import { createApp } from "@buurtplein/worker/app";
import { scheduled } from "@buurtplein/worker/jobs/scheduled";
import { queue } from "@buurtplein/worker/jobs/consumer";
import type { Bindings } from "@buurtplein/worker/env";
import { createLogger } from "@buurtplein/worker/lib/logger";
import { applySecurityHeaders, createNonce } from "@buurtplein/core/security/security-headers";
import { CLIENT_SOURCE_HEADER, clientSourceOf } from "@buurtplein/core/security/client-source";
import { runPageView } from "../app/lib/page-api.server.ts";
import { nonceContext } from "../app/lib/security.ts";
import * as serverBuild from "virtual:react-router/server-build";

const api = createApp();

/** Seconds a visitor is asked to wait on a 503 page (the database unreachable, a corporation not ready). */
const RETRY_AFTER_SECONDS = "30";

/** The JSON API is served on every host under /api, with the URL unchanged (its host decides the tenant). */
function isApiPath(url: URL): boolean {
  return url.pathname === "/api" || url.pathname.startsWith("/api/");
}

/** 403 csrf_failed: JSON for the API, a short readable page (Dutch and English) otherwise. */
function refuseCrossSite(url: URL, nonce: string): Response {
  const say = (language: Language, key: MessageKey) => escapeHtml(translate(language, key));
  if (isApiPath(url)) {
    return Response.json({ error: { code: "csrf_failed", message: translate("nl", "errors.csrf_failed") } }, { status: 403 });
  }
  const page = `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${say("nl", "apiErrors.csrfPageTitle")} — Buurtplein</title>
<style nonce="${nonce}">body{font-family:system-ui,sans-serif;font-size:1.125rem;line-height:1.5;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1b1f23}a{color:#1f6f5c}</style></head>
<body><main><h1>${say("nl", "apiErrors.csrfPageTitle")}</h1>
<p>${say("nl", "errors.csrf_failed")} <a href="/">${say("nl", "apiErrors.csrfPageAction")}</a></p>
<p lang="en">${say("en", "errors.csrf_failed")} <a href="/">${say("en", "apiErrors.csrfPageAction")}</a></p></main></body></html>`;
  return new Response(page, { status: 403, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
}

// Given the build itself, React Router prepares its route tables once per isolate. Given a function
// (as in development, for hot reload), it calls it and rebuilds those tables on every request: about
// a millisecond of CPU per page view (npm run bench:feed).
const handleDocument = createRequestHandler(
  import.meta.env.DEV ? () => import("virtual:react-router/server-build") : serverBuild,
  import.meta.env.MODE,
);

/**
 * Reads a request body in full before anything answers. Under `vite preview` (miniflare) an answer
 * given while the body is still unread (a refused POST, a 405, an API error before parsing) makes the
 * dev server's connection to workerd fail: that request or the next one gets a 500 "fetch failed".
 * Bodies here are small forms and JSON, so buffering them costs nothing on Cloudflare either.
 */
async function withBufferedBody(request: Request): Promise<Request> {
  if (request.body === null) return request;
  const body = await request.arrayBuffer();
  return new Request(request, { body });
}

/**
 * Says where the request comes from, for the API's per-source rate limits: always overwritten
 * here, so a client cannot choose its own bucket (docs/decisions/015-abuse-limits.md). Cloudflare's
 * edge sets CF-Connecting-IP in production; locally every request comes through the loopback socket.
 */
function withClientSource(request: Request, env: Bindings): Request {
  const trustEdge = env.ENVIRONMENT === "production" || env.TRUST_CF_CONNECTING_IP === "true";
  const headers = new Headers(request.headers);
  headers.set(CLIENT_SOURCE_HEADER, clientSourceOf(request.headers, trustEdge));
  return new Request(request, { headers });
}

export default {
  async fetch(request, env, ctx) {
    // One nonce per request: in the Content-Security-Policy and on every inline script and style.
    const nonce = createNonce();
    return secured(await route(withClientSource(await withBufferedBody(request), env), env, ctx, nonce), env, nonce);
  },
  // The cron trigger in wrangler.toml puts the hourly jobs (retention cleanup, digest) per tenant on the
  // JOBS queue; `queue` runs them (apps/worker/src/jobs/, decision 024).
  scheduled,
  queue,
} satisfies ExportedHandler<Bindings>;

/**
 * Every answer of this Worker (pages, .data, the API, refusals) leaves through here: security headers
 * and Cache-Control from the one policy in core (docs/decisions/014-security-headers.md), and
 * Retry-After on a 503 page. Static assets do not pass the Worker: public/_headers covers them.
 */
function secured(response: Response, env: Bindings, nonce: string): Response {
  // A response may have immutable headers: copy first.
  const answer = new Response(response.body, response);
  applySecurityHeaders(answer.headers, { nonce, production: env.ENVIRONMENT === "production", reportOnly: import.meta.env.MODE === "development" });
  if (answer.status === 503 && !answer.headers.has("Retry-After")) answer.headers.set("Retry-After", RETRY_AFTER_SECONDS);
  return answer;
}

async function route(request: Request, env: Bindings, ctx: ExecutionContext, nonce: string): Promise<Response> {
  const url = new URL(request.url);
  // CSRF: a state-changing request must come from our own origin (docs/decisions/007-csrf-origin-checks.md).
  if (isCrossSiteWrite({ method: request.method, url: request.url, origin: request.headers.get("origin"), secFetchSite: request.headers.get("sec-fetch-site") })) {
    return refuseCrossSite(url, nonce);
  }
  if (isApiPath(url)) return api.fetch(request, env, ctx);
  const context = new RouterContextProvider();
  context.set(nonceContext, nonce);
  const started = Date.now();
  const page = await runPageView({ api, env, ctx }, () => handleDocument(request, context));
  // One line per page view (its in-process API calls log nothing of their own); the API logs its requests.
  if (env.ENVIRONMENT !== "test") {
    createLogger({ requestId: crypto.randomUUID(), method: request.method, path: url.pathname }).log("info", "page", {
      status: page.status,
      ms: Date.now() - started,
      host: url.host,
    });
  }
  return page;
}
