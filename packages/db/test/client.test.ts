import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { controlSchema, migrateDatabase, openTenantDb, tenantMigrations, tenantSchema } from "../src/index.ts";
import { createControlDb, createFreshDatabase } from "./support/databases.ts";

describe("clients", () => {
  it("opens the control database with its schema", async () => {
    const control = await createControlDb();
    await control.insert(controlSchema.operators).values({
      id: "op-1",
      email: "beheer@example.nl",
      displayName: "Beheer",
      passwordHash: "x",
    });
    const operator = await control.query.operators.findFirst({ where: eq(controlSchema.operators.id, "op-1") });
    expect(operator?.email).toBe("beheer@example.nl");
    // Integers come back as plain numbers (intMode "number"), defaults in milliseconds.
    expect(typeof operator?.createdAt).toBe("number");
    expect(Math.abs((operator?.createdAt ?? 0) - Date.now())).toBeLessThan(60_000);
  });

  it("opens a tenant database with its schema", async () => {
    const { client } = await createFreshDatabase("client");
    await migrateDatabase(client, tenantMigrations);
    const db = openTenantDb(client);
    await db.insert(tenantSchema.tenantSettings).values({ id: 1, displayName: "De Linde" });
    const settings = await db.select().from(tenantSchema.tenantSettings).get();
    expect(settings).toMatchObject({ id: 1, displayName: "De Linde", primaryColor: "#1f6f5c", requireMemberApproval: false });
  });
});
