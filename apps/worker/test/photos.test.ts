// Photos on posts: POST /api/uploads (by content, at most 10 MB, metadata removed before storing),
// photoIds on a new post (own, unattached, at most 4) and GET /api/photos/:id only for readers of the post.
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { MAX_PHOTO_BYTES } from "@buurtplein/core";
import { containsLocation, jpegWithLocation, pngWithLocation, SAMPLE_JPEG, SAMPLE_PNG, webpWithLocation, SAMPLE_WEBP } from "@buurtplein/core/files/sample-images";
import { tenantSchema } from "@buurtplein/db";
import { bindings, call, json, login, tenantDb } from "./helpers.ts";
import { createTestUser, loginAs } from "./account-fixtures.ts";

const DELINDE = "delinde.localhost:8787";
const HAVENSTAD = "havenstad.localhost:8787";
const { photos, posts } = tenantSchema;

async function member(neighbourhood = "lindenhof"): Promise<{ id: string; cookie: string }> {
  const user = await createTestUser("delinde", { neighbourhood, street: "Fotostraat" });
  return { id: user.id, cookie: await loginAs(DELINDE, user.email!) };
}

function upload(cookie: string, bytes: Uint8Array | string, options: { alt?: string; type?: string; host?: string } = {}) {
  const form = new FormData();
  form.set("file", new File([typeof bytes === "string" ? bytes : new Uint8Array(bytes)], "foto.jpg", { type: options.type ?? "image/jpeg" }));
  if (options.alt !== undefined) form.set("alt", options.alt);
  return call(options.host ?? DELINDE, "/api/uploads", { method: "POST", cookie, body: form });
}

async function uploaded(cookie: string, bytes: Uint8Array = jpegWithLocation(), alt = "Een kat op de bank"): Promise<{ id: string; url: string }> {
  const response = await upload(cookie, bytes, { alt });
  expect(response.status, await response.clone().text()).toBe(201);
  return (await json(response)).upload;
}

async function postWith(cookie: string, photoIds: string[], extra: Record<string, unknown> = {}) {
  return call(DELINDE, "/api/neighbourhoods/lindenhof/posts", { method: "POST", cookie, json: { kind: "message", body: "Kijk eens", photoIds, ...extra } });
}

async function photoCount(): Promise<number> {
  return (await (await tenantDb("delinde")).select({ id: photos.id }).from(photos)).length;
}

describe("uploading a photo", () => {
  it("stores JPEG, PNG and WebP without their EXIF, GPS, XMP or text, and shows it to the uploader", async () => {
    const anna = await member();
    for (const [withLocation, clean, type] of [
      [jpegWithLocation(), SAMPLE_JPEG, "image/jpeg"],
      [pngWithLocation(), SAMPLE_PNG, "image/png"],
      [webpWithLocation(), SAMPLE_WEBP, "image/webp"],
    ] as const) {
      const photo = await uploaded(anna.cookie, withLocation);
      expect(photo.url).toBe(`/api/photos/${photo.id}`);
      const [row] = await (await tenantDb("delinde")).select().from(photos).where(eq(photos.id, photo.id));
      expect(row).toMatchObject({ uploaderId: anna.id, postId: null, contentType: type, alt: "Een kat op de bank" });
      expect(row!.key).toMatch(/^tenants\/[^/]+\/photos\/[0-9a-f]{64}\.(jpg|png|webp)$/);
      // What is in R2 has no location, and is the picture itself.
      const stored = new Uint8Array(await (await bindings.FILES.get(row!.key))!.arrayBuffer());
      expect(containsLocation(stored)).toBe(false);
      expect(stored).toEqual(clean);
      const served = await call(DELINDE, photo.url, { cookie: anna.cookie });
      expect(served.status).toBe(200);
      expect(served.headers.get("content-type")).toBe(type);
      expect(served.headers.get("x-content-type-options")).toBe("nosniff");
      expect(containsLocation(new Uint8Array(await served.arrayBuffer()))).toBe(false);
    }
  });

  it("refuses a photo that is really HTML (415), one over 10 MB (413), no file (422), no form (415); nothing stored", async () => {
    const anna = await member();
    const before = await photoCount();
    const html = await upload(anna.cookie, "<html><script>alert(1)</script></html>", { type: "image/jpeg" });
    expect(html.status).toBe(415);
    expect((await json(html)).error.code).toBe("unsupported_image_type");
    const big = new Uint8Array(MAX_PHOTO_BYTES + 1);
    big.set(SAMPLE_JPEG);
    const tooBig = await upload(anna.cookie, big);
    expect(tooBig.status).toBe(413);
    expect((await json(tooBig)).error.code).toBe("payload_too_large");
    const none = await call(DELINDE, "/api/uploads", { method: "POST", cookie: anna.cookie, body: new FormData() });
    expect(none.status).toBe(422);
    const raw = await call(DELINDE, "/api/uploads", { method: "POST", cookie: anna.cookie, body: SAMPLE_JPEG, headers: { "content-type": "image/jpeg" } });
    expect(raw.status).toBe(415);
    expect((await upload(anna.cookie, SAMPLE_JPEG, { alt: "x".repeat(301) })).status).toBe(422);
    expect((await call(DELINDE, "/api/uploads", { method: "POST", body: new FormData() })).status).toBe(401);
    expect(await photoCount()).toBe(before);
  });
});

describe("photos on a post", () => {
  it("attaches the author's own uploads in order; neighbours see them, other neighbourhoods, other corporations and staff (unshared) get 404", async () => {
    const anna = await member();
    const joop = await member();
    const parkzicht = await member("parkzicht");
    const first = await uploaded(anna.cookie);
    const second = await uploaded(anna.cookie, SAMPLE_PNG, "Het plein");
    // Before posting only the uploader sees it.
    expect((await call(DELINDE, first.url, { cookie: joop.cookie })).status).toBe(404);
    const response = await postWith(anna.cookie, [second.id, first.id]);
    expect(response.status, await response.clone().text()).toBe(201);
    const postId = (await json(response)).post.id;
    const { post } = await json(await call(DELINDE, `/api/posts/${postId}`, { cookie: joop.cookie }));
    expect(post.photos).toEqual([
      { id: second.id, alt: "Het plein", url: second.url },
      { id: first.id, alt: "Een kat op de bank", url: first.url },
    ]);
    const feed = await json(await call(DELINDE, "/api/neighbourhoods/lindenhof/posts", { cookie: joop.cookie }));
    expect(feed.posts.find((item: { id: string }) => item.id === postId).photos).toHaveLength(2);
    expect((await call(DELINDE, first.url, { cookie: joop.cookie })).status).toBe(200);
    expect((await call(DELINDE, first.url, { cookie: parkzicht.cookie })).status).toBe(404);
    expect((await call(DELINDE, first.url)).status).toBe(401);
    // Another corporation's host: its own database has no such photo.
    expect((await call(HAVENSTAD, first.url, { cookie: await login(HAVENSTAD, "pieter@havenstad.example") })).status).toBe(404);
    // Staff: only when the author shares the post with the corporation.
    const staff = await login(DELINDE, "sanne@delinde.example");
    expect((await call(DELINDE, first.url, { cookie: staff })).status).toBe(404);
    expect((await call(DELINDE, `/api/posts/${postId}`, { method: "PATCH", cookie: anna.cookie, json: { visibleToCorporation: true } })).status).toBe(200);
    expect((await call(DELINDE, first.url, { cookie: staff })).status).toBe(200);
    // The photo files are never on the public file route.
    const [row] = await (await tenantDb("delinde")).select().from(photos).where(eq(photos.id, first.id));
    expect((await call(DELINDE, `/api/files/photos/${row!.key.split("/").pop()}`)).status).toBe(404);
  });

  it("refuses someone else's upload, one already on a post, more than 4 and unknown ids (422), posting nothing", async () => {
    const anna = await member();
    const joop = await member();
    const joops = await uploaded(joop.cookie);
    const db = await tenantDb("delinde");
    const postsBefore = (await db.select({ id: posts.id }).from(posts)).length;
    for (const ids of [[joops.id], [crypto.randomUUID()], ["<script>"]]) {
      const response = await postWith(anna.cookie, ids);
      expect(response.status).toBe(422);
      expect(Object.keys((await json(response)).error.details.fields).some((key) => key.startsWith("photoIds"))).toBe(true);
    }
    const five = await Promise.all(Array.from({ length: 5 }, () => uploaded(anna.cookie, SAMPLE_PNG)));
    expect((await postWith(anna.cookie, five.map((photo) => photo.id))).status).toBe(422);
    expect((await db.select({ id: posts.id }).from(posts)).length).toBe(postsBefore);
    const [row] = await db.select().from(photos).where(eq(photos.id, joops.id));
    expect(row!.postId).toBeNull();
    // Attached once, not twice.
    const own = await uploaded(anna.cookie);
    expect((await postWith(anna.cookie, [own.id])).status).toBe(201);
    expect((await postWith(anna.cookie, [own.id])).status).toBe(422);
  });

  it("deleting the post deletes its photos and their files", async () => {
    const anna = await member();
    const photo = await uploaded(anna.cookie, pngWithLocation(SAMPLE_PNG));
    const db = await tenantDb("delinde");
    const [row] = await db.select().from(photos).where(eq(photos.id, photo.id));
    const postId = (await json(await postWith(anna.cookie, [photo.id]))).post.id;
    expect((await call(DELINDE, `/api/posts/${postId}`, { method: "DELETE", cookie: anna.cookie })).status).toBe(200);
    expect(await db.select().from(photos).where(eq(photos.id, photo.id))).toEqual([]);
    // The same bytes may still be an unattached upload of another test; only check when nothing points at the key.
    const still = await db.select().from(photos).where(eq(photos.key, row!.key));
    if (still.length === 0) expect(await bindings.FILES.get(row!.key)).toBeNull();
    expect((await call(DELINDE, photo.url, { cookie: anna.cookie })).status).toBe(404);
  });
});
