// Times the migration fan-out: N tenant databases (default 1000) holding realistic data
// (bench/tenant-fill.ts: 200–5,000 posts each, one large corporation with --large-posts, default
// 500,000) get one new migration of a real kind: a nullable column and an index on posts.
//   tsx bench/migrate.ts --tenants 1000 [--concurrency 8] [--large-posts 500000]
// While the large tenant migrates, a resident keeps reading the feed and writing posts there; the
// longest wait of each is printed. Then, for comparison, the same large table is rebuilt the way
// drizzle-kit does for changes SQLite cannot ALTER (decision 012).
// Prints figures only; never fails on time (exits 1 only if a tenant failed to migrate).
import { parseArgs } from "node:util";
import {
  controlSchema,
  createDbClient,
  migrateAllTenants,
  migrateDatabase,
  sealTenantDbToken,
  tenantDbClient,
  tenantMigrations,
  type Migration,
} from "../packages/db/src/index.ts";
import { runPool } from "../packages/db/src/migrations/run-pool.ts";
import { percentile, startLocalPlatform } from "./local-platform.ts";
import { BIG_NEIGHBOURHOOD, fillTenant } from "./tenant-fill.ts";

const { values } = parseArgs({
  options: {
    tenants: { type: "string", default: "1000" },
    concurrency: { type: "string", default: "8" },
    "large-posts": { type: "string", default: "500000" },
  },
});
const tenantCount = Number(values.tenants);
const concurrency = Number(values.concurrency);
const largePosts = Number(values["large-posts"]);
/** The large corporation sits in the middle of the run, among the others. */
const LARGE = Math.floor(tenantCount / 2);

// What a typical next migration looks like: a nullable column (ALTER TABLE ADD COLUMN, no rebuild)
// and an index on the table (one scan of it). posts.author_id is what deleting an account searches.
const probe: Migration = {
  id: "9999_bench_probe",
  hash: "bench-probe-v2",
  statements: ["ALTER TABLE `posts` ADD `edited_at` integer", "CREATE INDEX `posts_author_idx` ON `posts` (`author_id`)"],
};

const platform = await startLocalPlatform();
try {
  // Setup: create and migrate the databases directly (faster than full provisioning).
  // The large tenant first and alone: its fill keeps the in-process server busy for seconds.
  const setupStarted = performance.now();
  const setupTenant = async (i: number) => {
    const slug = `bench-${String(i).padStart(5, "0")}`;
    const database = await platform.databases.createDatabase(`tenant-${slug}`);
    const client = createDbClient({ url: database.url, authToken: database.token });
    await migrateDatabase(client, tenantMigrations);
    await fillTenant(client, i === LARGE ? largePosts : 200 + ((i * 977) % 4_800));
    client.close();
    const id = `bench-${i}`;
    return {
      id,
      slug,
      name: `Bench ${i}`,
      status: "active",
      provisioningStep: "active",
      dbName: database.name,
      dbUrl: database.url,
      dbToken: await sealTenantDbToken(platform.tokenKey, id, database.token),
    };
  };
  const large = await setupTenant(LARGE);
  const others = await runPool(
    Array.from({ length: tenantCount }, (_, i) => i).filter((i) => i !== LARGE),
    8,
    setupTenant,
  );
  const rows = [...others.slice(0, LARGE), large, ...others.slice(LARGE)];
  for (let i = 0; i < rows.length; i += 200) {
    await platform.control.insert(controlSchema.tenants).values(rows.slice(i, i + 200));
  }
  const setupSeconds = (performance.now() - setupStarted) / 1000;
  console.log(`tenants=${tenantCount}`);
  console.log(`setup_s=${setupSeconds.toFixed(1)}`);

  // A resident on the large tenant, reading the first feed page and writing a post, one after the
  // other, until the fan-out is done.
  const largeRow = rows[LARGE]!;
  const resident = await tenantDbClient(largeRow, platform.tokenKey);
  const reads: number[] = [];
  const writes: number[] = [];
  let migrating = true;
  const traffic = (async () => {
    for (let n = 0; migrating; n++) {
      let t = performance.now();
      await resident.execute({
        sql: "SELECT id, title, body FROM posts WHERE neighbourhood_id = ? AND status = 'published' ORDER BY created_at DESC, id DESC LIMIT 21",
        args: [BIG_NEIGHBOURHOOD.id],
      });
      reads.push(performance.now() - t);
      t = performance.now();
      await resident.execute({
        sql: "INSERT INTO posts (id, neighbourhood_id, author_id, kind, body, visible_to_corporation, status, created_at, updated_at) VALUES (?, ?, 'u0100', 'message', 'Nog iemand een ladder?', 0, 'published', ?, ?)",
        args: [`during-${n}`, BIG_NEIGHBOURHOOD.id, Date.now(), Date.now()],
      });
      writes.push(performance.now() - t);
    }
  })();

  const started = performance.now();
  let lastReport = started;
  const results = await migrateAllTenants({
    control: platform.control,
    openTenantClient: (tenant) => tenantDbClient(tenant, platform.tokenKey),
    migrations: [...tenantMigrations, probe],
    concurrency,
    onProgress: (done, total) => {
      if (performance.now() - lastReport > 5_000 || done === total) {
        lastReport = performance.now();
        console.log(`  ${done}/${total} after ${((lastReport - started) / 1000).toFixed(1)} s`);
      }
    },
  });
  const migrateSeconds = (performance.now() - started) / 1000;
  migrating = false;
  await traffic;

  const migrated = results.filter((r) => r.status === "migrated").length;
  const failed = results.filter((r) => r.status === "failed");
  console.log(`concurrency=${concurrency}`);
  console.log(`migrated=${migrated} failed=${failed.length}`);
  console.log(`migrate_s=${migrateSeconds.toFixed(2)}`);
  const largeResult = results.find((r) => r.slug === largeRow.slug);
  const otherTimes = results.filter((r) => r.slug !== largeRow.slug).map((r) => r.ms).sort((a, b) => a - b);
  console.log(`largest_tenant_posts=${largePosts} largest_tenant_migrate_s=${((largeResult?.ms ?? Number.NaN) / 1000).toFixed(2)}`);
  console.log(`other_tenants_migrate_p50_ms=${percentile(otherTimes, 50)} other_tenants_migrate_p95_ms=${percentile(otherTimes, 95)}`);
  reads.sort((a, b) => a - b);
  writes.sort((a, b) => a - b);
  console.log(
    `during_migration_feed_reads=${reads.length} read_p50_ms=${percentile(reads, 50).toFixed(1)} read_max_ms=${(reads.at(-1) ?? 0).toFixed(1)}`,
  );
  console.log(
    `during_migration_post_writes=${writes.length} write_p50_ms=${percentile(writes, 50).toFixed(1)} write_max_ms=${(writes.at(-1) ?? 0).toFixed(1)}`,
  );

  // For comparison: a drizzle-kit table rebuild of the same large posts table (new table, copy,
  // drop, rename, indexes again), in one transaction as our migrator runs it.
  const rebuild = [
    "CREATE TABLE `__new_posts` (`id` text PRIMARY KEY NOT NULL, `neighbourhood_id` text NOT NULL, `author_id` text, `kind` text NOT NULL, `title` text, `body` text NOT NULL, `visible_to_corporation` integer DEFAULT false NOT NULL, `status` text DEFAULT 'published' NOT NULL, `created_at` integer NOT NULL, `updated_at` integer NOT NULL, `edited_at` integer, FOREIGN KEY (`neighbourhood_id`) REFERENCES `neighbourhoods`(`id`) ON UPDATE no action ON DELETE cascade, FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null)",
    "INSERT INTO `__new_posts` SELECT `id`, `neighbourhood_id`, `author_id`, `kind`, `title`, `body`, `visible_to_corporation`, `status`, `created_at`, `updated_at`, `edited_at` FROM `posts`",
    "DROP TABLE `posts`",
    "ALTER TABLE `__new_posts` RENAME TO `posts`",
    "CREATE INDEX `posts_feed_idx` ON `posts` (`neighbourhood_id`,`status`,`created_at`,`id`)",
    "CREATE INDEX `posts_shared_feed_idx` ON `posts` (`neighbourhood_id`,`status`,(visible_to_corporation = 1 OR kind = 'announcement'),`created_at`,`id`)",
    "CREATE INDEX `posts_author_idx` ON `posts` (`author_id`)",
  ];
  const rebuildStarted = performance.now();
  await resident.migrate(rebuild);
  console.log(`largest_tenant_table_rebuild_s=${((performance.now() - rebuildStarted) / 1000).toFixed(2)}`);
  resident.close();
  for (const result of failed.slice(0, 5)) console.log(`  failed ${result.slug}: ${result.error}`);
  process.exitCode = failed.length > 0 ? 1 : 0;
} finally {
  await platform.close();
}
