// Applies pending control-plane migrations (deploy step), then encrypts any tenant database token still
// stored in plain text (docs/decisions/010-tenant-token-encryption.md).
// Env: CONTROL_DB_URL, CONTROL_DB_TOKEN, TENANT_TOKEN_KEY (the worker's secret of the same name).
import { importTenantTokenKey, TenantTokenKeyError } from "@buurtplein/core";
import { controlMigrations, createDbClient, migrateDatabase, openControlDb, sealPlainTenantDbTokens } from "@buurtplein/db";

const url = process.env.CONTROL_DB_URL;
if (!url) {
  console.error("Set CONTROL_DB_URL (and CONTROL_DB_TOKEN) to the control-plane database.");
  process.exit(2);
}
const tokenKey = await importTenantTokenKey(process.env.TENANT_TOKEN_KEY).catch((error: unknown) => {
  if (!(error instanceof TenantTokenKeyError)) throw error;
  console.error(`${error.message} Use the same value as the worker secret TENANT_TOKEN_KEY.`);
  process.exit(2);
});
const client = createDbClient({ url, authToken: process.env.CONTROL_DB_TOKEN });
const { applied } = await migrateDatabase(client, controlMigrations);
console.log(applied.length ? `applied: ${applied.join(", ")}` : "control plane is up to date");
const sealed = await sealPlainTenantDbTokens(openControlDb(client), tokenKey);
console.log(sealed ? `encrypted ${sealed} plain tenant database token(s)` : "tenant database tokens: all encrypted");
client.close();
