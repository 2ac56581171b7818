// Applies pending tenant migrations to every active/suspended tenant database.
//   CONTROL_DB_URL=… CONTROL_DB_TOKEN=… TENANT_TOKEN_KEY=… tsx infra/src/cli/migrate-tenants.ts [--concurrency 8] [--resume]
// Exits 1 if any tenant failed; rerun with --resume to only retry those that didn't finish.
import { parseArgs } from "node:util";
import { importTenantTokenKey, TenantTokenKeyError } from "@buurtplein/core";
import {
  controlMigrations,
  createDbClient,
  migrateAllTenants,
  migrateDatabase,
  openControlDb,
  sealPlainTenantDbTokens,
  tenantDbClient,
  tenantMigrations,
  type TenantMigrationResult,
} from "@buurtplein/db";

const { values } = parseArgs({
  options: {
    concurrency: { type: "string", default: "8" },
    resume: { type: "boolean", default: false },
  },
});

const url = process.env.CONTROL_DB_URL;
if (!url) {
  console.error("CONTROL_DB_URL is not set");
  process.exit(2);
}
const concurrency = Number(values.concurrency);
if (!Number.isInteger(concurrency) || concurrency < 1) {
  console.error(`--concurrency must be a positive integer, got ${values.concurrency}`);
  process.exit(2);
}

// Tenant database tokens are stored encrypted: the same key as the worker's TENANT_TOKEN_KEY secret.
const tokenKey = await importTenantTokenKey(process.env.TENANT_TOKEN_KEY).catch((error: unknown) => {
  if (!(error instanceof TenantTokenKeyError)) throw error;
  console.error(error.message);
  process.exit(2);
});

const controlClient = createDbClient({ url, authToken: process.env.CONTROL_DB_TOKEN });
// The fan-out records its runs in the control plane, so that schema must be current first.
const control = await migrateDatabase(controlClient, controlMigrations);
console.log(`control database: ${control.applied.length ? `applied ${control.applied.join(", ")}` : "up to date"}`);
const sealed = await sealPlainTenantDbTokens(openControlDb(controlClient), tokenKey);
if (sealed) console.log(`encrypted ${sealed} plain tenant database token(s)`);

const newest = tenantMigrations.at(-1)?.id ?? "(none)";
console.log(`migrating tenants to ${newest} (concurrency ${concurrency}${values.resume ? ", resuming" : ""})`);
const started = performance.now();
const results = await migrateAllTenants({
  control: openControlDb(controlClient),
  openTenantClient: (tenant) => tenantDbClient(tenant, tokenKey),
  migrations: tenantMigrations,
  concurrency,
  resume: values.resume,
  onProgress: (done, total, result) => {
    const width = String(total).length;
    console.log(`[${String(done).padStart(width)}/${total}] ${result.slug} ${describe(result)}`);
  },
});
const seconds = ((performance.now() - started) / 1000).toFixed(2);

printTable(results);
const count = (status: TenantMigrationResult["status"]) => results.filter((r) => r.status === status).length;
console.log(
  `\n${results.length} tenants in ${seconds} s: ${count("migrated")} migrated, ${count("up_to_date")} up to date, ` +
    `${count("failed")} failed`,
);
controlClient.close();
process.exit(count("failed") > 0 ? 1 : 0);

function describe(result: TenantMigrationResult): string {
  if (result.skipped) return "up_to_date (done in an earlier run)";
  if (result.status === "failed") return `FAILED: ${result.error}`;
  const applied = result.applied.length ? ` ${result.applied.join(", ")}` : "";
  return `${result.status}${applied} (${result.ms} ms)`;
}

function printTable(results: TenantMigrationResult[]): void {
  const rows = [
    ["tenant", "status", "applied", "ms", "error"],
    ...results.map((r) => [r.slug, r.skipped ? "skipped" : r.status, r.applied.join(",") || "-", String(r.ms), r.error ?? ""]),
  ];
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? "").length))) ?? [];
  console.log("");
  for (const row of rows) console.log(row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join("  ").trimEnd());
}
