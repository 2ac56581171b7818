// GET /api/search?q=&cursor= — full-text search over the posts and replies of the neighbourhoods this
// person may open (staff: only what is shared with them), newest first, 20 a page (decision 025).
// One statement: the FTS5 index (search_index, accents folded) joined to its rows, filtered by
// post-access.ts's readablePosts/readableReplies — the same rules as the feed, never a copy.
import { Hono } from "hono";
import { sql } from "drizzle-orm";
import { AppError, can, isStaff, SEARCH_QUERY_MAX, snippetHtml, snippetParts, toFtsQuery } from "@buurtplein/core";
import { REBUILD_SEARCH_INDEX, tenantSchema, type TenantDb } from "@buurtplein/db";
import type { Actor, AppEnv } from "../env.ts";
import { devToolsEnabled } from "../platform/dev-mail.ts";
import { requireActor, tenantSite } from "../middleware/session.ts";
import { readablePosts, readableReplies, readerOf } from "./post-access.ts";

const { posts, replies, neighbourhoods } = tenantSchema;

export const SEARCH_PAGE_SIZE = 20;

interface SearchRow {
  type: "post" | "reply";
  id: string;
  postId: string;
  rowid: number;
  createdAt: number;
  title: string | null;
  snippet: string;
  slug: string;
  name: string;
}

/** Cursor "<createdAt>_<rowid>" of the last result of the previous page. */
function parseCursor(value: string | undefined): { createdAt: number; rowid: number } | null {
  if (!value) return null;
  const match = /^(\d{1,15})_(\d{1,15})$/.exec(value);
  if (!match) throw new AppError("bad_request", { message: "search.errors.badCursor" });
  return { createdAt: Number(match[1]), rowid: Number(match[2]) };
}

/** The search statement (also for a benchmark): matches this reader may read, newest first, one page and one more. */
export function searchQuery(db: TenantDb, actor: Actor, ftsQuery: string, cursor: { createdAt: number; rowid: number } | null) {
  const reader = readerOf(actor);
  // Which neighbourhoods: staff every one (what they read there is limited by readablePosts); others those can() lets them open.
  const scope = isStaff(actor.role)
    ? sql`1 = 1`
    : (() => {
        const ids = actor.neighbourhoodIds.filter((neighbourhoodId) => can(actor, "feed.read", { neighbourhoodId }));
        return ids.length === 0 ? sql`0 = 1` : sql`${posts.neighbourhoodId} IN (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`;
      })();
  const after = cursor ? sql`AND (search_docs.created_at, search_docs.rowid) < (${cursor.createdAt}, ${cursor.rowid})` : sql``;
  return db.all<SearchRow>(sql`
    SELECT search_docs.type AS type, search_docs.item_id AS id, search_docs.post_id AS postId, search_docs.rowid AS rowid,
           search_docs.created_at AS createdAt, ${posts.title} AS title,
           snippet(search_index, -1, char(2), char(3), '…', 16) AS snippet,
           ${neighbourhoods.slug} AS slug, ${neighbourhoods.name} AS name
    FROM search_index
    JOIN search_docs ON search_docs.rowid = search_index.rowid
    JOIN ${posts} ON ${posts.id} = search_docs.post_id
    JOIN ${neighbourhoods} ON ${neighbourhoods.id} = ${posts.neighbourhoodId}
    LEFT JOIN ${replies} ON search_docs.type = 'reply' AND ${replies.id} = search_docs.item_id
    WHERE search_index MATCH ${ftsQuery}
      AND ${scope}
      AND ${readablePosts(reader)}
      AND (search_docs.type = 'post' OR (${replies.id} IS NOT NULL AND ${readableReplies(reader)}))
      ${after}
    ORDER BY search_docs.created_at DESC, search_docs.rowid DESC
    LIMIT ${SEARCH_PAGE_SIZE + 1}`);
}

export const searchRoutes = new Hono<AppEnv>()

.get("/", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requireActor(c.get("actor"));
  const q = (c.req.query("q") ?? "").trim();
  if (q.length > SEARCH_QUERY_MAX) throw new AppError("invalid_input", { fields: { q: "search.errors.tooLong" } });
  const cursor = parseCursor(c.req.query("cursor"));
  const ftsQuery = toFtsQuery(q);
  if (!ftsQuery) return c.json({ query: q, results: [], nextCursor: null });
  const rows = await searchQuery(site.db, actor, ftsQuery, cursor);
  const page = rows.slice(0, SEARCH_PAGE_SIZE);
  const last = page.at(-1);
  return c.json({
    query: q,
    results: page.map((row) => ({
      type: row.type,
      id: row.id,
      postId: row.postId,
      title: row.title,
      /** HTML: escaped text with <mark> around the matches. */
      snippet: snippetHtml(row.snippet),
      /** The same as parts, for pages that render text themselves. */
      snippetParts: snippetParts(row.snippet),
      createdAt: Number(row.createdAt),
      neighbourhood: { slug: row.slug, name: row.name },
      url: `/buurt/${encodeURIComponent(row.slug)}/berichten/${encodeURIComponent(row.postId)}`,
    })),
    nextCursor: rows.length > SEARCH_PAGE_SIZE && last ? `${last.createdAt}_${last.rowid}` : null,
  });
});

// POST /api/dev/search/rebuild — development only (404 in production): rebuilds this corporation's
// search index from its posts and replies. `npx tsx infra/src/cli/rebuild-search-index.ts --tenant delinde`.
export const devSearchRoutes = new Hono<AppEnv>().post("/rebuild", async (c) => {
  if (!devToolsEnabled(c.env)) throw new AppError("not_found", { message: "apiErrors.routeNotFound" });
  const site = tenantSite(c.get("site"));
  const started = Date.now();
  await site.client.batch([...REBUILD_SEARCH_INDEX], "write");
  const [counted] = await site.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM search_docs`);
  return c.json({ tenant: site.tenant.slug, indexed: Number(counted?.n ?? 0), ms: Date.now() - started });
});
