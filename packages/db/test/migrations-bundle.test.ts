import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  MIGRATION_SETS,
  generatedModulePath,
  readMigrationFolder,
  migrationsFolder,
  renderMigrationsModule,
} from "../scripts/render-migrations-module.ts";
import { controlMigrations, tenantMigrations } from "../src/index.ts";

describe("bundled migrations", () => {
  it.each(MIGRATION_SETS)("src/%s/migrations.generated.ts matches the SQL folder", (set) => {
    const onDisk = readFileSync(generatedModulePath(set), "utf8");
    expect(onDisk, "run `pnpm --filter @buurtplein/db generate`").toBe(renderMigrationsModule(set));
  });

  it("exports the same migrations the folders hold", () => {
    expect(controlMigrations).toEqual(readMigrationFolder(migrationsFolder("control")));
    expect(tenantMigrations).toEqual(readMigrationFolder(migrationsFolder("tenant")));
    expect(tenantMigrations[0]?.id).toBe("0000_init");
    for (const migration of [...controlMigrations, ...tenantMigrations]) {
      expect(migration.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(migration.statements.every((s) => !s.includes("statement-breakpoint"))).toBe(true);
    }
  });
});
