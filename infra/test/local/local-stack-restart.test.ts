// `npm start`, then `PORT=9000 npm start` on the same data folder: the local stack starts its libSQL
// server on another port, and every tenant database must still be reachable.
import { rm } from "node:fs/promises";
import { createServer } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { sql, eq } from "drizzle-orm";
import { controlSchema, openTenantDb, provisionTenant, requestTenant, tenantDbClient, tenantMigrations } from "@buurtplein/db";
import { startLocalStack, type LocalStack } from "../../src/local/local-stack.ts";
import { makeTempDir } from "../libsql-server/helpers.ts";

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const dataDir = await makeTempDir();
let running: LocalStack | undefined;

afterAll(async () => {
  await running?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe("the local stack on another port", () => {
  it("keeps every tenant database reachable after a restart on a different port", async () => {
    running = await startLocalStack({ dataDir, libsqlPort: await freePort(), quiet: true });
    const first = running;
    const requested = await requestTenant(first.control, {
      slug: "verhuisd",
      name: "Verhuisd",
      admin: { email: "beheer@verhuisd.example", displayName: "Beheer", passwordHash: "scrypt$x" },
    });
    await provisionTenant({ control: first.control, databases: first.databases, tenantId: requested.id, tenantMigrations, tokenKey: first.tenantTokenKey });
    await first.stop();
    running = undefined;

    running = await startLocalStack({ dataDir, libsqlPort: await freePort(), quiet: true });
    expect(running.server.url).not.toBe(first.server.url);
    const [tenant] = await running.control.select().from(controlSchema.tenants).where(eq(controlSchema.tenants.id, requested.id));
    expect(tenant?.dbUrl).toBe(`${running.server.url}/db/tenant-verhuisd/`);
    const db = openTenantDb(await tenantDbClient(tenant!, running.tenantTokenKey));
    expect(await db.get<{ name: string }>(sql`select display_name as name from tenant_settings`)).toEqual({ name: "Verhuisd" });
  }, 60_000); // two starts of the supervised server
});
