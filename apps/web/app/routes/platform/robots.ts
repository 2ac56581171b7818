import { type LoaderFunctionArgs } from "react-router";
import { requestSiteContext } from "../../lib/site-context.ts";

// GET /robots.txt — corporations' sites hold residents' content: never indexed. The apex may be.
export async function loader({ context }: LoaderFunctionArgs) {
  const { site } = context.get(requestSiteContext);
  const body = site.kind === "tenant" ? "User-agent: *\nDisallow: /\n" : "User-agent: *\nAllow: /\nDisallow: /api/\n";
  return new Response(body, { headers: { "content-type": "text/plain; charset=utf-8" } });
}
