import { Hono } from "hono";
import { and, desc, eq, lt, or, sql } from "drizzle-orm";
import { AppError, ZCreatePostInput, feedAccess, isStaff } from "@buurtplein/core";
import { tenantSchema, type TenantDb } from "@buurtplein/db";
import type { AppEnv } from "../env.ts";
import { parseInput, readJson } from "../lib/errors.ts";
import { requireActor, requirePermission, tenantSite } from "../middleware/session.ts";
import { hitContentLimit } from "../lib/content-rate-limits.ts";

export const neighbourhoodRoutes = new Hono<AppEnv>();

const { neighbourhoods, memberships, posts, users } = tenantSchema;
const PAGE_SIZE = 20;

async function findNeighbourhood(db: TenantDb, slug: string) {
  const [row] = await db.select().from(neighbourhoods).where(eq(neighbourhoods.slug, slug)).limit(1);
  if (!row) throw new AppError("not_found", "Deze buurt bestaat niet.");
  return row;
}

/** Cursor "<createdAt>_<id>": stable paging even when posts share a millisecond. */
function parseCursor(value: string | undefined): { createdAt: number; id: string } | null {
  if (!value) return null;
  const match = /^(\d{1,15})_([\w-]{1,64})$/.exec(value);
  if (!match) throw new AppError("bad_request", "Deze pagina-aanwijzer klopt niet.");
  return { createdAt: Number(match[1]), id: match[2]! };
}

// GET /api/neighbourhoods — the neighbourhoods this person can open (staff: all of the corporation)
neighbourhoodRoutes.get("/", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requireActor(c.get("actor"));
  const columns = { slug: neighbourhoods.slug, name: neighbourhoods.name, kind: neighbourhoods.kind, city: neighbourhoods.city };
  const rows = isStaff(actor.role)
    ? await site.db.select(columns).from(neighbourhoods).orderBy(neighbourhoods.name)
    : await site.db
        .select(columns)
        .from(memberships)
        .innerJoin(neighbourhoods, eq(neighbourhoods.id, memberships.neighbourhoodId))
        .where(and(eq(memberships.userId, actor.userId), eq(memberships.status, "active")))
        .orderBy(neighbourhoods.name);
  return c.json({ neighbourhoods: rows });
});

// GET /api/neighbourhoods/:slug/posts?cursor= — the feed, newest first, as far as this person may read it
neighbourhoodRoutes.get("/:slug/posts", async (c) => {
  const site = tenantSite(c.get("site"));
  const neighbourhood = await findNeighbourhood(site.db, c.req.param("slug"));
  const actor = requirePermission(c.get("actor"), "feed.read", { neighbourhoodId: neighbourhood.id }, "Je bent geen lid van deze buurt.");
  const access = feedAccess(actor.role);
  const cursor = parseCursor(c.req.query("cursor"));
  const conditions = [eq(posts.neighbourhoodId, neighbourhood.id), eq(posts.status, "published")];
  if (access === "shared_only") conditions.push(or(eq(posts.visibleToCorporation, true), eq(posts.kind, "announcement"))!);
  if (cursor) {
    conditions.push(
      or(lt(posts.createdAt, cursor.createdAt), and(eq(posts.createdAt, cursor.createdAt), lt(posts.id, cursor.id)))!,
    );
  }
  const rows = await site.db
    .select({
      id: posts.id,
      kind: posts.kind,
      title: posts.title,
      body: posts.body,
      visibleToCorporation: posts.visibleToCorporation,
      createdAt: posts.createdAt,
      authorName: sql<string | null>`${users.displayName}`,
      authorStreet: users.street,
      authorRole: users.role,
    })
    .from(posts)
    .leftJoin(users, eq(users.id, posts.authorId))
    .where(and(...conditions))
    .orderBy(desc(posts.createdAt), desc(posts.id))
    .limit(PAGE_SIZE + 1);
  const page = rows.slice(0, PAGE_SIZE);
  const last = page.at(-1);
  return c.json({
    neighbourhood: { slug: neighbourhood.slug, name: neighbourhood.name, kind: neighbourhood.kind, city: neighbourhood.city, description: neighbourhood.description },
    access,
    posts: page,
    nextCursor: rows.length > PAGE_SIZE && last ? `${last.createdAt}_${last.id}` : null,
  });
});

// POST /api/neighbourhoods/:slug/posts — a member writes in their neighbourhood (staff: announcements)
neighbourhoodRoutes.post("/:slug/posts", async (c) => {
  const site = tenantSite(c.get("site"));
  requireActor(c.get("actor"));
  const neighbourhood = await findNeighbourhood(site.db, c.req.param("slug"));
  const input = parseInput(ZCreatePostInput, await readJson(c));
  const actor = requirePermission(
    c.get("actor"),
    input.kind === "announcement" ? "post.announce" : "post.create",
    { neighbourhoodId: neighbourhood.id },
    "Je kunt dit soort bericht hier niet plaatsen.",
  );
  // Counted only for posts that would be placed: a refused or invalid one costs nothing.
  await hitContentLimit(site.client, "post", actor.userId);
  const id = crypto.randomUUID();
  const createdAt = Date.now();
  await site.db.insert(posts).values({
    id,
    neighbourhoodId: neighbourhood.id,
    authorId: actor.userId,
    kind: input.kind,
    title: input.title ?? null,
    body: input.body,
    visibleToCorporation: input.kind === "announcement" ? true : input.visibleToCorporation,
    createdAt,
    updatedAt: createdAt,
  });
  return c.json({ post: { id, kind: input.kind, title: input.title ?? null, body: input.body, createdAt } }, 201);
});
