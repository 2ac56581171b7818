// Writes src/{control,tenant}/migrations.generated.ts from the SQL that drizzle-kit generated.
import { writeFileSync } from "node:fs";
import { MIGRATION_SETS, generatedModulePath, renderMigrationsModule } from "./render-migrations-module.ts";

for (const set of MIGRATION_SETS) {
  const target = generatedModulePath(set);
  writeFileSync(target, renderMigrationsModule(set));
  console.log(`wrote ${target}`);
}
