// GET /admin/databases/:name/export: one SQLite file, a consistent snapshot taken while the database
// keeps serving (an open write transaction elsewhere is neither waited for nor included).
import { createClient } from "@libsql/client";
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./helpers.ts";

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.stop());

function exportOf(name: string, token = t.adminToken): Promise<Response> {
  return fetch(`${t.server.url}/admin/databases/${name}/export`, { headers: { authorization: `Bearer ${token}` } });
}

describe("database export", () => {
  it("sends the committed data as a SQLite file while another stream holds a write transaction", async () => {
    const { client } = await t.database("export-me");
    await client.batch(["CREATE TABLE neighbourhoods (name TEXT)", "INSERT INTO neighbourhoods VALUES ('Lindenhof')"], "write");
    const writer = await client.transaction("write");
    await writer.execute("INSERT INTO neighbourhoods VALUES ('Not yet committed')");

    const response = await exportOf("export-me");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/vnd.sqlite3");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(Number(response.headers.get("content-length"))).toBe(bytes.length);
    expect(new TextDecoder().decode(bytes.subarray(0, 16))).toBe("SQLite format 3\0");

    // The writer was not blocked: it commits after the export.
    await writer.execute("INSERT INTO neighbourhoods VALUES ('Parkzicht')");
    await writer.commit();

    const file = join(t.dataDir, "downloaded.sqlite");
    writeFileSync(file, bytes);
    const copy = createClient({ url: `file:${file}` });
    const rows = await copy.execute("SELECT name FROM neighbourhoods ORDER BY name");
    expect(rows.rows.map((row) => row.name)).toEqual(["Lindenhof"]);
    copy.close();
    // The temporary copy is gone once sent.
    const left = existsSync(join(t.dataDir, ".exports")) ? readdirSync(join(t.dataDir, ".exports")) : [];
    expect(left).toEqual([]);
    expect((await t.admin.listDatabases()).map((db) => db.name)).not.toContain("downloaded");
  });

  it("needs the admin token and an existing database", async () => {
    expect((await exportOf("export-me", "wrong")).status).toBe(401);
    expect((await exportOf("no-such-database")).status).toBe(404);
  });
});
