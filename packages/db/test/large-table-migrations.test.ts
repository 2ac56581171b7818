import { describe, expect, it } from "vitest";
import { largeTableRebuildsOf } from "../src/migrations/large-tables.ts";
import { tenantMigrations } from "../src/index.ts";

describe("tenant migrations and large tables (decision 012)", () => {
  it.each(tenantMigrations.map((migration) => [migration.id, migration] as const))(
    "%s does not rebuild posts or audit_log (expand/contract instead)",
    (_id, migration) => {
      expect(largeTableRebuildsOf(migration)).toEqual([]);
    },
  );

  it("recognises the drizzle-kit rebuild of a large table, and lets adding columns and indexes pass", () => {
    const rebuild = {
      id: "9999_rebuild",
      hash: "x",
      statements: [
        "CREATE TABLE `__new_posts` (`id` text PRIMARY KEY NOT NULL, `body` text NOT NULL)",
        "INSERT INTO `__new_posts`(`id`, `body`) SELECT `id`, `body` FROM `posts`",
        "DROP TABLE `posts`;",
        "ALTER TABLE `__new_posts` RENAME TO `posts`",
      ],
    };
    expect(largeTableRebuildsOf(rebuild)).toEqual(["posts"]);
    expect(largeTableRebuildsOf({ ...rebuild, statements: ["DROP TABLE audit_log"] })).toEqual(["audit_log"]);
    const expand = {
      ...rebuild,
      statements: ["ALTER TABLE `posts` ADD `edited_at` integer", "CREATE INDEX `posts_author_idx` ON `posts` (`author_id`)", "DROP TABLE `posts_archive`"],
    };
    expect(largeTableRebuildsOf(expand)).toEqual([]);
  });
});
