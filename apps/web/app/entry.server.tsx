import { isbot } from "isbot";
import { renderToReadableStream } from "react-dom/server";
import { ServerRouter, type EntryContext } from "react-router";
import { DICTIONARIES } from "./i18n/dictionaries.server.ts";
import { DictionaryContext } from "./i18n/i18n.ts";

// React Router's own server entry, plus one thing: the server holds every language's dictionary
// (DictionaryContext), so the root layout can render any page in its reader's language.

export const streamTimeout = 5_000;

export default async function handleRequest(request: Request, status: number, headers: Headers, routerContext: EntryContext): Promise<Response> {
  if (request.method.toUpperCase() === "HEAD") return new Response(null, { status, headers });
  let shellRendered = false;
  const body = await renderToReadableStream(
    <DictionaryContext.Provider value={DICTIONARIES}>
      <ServerRouter context={routerContext} url={request.url} />
    </DictionaryContext.Provider>,
    {
      signal: AbortSignal.timeout(streamTimeout + 1_000),
      onError(error: unknown) {
        status = 500;
        // Errors while rendering the shell reject above and are logged by React Router.
        if (shellRendered) console.error(error);
      },
    },
  );
  shellRendered = true;
  // Crawlers (and SPA mode) get the whole page at once.
  const userAgent = request.headers.get("user-agent");
  if ((userAgent && isbot(userAgent)) || routerContext.isSpaMode) await body.allReady;
  headers.set("Content-Type", "text/html; charset=utf-8");
  return new Response(body, { headers, status });
}
