// GET /api/files/<folder>/<name> — an uploaded file of THIS host's tenant. The key is made from the
// host's tenant and the path, so another tenant's host can never reach a file (it looks under its own
// prefix and finds nothing: 404). Mounted before the session middleware: no database round trip.
import { Hono } from "hono";
import { AppError } from "@buurtplein/core";
import type { AppEnv } from "../env.ts";
import { tenantFileKey } from "../lib/file-store.ts";
import { tenantSite } from "../middleware/session.ts";
import { FILE_FOLDERS } from "./uploads.ts";

/** Content-addressed names (sha-256 of the bytes): a name's content never changes. */
const CONTENT_ADDRESSED_NAME = /^[0-9a-f]{64}\.(png|jpg|webp)$/;
const TYPES: Record<string, string> = { png: "image/png", jpg: "image/jpeg", webp: "image/webp" };

export const fileRoutes = new Hono<AppEnv>().get("/:folder/:name", async (c) => {
  const site = tenantSite(c.get("site"));
  const { folder, name } = c.req.param();
  const match = CONTENT_ADDRESSED_NAME.exec(name);
  if (!(FILE_FOLDERS as readonly string[]).includes(folder) || !match) throw new AppError("not_found");
  const object = await c.env.FILES.get(tenantFileKey(site.tenant.id, folder, name));
  if (!object) throw new AppError("not_found");
  return new Response(object.body as unknown as ReadableStream, {
    headers: {
      // The type we sniffed when it was stored, which the name's extension also says.
      "Content-Type": TYPES[match[1]!]!,
      "Content-Length": String(object.size),
      "X-Content-Type-Options": "nosniff",
      // The bytes behind a name never change: browsers and Cloudflare may keep it for a year.
      "Cache-Control": "public, max-age=31536000, immutable",
      ETag: object.httpEtag,
      // Only pages of this very site may embed it.
      "Cross-Origin-Resource-Policy": "same-origin",
    },
  });
});
