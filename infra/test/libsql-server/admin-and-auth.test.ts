// The admin API (local stand-in for Turso's platform API) and per-database tokens.
import { createClient, LibsqlError } from "@libsql/client";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLocalAdminClient, LocalAdminError } from "../../src/libsql-server/admin-client.ts";
import { pipeline, startTestServer, type TestServer } from "./helpers.ts";

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.stop());

async function adminError(promise: Promise<unknown>): Promise<LocalAdminError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(LocalAdminError);
  return error as LocalAdminError;
}

describe("admin API", () => {
  it("answers /health without credentials", async () => {
    const response = await fetch(`${t.server.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true });
  });

  it("creates, lists, gets and deletes databases", async () => {
    const created = await t.admin.createDatabase("tenant-delinde");
    expect(created).toEqual({
      name: "tenant-delinde",
      url: `${t.server.url}/db/tenant-delinde/`,
      token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });
    expect(t.server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(existsSync(join(t.dataDir, "tenant-delinde.db"))).toBe(true);
    await t.admin.createDatabase("tenant-2");

    const list = await t.admin.listDatabases();
    expect(list).toEqual(
      expect.arrayContaining([
        { name: "tenant-delinde", url: created.url },
        { name: "tenant-2", url: `${t.server.url}/db/tenant-2/` },
      ]),
    );
    expect(await t.admin.getDatabase("tenant-delinde")).toEqual(created);

    // Put some WAL content on disk, then delete while a client still has it open.
    const client = createClient({ url: created.url, authToken: created.token });
    await client.execute("CREATE TABLE x(v)");
    const tx = await client.transaction("write");
    await tx.execute("INSERT INTO x VALUES (1)");
    await t.admin.deleteDatabase("tenant-delinde");
    for (const suffix of ["", "-wal", "-shm"]) expect(existsSync(join(t.dataDir, `tenant-delinde.db${suffix}`))).toBe(false);
    expect((await t.admin.listDatabases()).map((d) => d.name)).not.toContain("tenant-delinde");
    expect((await adminError(t.admin.getDatabase("tenant-delinde"))).status).toBe(404);
    expect((await adminError(t.admin.deleteDatabase("tenant-delinde"))).status).toBe(404);
    await expect(client.execute("SELECT 1")).rejects.toBeInstanceOf(LibsqlError);
    client.close();
  });

  it("refuses duplicates (409) and bad names (422)", async () => {
    await t.admin.createDatabase("dup");
    const duplicate = await adminError(t.admin.createDatabase("dup"));
    expect([duplicate.status, duplicate.code]).toEqual([409, "database_exists"]);
    for (const bad of ["Upper", "-leading-dash", "under_score", "a".repeat(64), "", "x.db", "../etc"]) {
      const error = await adminError(t.admin.createDatabase(bad));
      expect([bad, error.status, error.code]).toEqual([bad, 422, "invalid_name"]);
    }
    await t.admin.createDatabase("a".repeat(63));
  });

  it("needs the admin token (401)", async () => {
    for (const adminToken of ["wrong", ""]) {
      const stranger = createLocalAdminClient({ url: t.server.url, adminToken });
      const error = await adminError(stranger.listDatabases());
      expect([error.status, error.code]).toEqual([401, "unauthorized"]);
    }
    const response = await fetch(`${t.server.url}/admin/databases`, { method: "POST", body: "{}" });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: "unauthorized" } });
  });
});

describe("database access", () => {
  it("rejects a missing or wrong token, and the admin token, with 401", async () => {
    const db = await t.admin.createDatabase("guarded");
    const other = await t.admin.createDatabase("other");
    for (const authToken of [undefined, "nonsense", other.token, t.adminToken]) {
      const client = createClient({ url: db.url, ...(authToken === undefined ? {} : { authToken }) });
      const error = await client.execute("SELECT 1").then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(LibsqlError);
      expect((error as LibsqlError).code).toBe("UNAUTHORIZED");
      client.close();
    }
    const raw = await pipeline(db, { baton: null, requests: [{ type: "close" }] }, "nonsense");
    expect(raw.status).toBe(401);
    expect(raw.body).toMatchObject({ message: expect.any(String), code: "UNAUTHORIZED" });
  });

  it("reports a database that does not exist (404)", async () => {
    const client = createClient({ url: `${t.server.url}/db/nope/`, authToken: "whatever" });
    const error = await client.execute("SELECT 1").then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(LibsqlError);
    expect((error as LibsqlError).code).toBe("DATABASE_NOT_FOUND");
    client.close();
    const response = await fetch(`${t.server.url}/db/nope/v2/pipeline`, { method: "POST", body: "{}" });
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("application/json");
  });

  it("hands out stable, per-database tokens", async () => {
    const a = await t.admin.createDatabase("tok-a");
    const b = await t.admin.createDatabase("tok-b");
    expect(a.token).not.toBe(b.token);
    expect((await t.admin.getDatabase("tok-a")).token).toBe(a.token);
  });
});
