// Photos on posts (issue 11, decision 025). POST /api/uploads takes one photo (multipart, field `file`,
// optional `alt`): checked by its bytes (PNG, JPEG, WebP; at most 10 MB), its metadata (EXIF with GPS,
// XMP, comments, text chunks) removed by core's stripImageMetadata BEFORE it is stored, then kept
// content-addressed in R2 under the tenant's prefix (folder `photos`, which the public /api/files route
// never serves). A post takes its ids (`photoIds`, attachPhotos below). GET /api/photos/:id serves it
// only to whoever may read its post — post-access.ts through postByIdQuery — and, before that, only to
// its uploader. Another tenant's id is not in this tenant's database: 404.
import { Hono, type Context } from "hono";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import {
  AppError,
  can,
  IMAGE_EXTENSIONS,
  MAX_PHOTO_BYTES,
  PHOTO_ALT_MAX,
  sniffImageType,
  stripImageMetadata,
  type ImageType,
} from "@buurtplein/core";
import { tenantSchema, type TenantDb } from "@buurtplein/db";
import type { Actor, AppEnv, Site } from "../env.ts";
import { tenantFileKey, tenantFilePrefix } from "../lib/file-store.ts";
import { requireActor, tenantSite } from "../middleware/session.ts";
import { postByIdQuery } from "./feed-query.ts";
import { readerOf } from "./post-access.ts";

const { photos } = tenantSchema;
type TenantSite = Extract<Site, { kind: "tenant" }>;

const ID = /^[\w-]{1,64}$/;
/** Room for the multipart framing and the alt text around a photo of the maximum size. */
const MULTIPART_OVERHEAD = 64 * 1024;

function tooBig(): AppError {
  return new AppError("payload_too_large", { message: "media.errors.tooBig", details: { maxBytes: MAX_PHOTO_BYTES } });
}

function photoNotFound(): AppError {
  return new AppError("not_found", { message: "media.errors.notFound" });
}

/** Where a photo is served: on the tenant's own hosts, to those who may read its post. */
export function photoUrl(id: string): string {
  return `/api/photos/${id}`;
}

async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return [...digest].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** Whether this person may post anywhere (a neighbour in one of their neighbourhoods, staff announcements). */
function mayPostSomewhere(actor: Actor): boolean {
  return can(actor, "post.announce") || actor.neighbourhoodIds.some((neighbourhoodId) => can(actor, "post.create", { neighbourhoodId }));
}

/** The multipart form of an upload; 413 before reading when it says it is too big, 400 when it is no form. */
async function readUploadForm(request: Request): Promise<FormData> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "multipart/form-data") throw new AppError("unsupported_media_type");
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > MAX_PHOTO_BYTES + MULTIPART_OVERHEAD) throw tooBig();
  try {
    return await request.formData();
  } catch {
    throw new AppError("bad_request", { message: "media.errors.noFile" });
  }
}

/** The photo's bytes without metadata, and its type; 413, 415 or 422 otherwise. */
async function readPhoto(form: FormData): Promise<{ bytes: Uint8Array<ArrayBuffer>; type: ImageType; alt: string }> {
  const file = form.get("file");
  if (!file || typeof file === "string") throw new AppError("invalid_input", { fields: { file: "media.errors.noFile" } });
  const altValue = form.get("alt");
  const alt = typeof altValue === "string" ? altValue.trim() : "";
  if (alt.length > PHOTO_ALT_MAX) throw new AppError("invalid_input", { fields: { alt: "media.errors.altTooLong" } });
  if (file.size > MAX_PHOTO_BYTES) throw tooBig();
  const original = new Uint8Array(await file.arrayBuffer());
  const type = sniffImageType(original);
  if (!type) throw new AppError("unsupported_image_type");
  const bytes = stripImageMetadata(original, type);
  if (!bytes) throw new AppError("unsupported_image_type", { message: "media.errors.broken" });
  return { bytes, type, alt };
}

export const uploadRoutes = new Hono<AppEnv>()

// POST /api/uploads (multipart: file, alt?) → 201 { upload: { id, url, alt } }
.post("/", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requireActor(c.get("actor"));
  if (!mayPostSomewhere(actor)) throw new AppError("forbidden", { message: "media.errors.cannotUpload" });
  const photo = await readPhoto(await readUploadForm(c.req.raw));
  const key = tenantFileKey(site.tenant.id, "photos", `${await sha256Hex(photo.bytes)}.${IMAGE_EXTENSIONS[photo.type]}`);
  await c.env.FILES.put(key, photo.bytes, { httpMetadata: { contentType: photo.type } });
  const id = crypto.randomUUID();
  await site.db.insert(photos).values({ id, uploaderId: actor.userId, key, contentType: photo.type, size: photo.bytes.byteLength, alt: photo.alt, createdAt: Date.now() });
  return c.json({ upload: { id, url: photoUrl(id), alt: photo.alt } }, 201);
});

export const photoRoutes = new Hono<AppEnv>()

// GET /api/photos/:id — the stored image, for whoever may read its post (before posting: its uploader).
.get("/:id", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requireActor(c.get("actor"));
  const id = c.req.param("id");
  if (!ID.test(id)) throw photoNotFound();
  const [photo] = await site.db.select().from(photos).where(eq(photos.id, id)).limit(1);
  if (!photo || !photo.key.startsWith(tenantFilePrefix(site.tenant.id))) throw photoNotFound();
  if (photo.postId === null) {
    if (photo.uploaderId !== actor.userId) throw photoNotFound();
  } else {
    const [post] = await postByIdQuery(site.db, photo.postId, readerOf(actor));
    if (!post || !can(actor, "feed.read", { neighbourhoodId: post.neighbourhoodId })) throw photoNotFound();
  }
  const object = await c.env.FILES.get(photo.key);
  if (!object) throw photoNotFound();
  return new Response(object.body as unknown as ReadableStream, {
    headers: {
      "Content-Type": photo.contentType,
      "Content-Length": String(object.size),
      "X-Content-Type-Options": "nosniff",
      // Only for this person: who may see it can change (sharing switched off, a post removed).
      "Cache-Control": "private, max-age=300",
      "Cross-Origin-Resource-Policy": "same-origin",
    },
  });
});

/**
 * Checks that these uploads are the author's own and on no post yet, and returns the statements that
 * attach them (run in the same batch as the post's insert). 422 otherwise, before anything is written.
 */
export async function photosToAttach(db: TenantDb, actor: Actor, photoIds: string[] | undefined, postId: string) {
  if (!photoIds || photoIds.length === 0) return [];
  const own = await db
    .select({ id: photos.id })
    .from(photos)
    .where(and(inArray(photos.id, photoIds), eq(photos.uploaderId, actor.userId), isNull(photos.postId)));
  if (own.length !== photoIds.length) throw new AppError("invalid_input", { fields: { photoIds: "media.errors.notYours" } });
  return photoIds.map((id, position) => db.update(photos).set({ postId, position }).where(and(eq(photos.id, id), isNull(photos.postId))));
}

/** The keys of a post's photos (read before the post is deleted, to delete the files after). */
export async function photoKeysOfPost(db: TenantDb, postId: string): Promise<string[]> {
  const rows = await db.select({ key: photos.key }).from(photos).where(eq(photos.postId, postId));
  return rows.map((row) => row.key);
}

/** Deletes files no photo row of this tenant points at any more (the same bytes may be uploaded twice). */
export async function deleteUnusedPhotoFiles(c: Context<AppEnv>, site: TenantSite, keys: string[]): Promise<void> {
  for (const key of new Set(keys)) {
    if (!key.startsWith(tenantFilePrefix(site.tenant.id))) continue;
    const [used] = await site.db.select({ one: sql<number>`1` }).from(photos).where(eq(photos.key, key)).limit(1);
    if (!used) await c.env.FILES.delete(key);
  }
}
