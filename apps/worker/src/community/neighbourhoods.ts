import { Hono } from "hono";
import { and, eq, isNull } from "drizzle-orm";
import { AppError, ZCreatePostInput, assertNotArchived, detailsFor, isStaff } from "@buurtplein/core";
import { tenantSchema, type TenantDb } from "@buurtplein/db";
import type { AppEnv } from "../env.ts";
import { parseInput, readJson } from "../lib/errors.ts";
import { FEED_PAGE_SIZE, feedPageQuery, neighbourhoodBySlugQuery, neighbourhoodIdBySlug, pinnedPostsQuery, presentPost, type FeedCursor } from "./feed-query.ts";
import { readerOf } from "./post-access.ts";
import { requireActor, requirePermission, tenantSite } from "../middleware/session.ts";
import { hitContentLimit } from "./content-rate-limits.ts";
import { feedActivitiesQuery, listItem } from "../activities/activity-queries.ts";
import { photosToAttach } from "./photos.ts";
import { assertNotSuspended, kindnessCheck } from "../moderation/moderation-guards.ts";

const { neighbourhoods, memberships, posts } = tenantSchema;

async function findNeighbourhood(db: TenantDb, slug: string) {
  const [row] = await db.select().from(neighbourhoods).where(eq(neighbourhoods.slug, slug)).limit(1);
  if (!row) throw new AppError("not_found", { message: "apiErrors.neighbourhoods.notFound" });
  return row;
}

/** Cursor "<createdAt>_<id>": stable paging even when posts share a millisecond. */
function parseCursor(value: string | undefined): FeedCursor | null {
  if (!value) return null;
  const match = /^(\d{1,15})_([\w-]{1,64})$/.exec(value);
  if (!match) throw new AppError("bad_request", { message: "apiErrors.neighbourhoods.badCursor" });
  return { createdAt: Number(match[1]), id: match[2]! };
}

export const neighbourhoodRoutes = new Hono<AppEnv>()

// GET /api/neighbourhoods — the neighbourhoods this person can open (staff: all of the corporation), archived
// ones left out; ?include=archived (admins, for /beheer/buurten): archived ones too, marked
.get("/", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requireActor(c.get("actor"));
  const includeArchived = c.req.query("include") === "archived";
  if (includeArchived) requirePermission(actor, "neighbourhood.manage", {}, "apiErrors.neighbourhoodAdmin.adminOnly");
  const columns = {
    slug: neighbourhoods.slug,
    name: neighbourhoods.name,
    kind: neighbourhoods.kind,
    city: neighbourhoods.city,
    description: neighbourhoods.description,
    archivedAt: neighbourhoods.archivedAt,
  };
  const rows = isStaff(actor.role)
    ? await site.db
        .select(columns)
        .from(neighbourhoods)
        .where(includeArchived ? undefined : isNull(neighbourhoods.archivedAt))
        .orderBy(neighbourhoods.name)
    : await site.db
        .select(columns)
        .from(memberships)
        .innerJoin(neighbourhoods, eq(neighbourhoods.id, memberships.neighbourhoodId))
        .where(and(eq(memberships.userId, actor.userId), eq(memberships.status, "active"), isNull(neighbourhoods.archivedAt)))
        .orderBy(neighbourhoods.name);
  return c.json({ neighbourhoods: rows.map(({ archivedAt, ...row }) => ({ ...row, archived: archivedAt !== null })) });
})

// GET /api/neighbourhoods/:slug/posts?cursor= — the feed, newest first, as far as this person may read it.
// One round trip: the neighbourhood and its page of posts in one batch; access is decided before answering.
.get("/:slug/posts", async (c) => {
  const site = tenantSite(c.get("site"));
  const slug = c.req.param("slug");
  const viewer = c.get("actor");
  const reader = readerOf(viewer);
  const cursor = parseCursor(c.req.query("cursor"));
  const neighbourhoodId = neighbourhoodIdBySlug(site.db, slug);
  // Pinned announcements come with the first page only, in the same batch (no extra round trip).
  const [[neighbourhood], rows, pinnedRows, upcoming] = await site.db.batch([
    neighbourhoodBySlugQuery(site.db, slug),
    feedPageQuery(site.db, { neighbourhoodId, reader, cursor }),
    // (On later pages it asks for a neighbourhood id nobody has: no rows, one index probe.)
    pinnedPostsQuery(site.db, { neighbourhoodId: cursor ? "" : neighbourhoodId, reader }),
    // Activities are their own kind of feed item: the next few, on the first page only (same round trip).
    feedActivitiesQuery(site.db, neighbourhoodIdBySlug(site.db, cursor ? "" : slug), viewer?.userId ?? null),
  ]);
  if (!neighbourhood) throw new AppError("not_found", { message: "apiErrors.neighbourhoods.notFound" });
  requirePermission(viewer, "feed.read", { neighbourhoodId: neighbourhood.id }, "apiErrors.neighbourhoods.notMember");
  const page = rows.slice(0, FEED_PAGE_SIZE);
  const last = page.at(-1);
  return c.json({
    neighbourhood: {
      slug: neighbourhood.slug,
      name: neighbourhood.name,
      kind: neighbourhood.kind,
      city: neighbourhood.city,
      description: neighbourhood.description,
      archived: neighbourhood.archivedAt !== null,
    },
    access: reader.access,
    pinned: pinnedRows.map((row) => presentPost(row, reader)),
    posts: page.map((row) => presentPost(row, reader)),
    activities: upcoming.map(listItem),
    nextCursor: rows.length > FEED_PAGE_SIZE && last ? `${last.createdAt}_${last.id}` : null,
  });
})

// POST /api/neighbourhoods/:slug/posts — a member writes in their neighbourhood (staff: announcements)
.post("/:slug/posts", async (c) => {
  const site = tenantSite(c.get("site"));
  requireActor(c.get("actor"));
  const neighbourhood = await findNeighbourhood(site.db, c.req.param("slug"));
  const raw = await readJson(c);
  const input = parseInput(ZCreatePostInput, raw);
  const actor = requirePermission(
    c.get("actor"),
    input.kind === "announcement" ? "post.announce" : "post.create",
    { neighbourhoodId: neighbourhood.id },
    "apiErrors.neighbourhoods.postKindNotAllowed",
  );
  assertNotArchived(neighbourhood);
  await assertNotSuspended(site.db, actor.userId);
  kindnessCheck(c.get("settings"), [input.title ?? "", input.body].join("\n"), raw);
  // Counted only for posts that would be placed: a refused or invalid one costs nothing.
  await hitContentLimit(site.client, "post", actor.userId);
  const id = crypto.randomUUID();
  const createdAt = Date.now();
  const details = detailsFor(input.kind, input);
  // Photos: the author's own uploads on no post yet (422 before anything is written), attached in the same batch.
  const attach = await photosToAttach(site.db, actor, input.photoIds, id);
  const insert = site.db.insert(posts).values({
    id,
    neighbourhoodId: neighbourhood.id,
    authorId: actor.userId,
    kind: input.kind,
    title: input.title ?? null,
    body: input.body,
    details,
    visibleToCorporation: input.kind === "announcement" ? true : input.visibleToCorporation,
    createdAt,
    updatedAt: createdAt,
  });
  await site.db.batch([insert, ...attach]);
  return c.json({ post: { id, photoIds: input.photoIds ?? [], kind: input.kind, title: input.title ?? null, body: input.body, details, createdAt } }, 201);
});
