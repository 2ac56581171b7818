// Server render of a page. Differs from React Router's default entry in two things: the server holds
// every language's dictionary (DictionaryContext), so the root layout can render any page in its
// reader's language; and the CSP nonce the Worker made for this request (lib/security.ts) goes to
// <ServerRouter> and to React's stream, so every inline script of the page carries it.
import { isbot } from "isbot";
import { renderToReadableStream } from "react-dom/server";
import { ServerRouter, type EntryContext, type RouterContextProvider } from "react-router";
import { DICTIONARIES } from "./i18n/dictionaries.server.ts";
import { DictionaryContext } from "./i18n/i18n.ts";
import { nonceContext } from "./lib/security.ts";

export const streamTimeout = 5_000;

export default async function handleRequest(
  request: Request,
  status: number,
  headers: Headers,
  routerContext: EntryContext,
  loadContext: RouterContextProvider,
): Promise<Response> {
  if (request.method.toUpperCase() === "HEAD") return new Response(null, { status, headers });
  const nonce = loadContext.get(nonceContext);
  let shellRendered = false;
  const body = await renderToReadableStream(
    <DictionaryContext.Provider value={DICTIONARIES}>
      <ServerRouter context={routerContext} url={request.url} nonce={nonce} />
    </DictionaryContext.Provider>,
    {
      nonce,
      signal: AbortSignal.timeout(streamTimeout + 1_000),
      onError(error: unknown) {
        status = 500;
        // Errors in the shell reject and are logged by React Router; log only those after it.
        if (shellRendered) console.error(error);
      },
    },
  );
  shellRendered = true;
  // Crawlers get the whole page at once.
  const userAgent = request.headers.get("user-agent");
  if ((userAgent && isbot(userAgent)) || routerContext.isSpaMode) await body.allReady;
  headers.set("Content-Type", "text/html; charset=utf-8");
  return new Response(body, { status, headers });
}
