// isUniqueViolation against the real local libSQL server, which answers as Turso does (primary code
// SQLITE_CONSTRAINT, "SQLite error: …" message) — through drizzle, which wraps the LibsqlError.
import { describe, expect, it } from "vitest";
import { controlSchema, isUniqueViolation } from "../src/index.ts";
import { createControlDb, createFreshDatabase } from "./support/databases.ts";

async function failure(run: () => Promise<unknown>): Promise<unknown> {
  return run().then(
    () => {
      throw new Error("expected a failure");
    },
    (error: unknown) => error,
  );
}

describe("isUniqueViolation", () => {
  it("recognises a duplicate in the named column only, through drizzle's wrapping", async () => {
    const control = await createControlDb();
    const row = { id: "t-1", slug: "linde", name: "De Linde" };
    await control.insert(controlSchema.tenants).values(row);
    const duplicateSlug = await failure(() => control.insert(controlSchema.tenants).values({ ...row, id: "t-2" }));
    expect(isUniqueViolation(duplicateSlug, "tenants.slug")).toBe(true);
    expect(isUniqueViolation(duplicateSlug, "tenants.id")).toBe(false);
    expect(isUniqueViolation(duplicateSlug, "tenants.slu")).toBe(false);

    const duplicateId = await failure(() => control.insert(controlSchema.tenants).values({ ...row, slug: "andere" }));
    expect(isUniqueViolation(duplicateId, "tenants.id")).toBe(true);
    expect(isUniqueViolation(duplicateId, "tenants.slug")).toBe(false);
  });

  it("is false for other constraint failures, and names each column of a composite key", async () => {
    const { client } = await createFreshDatabase("sqlerr");
    await client.batch(["CREATE TABLE pair(a TEXT NOT NULL, b TEXT, UNIQUE(a, b))", "INSERT INTO pair VALUES ('x', 'y')"], "write");
    const notNull = await failure(() => client.execute("INSERT INTO pair VALUES (NULL, 'y')"));
    expect(isUniqueViolation(notNull, "pair.a")).toBe(false);
    const composite = await failure(() => client.execute("INSERT INTO pair VALUES ('x', 'y')"));
    expect(isUniqueViolation(composite, "pair.a")).toBe(true);
    expect(isUniqueViolation(composite, "pair.b")).toBe(true);
    const inBatch = await failure(() => client.batch(["INSERT INTO pair VALUES ('z', 'z')", "INSERT INTO pair VALUES ('x', 'y')"], "write"));
    expect(isUniqueViolation(inBatch, "pair.b")).toBe(true);
    client.close();
  });
});
