// drizzle-kit config for the control-plane database. Only `generate` is used (no credentials needed):
// the SQL lands in migrations/control and scripts/bundle-migrations.ts turns it into TypeScript.
import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "turso",
  schema: "./src/control/schema.ts",
  out: "./migrations/control",
  dbCredentials: { url: "" },
});
