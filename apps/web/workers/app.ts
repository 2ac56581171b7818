import { createRequestHandler } from "react-router";

interface Env {
  API: Fetcher;
}

const handleDocument = createRequestHandler(() => import("virtual:react-router/server-build"), import.meta.env.MODE);

export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    // The JSON API is served on every host under /api, by the API worker, with the URL unchanged
    // (its host decides the tenant).
    if (url.pathname === "/api" || url.pathname.startsWith("/api/")) return env.API.fetch(request);
    return handleDocument(request);
  },
} satisfies ExportedHandler<Env>;
