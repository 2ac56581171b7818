// How the neighbourhood feed holds up as a corporation's posts table grows. Two tenant databases on
// the local libSQL server, 5,000 and 500,000 posts (bench/tenant-fill.ts), and the feed query exactly
// as the API runs it (apps/worker/src/community/feed-query.ts, through drizzle and @libsql/client over
// Hrana): the first page, and a page 250,000 posts deep, for a resident (whole feed) and for staff
// (shared with the corporation only).
//   tsx bench/feed-scale.ts [--runs 200]
// Prints figures and query plans only; never fails on time.
//   feed_scale_ratio = p95 first page at 500k ÷ p95 first page at 5k      (goal ≤ 1.3)
//   deep_page_ratio  = p95 page 250k deep ÷ p95 first page, both at 500k   (goal ≤ 1.3)
// Each is the worse of the resident and staff figures (which are printed too).
import { parseArgs } from "node:util";
import { createDbClient, migrateDatabase, openTenantDb, tenantMigrations, type Client, type TenantDb } from "../packages/db/src/index.ts";
import { feedPageQuery, type FeedCursor } from "../apps/worker/src/community/feed-query.ts";
import type { FeedAccess } from "../packages/core/src/index.ts";
import { percentile, startLocalPlatform } from "./local-platform.ts";
import { BIG_NEIGHBOURHOOD, fillTenant } from "./tenant-fill.ts";

const { values } = parseArgs({ options: { runs: { type: "string", default: "200" } } });
const RUNS = Number(values.runs);
const DEEP = 250_000;

interface Timing {
  p50: number;
  p95: number;
}

async function time(run: () => Promise<unknown>, runs = RUNS): Promise<Timing> {
  return (await timeInterleaved([run], runs))[0]!;
}

/**
 * Times several queries round-robin (one of each per round, after 20 warm-up rounds), so a burst of
 * load on a shared machine hits all of them alike and the ratios stay meaningful.
 */
async function timeInterleaved(runs: (() => Promise<unknown>)[], rounds = RUNS): Promise<Timing[]> {
  const durations = runs.map((): number[] => []);
  for (let round = -20; round < rounds; round++) {
    for (const [index, run] of runs.entries()) {
      const started = performance.now();
      await run();
      if (round >= 0) durations[index]!.push(performance.now() - started);
    }
  }
  return durations.map((list) => {
    list.sort((a, b) => a - b);
    return { p50: percentile(list, 50), p95: percentile(list, 95) };
  });
}

async function explain(client: Client, query: { toSQL(): { sql: string; params: unknown[] } }): Promise<string> {
  const { sql, params } = query.toSQL();
  const plan = await client.execute({ sql: `EXPLAIN QUERY PLAN ${sql}`, args: params as never[] });
  return plan.rows.map((row) => `    ${String(row.detail)}`).join("\n");
}

async function tenantWith(platform: Awaited<ReturnType<typeof startLocalPlatform>>, name: string, posts: number) {
  const database = await platform.databases.createDatabase(name);
  const client = createDbClient({ url: database.url, authToken: database.token });
  await migrateDatabase(client, tenantMigrations);
  const started = performance.now();
  await fillTenant(client, posts);
  console.log(`fill_${name}_s=${((performance.now() - started) / 1000).toFixed(1)}`);
  return { client, db: openTenantDb(client) };
}

function report(label: string, timing: Timing) {
  console.log(`${label}_p50_ms=${timing.p50.toFixed(2)} ${label}_p95_ms=${timing.p95.toFixed(2)}`);
}

const platform = await startLocalPlatform();
try {
  const small = await tenantWith(platform, "feed-5k", 5_000);
  const large = await tenantWith(platform, "feed-500k", 500_000);
  const page = (db: TenantDb, access: FeedAccess, cursor: FeedCursor | null) =>
    feedPageQuery(db, { neighbourhoodId: BIG_NEIGHBOURHOOD.id, reader: { access, userId: null }, cursor });

  // The cursor a reader holds after paging 250,000 posts into the big neighbourhood.
  const FEED_ORDER = "FROM posts WHERE neighbourhood_id = ? AND status = 'published'";
  const deepRow = (
    await large.client.execute({
      sql: `SELECT created_at, id ${FEED_ORDER} ORDER BY created_at DESC, id DESC LIMIT 1 OFFSET ?`,
      args: [BIG_NEIGHBOURHOOD.id, DEEP - 1],
    })
  ).rows[0];
  const deep: FeedCursor | undefined = deepRow ? { createdAt: Number(deepRow.created_at), id: String(deepRow.id) } : undefined;
  if (!deep) throw new Error(`the big neighbourhood has fewer than ${DEEP} posts`);
  const deepRows = await page(large.db, "full", deep);
  if (deepRows.length !== 21) throw new Error(`a deep page has ${deepRows.length} rows`);

  const ratios: { scale: number[]; deep: number[] } = { scale: [], deep: [] };
  for (const access of ["full", "shared_only"] as const) {
    const who = access === "full" ? "resident" : "staff";
    const [first5k, first500k, deep500k] = (await timeInterleaved([
      () => page(small.db, access, null),
      () => page(large.db, access, null),
      () => page(large.db, access, deep),
    ])) as [Timing, Timing, Timing];
    report(`${who}_first_page_5k`, first5k);
    report(`${who}_first_page_500k`, first500k);
    report(`${who}_page_250k_deep`, deep500k);
    const scale = first500k.p95 / first5k.p95;
    const deepRatio = deep500k.p95 / first500k.p95;
    console.log(`${who}_feed_scale_ratio=${scale.toFixed(2)} ${who}_deep_page_ratio=${deepRatio.toFixed(2)}`);
    ratios.scale.push(scale);
    ratios.deep.push(deepRatio);
    console.log(`  plan, ${who}, first page:\n${await explain(large.client, page(large.db, access, null))}`);
    console.log(`  plan, ${who}, page 250k deep:\n${await explain(large.client, page(large.db, access, deep))}`);
  }

  // For comparison: the cursor as it was before decision 012 (`created_at < ? OR (created_at = ? AND id < ?)`).
  const orCursor = {
    toSQL: () => ({
      sql: `SELECT id ${FEED_ORDER} AND (created_at < ? OR (created_at = ? AND id < ?)) ORDER BY created_at DESC, id DESC LIMIT 21`,
      params: [BIG_NEIGHBOURHOOD.id, deep.createdAt, deep.createdAt, deep.id],
    }),
  };
  const runOrCursor = () => large.client.execute({ sql: orCursor.toSQL().sql, args: orCursor.toSQL().params });
  report("old_or_cursor_page_250k_deep", await time(runOrCursor, 20));
  console.log(`  plan, old OR cursor, page 250k deep:\n${await explain(large.client, orCursor)}`);

  console.log(`feed_scale_ratio=${Math.max(...ratios.scale).toFixed(2)}`);
  console.log(`deep_page_ratio=${Math.max(...ratios.deep).toFixed(2)}`);
  small.client.close();
  large.client.close();
} finally {
  await platform.close();
}
