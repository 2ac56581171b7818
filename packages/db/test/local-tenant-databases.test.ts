import { describe, expect, it } from "vitest";
import { inject } from "vitest";
import { createDbClient, LocalTenantDatabases, TenantDatabaseApiError } from "../src/index.ts";
import { localDatabases, uniqueName } from "./support/databases.ts";

describe("LocalTenantDatabases", () => {
  it("creates a database that a client can use", async () => {
    const name = uniqueName("local");
    const database = await localDatabases().createDatabase(name);
    expect(database.name).toBe(name);
    expect(database.url).toContain(name);
    const client = createDbClient({ url: database.url, authToken: database.token });
    await client.execute("CREATE TABLE t (n INTEGER)");
    await client.execute({ sql: "INSERT INTO t VALUES (?)", args: [42] });
    const result = await client.execute("SELECT n FROM t");
    expect(result.rows[0]?.n).toBe(42);
    client.close();
  });

  it("returns the existing database on a second create, data intact", async () => {
    const databases = localDatabases();
    const name = uniqueName("local");
    const first = await databases.createDatabase(name);
    const firstClient = createDbClient({ url: first.url, authToken: first.token });
    await firstClient.batch(["CREATE TABLE t (n INTEGER)", "INSERT INTO t VALUES (7)"], "write");

    const second = await databases.createDatabase(name);
    expect(second.url).toBe(first.url);
    const secondClient = createDbClient({ url: second.url, authToken: second.token });
    const result = await secondClient.execute("SELECT n FROM t");
    expect(result.rows.map((r) => r.n)).toEqual([7]);
  });

  it("deletes idempotently", async () => {
    const databases = localDatabases();
    const database = await databases.createDatabase(uniqueName("local"));
    await databases.deleteDatabase(database.name);
    await databases.deleteDatabase(database.name);
    const client = createDbClient({ url: database.url, authToken: database.token });
    await expect(client.execute("SELECT 1")).rejects.toThrow();
  });

  it("reports admin API errors", async () => {
    const wrongToken = new LocalTenantDatabases({ adminUrl: inject("libsqlUrl"), adminToken: "wrong" });
    const error = await wrongToken.createDatabase(uniqueName("local")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TenantDatabaseApiError);
    expect((error as TenantDatabaseApiError).status).toBe(401);
    await expect(localDatabases().createDatabase("Not A Valid Name")).rejects.toBeInstanceOf(TenantDatabaseApiError);
  });
});
