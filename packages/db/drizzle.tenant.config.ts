// drizzle-kit config for the per-tenant databases. Only `generate` is used (no credentials needed):
// the SQL lands in migrations/tenant and scripts/bundle-migrations.ts turns it into TypeScript.
import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "turso",
  schema: "./src/tenant/schema.ts",
  out: "./migrations/tenant",
  dbCredentials: { url: "" },
});
