import { createRequestHandler } from "react-router";
import { isCrossSiteWrite } from "@buurtplein/core/security/check-same-origin";
import { CLIENT_SOURCE_HEADER, clientSourceOf } from "@buurtplein/core/security/client-source";

interface Env {
  API: Fetcher;
  ENVIRONMENT?: string;
  /** "true" only in the browser tests, which play Cloudflare's edge (e2e/global-setup.ts); never in a deploy. */
  TRUST_CF_CONNECTING_IP?: string;
}

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

/**
 * Says where the request comes from, for the API worker's per-source rate limits: always overwritten
 * here, so a client cannot choose its own bucket (docs/decisions/011-abuse-limits.md). Cloudflare's
 * edge sets CF-Connecting-IP in production; locally every request comes through the loopback socket.
 */
function withClientSource(request: Request, env: Env): Request {
  const trustEdge = env.ENVIRONMENT === "production" || env.TRUST_CF_CONNECTING_IP === "true";
  const headers = new Headers(request.headers);
  headers.set(CLIENT_SOURCE_HEADER, clientSourceOf(request.headers, trustEdge));
  return new Request(request, { headers });
}

export default {
  async fetch(request, env) {
    return route(withClientSource(await withBufferedBody(request), env), env);
  },
} satisfies ExportedHandler<Env>;

async function route(request: Request, env: Env): Promise<Response> {
  const url = new URL(request.url);
  // CSRF: a state-changing request must come from our own origin (docs/decisions/007-csrf-origin-checks.md).
  if (isCrossSiteWrite({ method: request.method, url: request.url, origin: request.headers.get("origin"), secFetchSite: request.headers.get("sec-fetch-site") })) {
    return refuseCrossSite(url);
  }
  // The JSON API is served on every host under /api, by the API worker, with the URL unchanged
  // (its host decides the tenant).
  if (url.pathname === "/api" || url.pathname.startsWith("/api/")) return env.API.fetch(request);
  return handleDocument(request);
}
