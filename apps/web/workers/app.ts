// The deployment's one Worker (wrangler.toml at the repository root): the JSON API under /api (the
// Hono app of apps/worker) and the pages (React Router), which call that same API in-process.
// See docs/decisions/013-one-worker.md.
import { createRequestHandler } from "react-router";
import { isCrossSiteWrite } from "@buurtplein/core/security/check-same-origin";
import { createApp } from "@buurtplein/worker/app";
import { scheduled } from "@buurtplein/worker/jobs/clean-expired-data";
import type { Bindings } from "@buurtplein/worker/env";
import { runPageView } from "../app/lib/page-api.server.ts";

const api = createApp();

/** 403 csrf_failed: JSON for the API, a short readable page (Dutch and English) otherwise. */
function refuseCrossSite(url: URL): Response {
  const message = "Dit verzoek komt niet van deze website en is daarom geweigerd.";
  if (url.pathname === "/api" || url.pathname.startsWith("/api/")) {
    return Response.json({ error: { code: "csrf_failed", message } }, { status: 403 });
  }
  const page = `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Geweigerd — Buurtplein</title>
<style>body{font-family:system-ui,sans-serif;font-size:1.125rem;line-height:1.5;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1b1f23}a{color:#1f6f5c}</style></head>
<body><main><h1>Dit verzoek is geweigerd</h1>
<p>${message} Ga naar de <a href="/">startpagina</a> en probeer het daar opnieuw.</p>
<p lang="en">This request did not come from this website and was refused. Go to the <a href="/">home page</a> and try again there.</p></main></body></html>`;
  return new Response(page, { status: 403, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
}

const handleDocument = createRequestHandler(() => import("virtual:react-router/server-build"), import.meta.env.MODE);

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

export default {
  async fetch(request, env, ctx) {
    return route(await withBufferedBody(request), env, ctx);
  },
  // The cron trigger in wrangler.toml: the hourly retention cleanup.
  scheduled,
} satisfies ExportedHandler<Bindings>;

async function route(request: Request, env: Bindings, ctx: ExecutionContext): Promise<Response> {
  const url = new URL(request.url);
  // CSRF: a state-changing request must come from our own origin (docs/decisions/007-csrf-origin-checks.md).
  if (isCrossSiteWrite({ method: request.method, url: request.url, origin: request.headers.get("origin"), secFetchSite: request.headers.get("sec-fetch-site") })) {
    return refuseCrossSite(url);
  }
  // The JSON API is served on every host under /api, with the URL unchanged (its host decides the tenant).
  if (url.pathname === "/api" || url.pathname.startsWith("/api/")) return api.fetch(request, env, ctx);
  return runPageView({ api, env, ctx }, () => handleDocument(request));
}
