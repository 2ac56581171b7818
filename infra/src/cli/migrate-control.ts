// Applies pending control-plane migrations (deploy step). Env: CONTROL_DB_URL, CONTROL_DB_TOKEN.
import { controlMigrations, createDbClient, migrateDatabase } from "@buurtplein/db";

const url = process.env.CONTROL_DB_URL;
if (!url) {
  console.error("Set CONTROL_DB_URL (and CONTROL_DB_TOKEN) to the control-plane database.");
  process.exit(2);
}
const { applied } = await migrateDatabase(createDbClient({ url, authToken: process.env.CONTROL_DB_TOKEN }), controlMigrations);
console.log(applied.length ? `applied: ${applied.join(", ")}` : "control plane is up to date");
