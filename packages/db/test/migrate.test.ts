import { describe, expect, it } from "vitest";
import { MIGRATIONS_TABLE, MigrationHashMismatchError, migrateDatabase, tenantMigrations, type Client, type Migration } from "../src/index.ts";
import { createFreshDatabase } from "./support/databases.ts";

async function tableNames(client: Client): Promise<string[]> {
  const result = await client.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
  return result.rows.map((row) => String(row.name));
}

const probe: Migration = {
  id: "9000_probe",
  hash: "probe-v1",
  statements: ["CREATE TABLE probe (id INTEGER PRIMARY KEY, note TEXT)", "INSERT INTO probe (id, note) VALUES (1, 'hallo')"],
};

describe("migrateDatabase", () => {
  it("applies every migration to a fresh database and records it", async () => {
    const { client } = await createFreshDatabase("mig");
    const { applied } = await migrateDatabase(client, tenantMigrations);
    expect(applied).toEqual(tenantMigrations.map((m) => m.id));
    expect(await tableNames(client)).toEqual(
      expect.arrayContaining([MIGRATIONS_TABLE, "users", "tenant_settings", "posts", "sessions"]),
    );
    const rows = await client.execute(`SELECT id, hash, applied_at FROM ${MIGRATIONS_TABLE}`);
    expect(rows.rows.map((r) => [r.id, r.hash])).toEqual(tenantMigrations.map((m) => [m.id, m.hash]));
    expect(typeof rows.rows[0]?.applied_at).toBe("number");
  });

  it("is idempotent and only applies what is new", async () => {
    const { client } = await createFreshDatabase("mig");
    await migrateDatabase(client, tenantMigrations);
    expect(await migrateDatabase(client, tenantMigrations)).toEqual({ applied: [] });
    expect(await migrateDatabase(client, [...tenantMigrations, probe])).toEqual({ applied: ["9000_probe"] });
    expect(await migrateDatabase(client, [...tenantMigrations, probe])).toEqual({ applied: [] });
  });

  it("refuses when an applied migration was edited", async () => {
    const { client } = await createFreshDatabase("mig");
    await migrateDatabase(client, [probe]);
    const edited = { ...probe, hash: "probe-v2" };
    await expect(migrateDatabase(client, [edited])).rejects.toBeInstanceOf(MigrationHashMismatchError);
    await expect(migrateDatabase(client, [edited])).rejects.toThrow(/9000_probe.*hash mismatch/);
  });

  it("applies a migration atomically with its bookkeeping row", async () => {
    const { client } = await createFreshDatabase("mig");
    const broken: Migration = {
      id: "9001_broken",
      hash: "x",
      statements: ["CREATE TABLE half (id INTEGER PRIMARY KEY)", "INSERT INTO no_such_table VALUES (1)"],
    };
    await expect(migrateDatabase(client, [probe, broken])).rejects.toThrow(/no_such_table/);
    expect(await tableNames(client)).not.toContain("half");
    const rows = await client.execute(`SELECT id FROM ${MIGRATIONS_TABLE}`);
    expect(rows.rows.map((r) => r.id)).toEqual(["9000_probe"]);
  });

  it("rebuilds a table without cascading deletes into child rows", async () => {
    const { client } = await createFreshDatabase("mig");
    const setup: Migration = {
      id: "0001_setup",
      hash: "a",
      statements: [
        "CREATE TABLE parent (id TEXT PRIMARY KEY, name TEXT)",
        "CREATE TABLE child (id TEXT PRIMARY KEY, parent_id TEXT NOT NULL REFERENCES parent(id) ON DELETE CASCADE)",
      ],
    };
    await migrateDatabase(client, [setup]);
    await client.batch(["INSERT INTO parent VALUES ('p1', 'een')", "INSERT INTO child VALUES ('c1', 'p1')"], "write");
    // What drizzle-kit emits when it has to recreate a table.
    const rebuild: Migration = {
      id: "0002_rebuild",
      hash: "b",
      statements: [
        "PRAGMA foreign_keys=OFF;",
        "CREATE TABLE `__new_parent` (id TEXT PRIMARY KEY, name TEXT NOT NULL DEFAULT '')",
        "INSERT INTO `__new_parent`(id, name) SELECT id, coalesce(name, '') FROM `parent`;",
        "DROP TABLE `parent`;",
        "ALTER TABLE `__new_parent` RENAME TO `parent`;",
        "PRAGMA foreign_keys=ON;",
      ],
    };
    expect(await migrateDatabase(client, [setup, rebuild])).toEqual({ applied: ["0002_rebuild"] });
    const children = await client.execute("SELECT id FROM child");
    expect(children.rows.map((r) => r.id)).toEqual(["c1"]);
  });
});
