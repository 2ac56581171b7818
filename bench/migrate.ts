// Times the migration fan-out: N tenant databases (default 1000) get one new migration.
//   tsx bench/migrate.ts --tenants 1000 [--concurrency 8]
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
import { startLocalPlatform } from "./local-platform.ts";

const { values } = parseArgs({
  options: { tenants: { type: "string", default: "1000" }, concurrency: { type: "string", default: "8" } },
});
const tenantCount = Number(values.tenants);
const concurrency = Number(values.concurrency);

const probe: Migration = {
  id: "9999_bench_probe",
  hash: "bench-probe-v1",
  statements: [
    "CREATE TABLE bench_probe (id INTEGER PRIMARY KEY, note TEXT NOT NULL DEFAULT '')",
    "CREATE INDEX bench_probe_note_idx ON bench_probe (note)",
  ],
};

const platform = await startLocalPlatform();
try {
  // Setup: create and migrate the databases directly (faster than full provisioning).
  const setupStarted = performance.now();
  const rows = await runPool(
    Array.from({ length: tenantCount }, (_, i) => i),
    16,
    async (i) => {
      const slug = `bench-${String(i).padStart(5, "0")}`;
      const database = await platform.databases.createDatabase(`tenant-${slug}`);
      const client = createDbClient({ url: database.url, authToken: database.token });
      await migrateDatabase(client, tenantMigrations);
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
    },
  );
  for (let i = 0; i < rows.length; i += 200) {
    await platform.control.insert(controlSchema.tenants).values(rows.slice(i, i + 200));
  }
  const setupSeconds = (performance.now() - setupStarted) / 1000;
  console.log(`tenants=${tenantCount}`);
  console.log(`setup_s=${setupSeconds.toFixed(1)}`);

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

  const migrated = results.filter((r) => r.status === "migrated").length;
  const failed = results.filter((r) => r.status === "failed");
  console.log(`concurrency=${concurrency}`);
  console.log(`migrated=${migrated} failed=${failed.length}`);
  console.log(`migrate_s=${migrateSeconds.toFixed(2)}`);
  for (const result of failed.slice(0, 5)) console.log(`  failed ${result.slug}: ${result.error}`);
  process.exitCode = failed.length > 0 ? 1 : 0;
} finally {
  await platform.close();
}
