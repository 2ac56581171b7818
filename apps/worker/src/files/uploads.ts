// Uploaded images: read the raw body (at most 1 MB, refused early by Content-Length and again while
// reading), check what it really is by its bytes (core's sniffImageType: PNG, JPEG or WebP; never SVG),
// and store it content-addressed under the tenant's prefix. Shared by every upload (logos, sponsor logos,
// later photos): docs/decisions/019-branding-and-uploads.md.
import type { Context } from "hono";
import { eq } from "drizzle-orm";
import { AppError, IMAGE_EXTENSIONS, MAX_IMAGE_BYTES, sniffImageType, type ImageType } from "@buurtplein/core";
import { tenantSchema } from "@buurtplein/db";
import type { AppEnv, Site } from "../env.ts";
import { tenantFileKey, tenantFilePrefix } from "../lib/file-store.ts";

type TenantSite = Extract<Site, { kind: "tenant" }>;

/** The folders uploads live in (under `tenants/<id>/`); the file route serves only these. */
export const FILE_FOLDERS = ["logos", "sponsor-logos", "organisation-logos"] as const;
export type FileFolder = (typeof FILE_FOLDERS)[number];

function tooBig(): AppError {
  return new AppError("payload_too_large", { message: "branding.logo.tooBig", details: { maxBytes: MAX_IMAGE_BYTES } });
}

/** The request body, refused with 413 as soon as it passes `maxBytes` (without reading the rest). */
async function readBodyUpTo(request: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooBig();
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooBig();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** The uploaded image of this request (the raw body): PNG, JPEG or WebP up to 1 MB, by its content. */
export async function readImageUpload(c: Context<AppEnv>): Promise<{ bytes: Uint8Array<ArrayBuffer>; type: ImageType }> {
  const bytes = await readBodyUpTo(c.req.raw, MAX_IMAGE_BYTES);
  const type = sniffImageType(bytes);
  if (!type) throw new AppError("unsupported_image_type");
  return { bytes, type };
}

async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return [...digest].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** Stores an image under `tenants/<id>/<folder>/<sha-256>.<ext>` and returns its key. */
export async function storeImage(c: Context<AppEnv>, site: TenantSite, folder: FileFolder, image: { bytes: Uint8Array<ArrayBuffer>; type: ImageType }): Promise<string> {
  const key = tenantFileKey(site.tenant.id, folder, `${await sha256Hex(image.bytes)}.${IMAGE_EXTENSIONS[image.type]}`);
  await c.env.FILES.put(key, image.bytes, { httpMetadata: { contentType: image.type } });
  return key;
}

/** Where a stored file is served, on the tenant's own hosts: `/api/files/<folder>/<name>`. */
export function fileUrl(key: string | null | undefined): string | null {
  if (!key) return null;
  const match = /^tenants\/[^/]+\/(.+)$/.exec(key);
  return match ? `/api/files/${match[1]}` : null;
}

/**
 * Deletes a file that nothing of this tenant points at any more (the same image may be the
 * corporation's logo and a sponsor's). Never a key outside the tenant's own prefix.
 */
export async function deleteFileIfUnused(c: Context<AppEnv>, site: TenantSite, key: string | null | undefined): Promise<void> {
  if (!key || !key.startsWith(tenantFilePrefix(site.tenant.id))) return;
  const [settingsRows, partnerRows] = await site.db.batch([
    site.db.select({ id: tenantSchema.tenantSettings.id }).from(tenantSchema.tenantSettings).where(eq(tenantSchema.tenantSettings.logoKey, key)).limit(1),
    site.db.select({ id: tenantSchema.partners.id }).from(tenantSchema.partners).where(eq(tenantSchema.partners.logoKey, key)).limit(1),
  ]);
  if (settingsRows.length === 0 && partnerRows.length === 0) await c.env.FILES.delete(key);
}
