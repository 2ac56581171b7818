// Protocol details below what @libsql/client exposes, sent as raw Hrana JSON.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LocalDatabase } from "../../src/libsql-server/admin-client.ts";
import { pipeline, startTestServer, type TestServer } from "./helpers.ts";

let t: TestServer;
let db: LocalDatabase;
beforeAll(async () => {
  t = await startTestServer();
  db = await t.admin.createDatabase("proto");
});
afterAll(() => t.stop());

const stmt = (sql: string, extra: Record<string, unknown> = {}) => ({ type: "execute", stmt: { sql, ...extra } });

describe("Hrana over HTTP", () => {
  it("answers the version probes (v2, v3 yes; v3-protobuf no)", async () => {
    expect((await fetch(new URL("v2", db.url))).status).toBe(200);
    expect((await fetch(new URL("v3", db.url))).status).toBe(200);
    expect((await fetch(new URL("v3-protobuf", db.url))).status).toBe(404);
  });

  it("keeps a stream across pipelines with a fresh baton each time, and closes it", async () => {
    const first = await pipeline(db, { baton: null, requests: [stmt("CREATE TABLE s(v)"), stmt("BEGIN"), stmt("INSERT INTO s VALUES (1)")] });
    expect(first.status).toBe(200);
    expect(first.body.results.map((r: { type: string }) => r.type)).toEqual(["ok", "ok", "ok"]);
    expect(first.body.base_url).toBeNull();
    const baton = first.body.baton as string;
    expect(typeof baton).toBe("string");

    const second = await pipeline(db, { baton, requests: [{ type: "get_autocommit" }, stmt("COMMIT"), { type: "get_autocommit" }] });
    expect(second.body.results[0].response).toEqual({ type: "get_autocommit", is_autocommit: false });
    expect(second.body.results[2].response).toEqual({ type: "get_autocommit", is_autocommit: true });
    expect(second.body.baton).not.toBe(baton);

    // A used baton is spent.
    const replay = await pipeline(db, { baton, requests: [stmt("SELECT 1")] });
    expect(replay.status).toBe(400);
    expect(replay.body).toMatchObject({ code: "STREAM_EXPIRED", message: expect.any(String) });

    const closed = await pipeline(db, { baton: second.body.baton, requests: [{ type: "close" }, stmt("SELECT 1")] });
    expect(closed.body.baton).toBeNull();
    expect(closed.body.results[0]).toEqual({ type: "ok", response: { type: "close" } });
    expect(closed.body.results[1]).toMatchObject({ type: "error", error: { code: "STREAM_CLOSED" } });
  });

  it("accepts POST v3/pipeline too", async () => {
    const response = await fetch(new URL("v3/pipeline", db.url), {
      method: "POST",
      headers: { authorization: `Bearer ${db.token}` },
      body: JSON.stringify({ baton: null, requests: [stmt("SELECT 42 AS answer"), { type: "close" }] }),
    });
    const body = (await response.json()) as { baton: string | null; results: Array<{ response: { result: { rows: unknown[][] } } }> };
    expect(body.results[0]?.response.result.rows).toEqual([[{ type: "integer", value: "42" }]]);
    expect(body.baton).toBeNull();
  });

  it("encodes results as the spec says", async () => {
    const { body } = await pipeline(db, {
      baton: null,
      requests: [
        stmt("SELECT ? AS i, ? AS f, ? AS t, ? AS b, ? AS n", {
          args: [
            { type: "integer", value: "-9223372036854775808" },
            { type: "float", value: 0.1 },
            { type: "text", value: "tekst" },
            { type: "blob", base64: "AAEC/w==" },
            { type: "null" },
          ],
        }),
        stmt("SELECT 1", { want_rows: false }),
        { type: "close" },
      ],
    });
    const result = body.results[0].response.result;
    expect(result.cols).toEqual([
      { name: "i", decltype: null },
      { name: "f", decltype: null },
      { name: "t", decltype: null },
      { name: "b", decltype: null },
      { name: "n", decltype: null },
    ]);
    expect(result.rows).toEqual([
      [
        { type: "integer", value: "-9223372036854775808" },
        { type: "float", value: 0.1 },
        { type: "text", value: "tekst" },
        { type: "blob", base64: "AAEC/w==" },
        { type: "null" },
      ],
    ]);
    expect(result).toMatchObject({ affected_row_count: 0, last_insert_rowid: null, rows_read: 1, rows_written: 0 });
    expect(typeof result.query_duration_ms).toBe("number");
    expect(body.results[1].response.result.rows).toEqual([]);
  });

  it("rejects integers outside 64 bits instead of wrapping them", async () => {
    const { body } = await pipeline(db, {
      baton: null,
      requests: [stmt("SELECT ?", { args: [{ type: "integer", value: "9223372036854775808" }] }), { type: "close" }],
    });
    expect(body.results[0]).toMatchObject({ type: "error", error: { code: "PROTO_ERROR" } });
  });

  it("binds positional and named arguments together (named wins)", async () => {
    const { body } = await pipeline(db, {
      baton: null,
      requests: [
        stmt("SELECT ?1 AS a, :b AS b, ?3 AS c", {
          args: [{ type: "text", value: "A" }, { type: "text", value: "B?" }, { type: "text", value: "C" }],
          named_args: [{ name: "b", value: { type: "text", value: "B" } }],
        }),
        { type: "close" },
      ],
    });
    expect(body.results[0].response.result.rows[0].map((v: { value: string }) => v.value)).toEqual(["A", "B", "C"]);
  });

  it("evaluates batch conditions", async () => {
    const { body } = await pipeline(db, {
      baton: null,
      requests: [
        {
          type: "batch",
          batch: {
            steps: [
              { stmt: { sql: "SELECT 1" } },
              { stmt: { sql: "SELEC 2" } },
              { condition: { type: "ok", step: 0 }, stmt: { sql: "SELECT 'ran after ok'" } },
              { condition: { type: "ok", step: 1 }, stmt: { sql: "SELECT 'skipped'" } },
              { condition: { type: "and", conds: [{ type: "error", step: 1 }, { type: "not", cond: { type: "ok", step: 1 } }] }, stmt: { sql: "SELECT 3" } },
              { condition: { type: "or", conds: [{ type: "ok", step: 3 }, { type: "is_autocommit" }] }, stmt: { sql: "SELECT 4" } },
            ],
          },
        },
        { type: "close" },
      ],
    });
    const { step_results: results, step_errors: errors } = body.results[0].response.result;
    expect(results.map((r: unknown) => r !== null)).toEqual([true, false, true, false, true, true]);
    expect(errors.map((e: { code?: string } | null) => e?.code ?? null)).toEqual([null, "SQL_PARSE_ERROR", null, null, null, null]);
  });

  it("stores SQL texts per stream (store_sql / sql_id / close_sql) and runs sequences", async () => {
    const { body } = await pipeline(db, {
      baton: null,
      requests: [
        { type: "store_sql", sql_id: 1, sql: "SELECT ? * 2 AS doubled" },
        { type: "execute", stmt: { sql_id: 1, args: [{ type: "integer", value: "21" }] } },
        { type: "sequence", sql: "CREATE TABLE seq(v); INSERT INTO seq VALUES (1); INSERT INTO seq VALUES (2);" },
        { type: "sequence", sql_id: 1 },
        { type: "close_sql", sql_id: 1 },
        { type: "execute", stmt: { sql_id: 1 } },
        stmt("SELECT count(*) FROM seq"),
        { type: "close" },
      ],
    });
    const types = body.results.map((r: { type: string; response?: { type: string } }) => r.response?.type ?? r.type);
    expect(types).toEqual(["store_sql", "execute", "sequence", "sequence", "close_sql", "error", "execute", "close"]);
    expect(body.results[1].response.result.rows).toEqual([[{ type: "integer", value: "42" }]]);
    expect(body.results[6].response.result.rows).toEqual([[{ type: "integer", value: "2" }]]);
  });

  it("describes statements", async () => {
    const { body } = await pipeline(db, {
      baton: null,
      requests: [
        { type: "describe", sql: "SELECT v AS value, :x, ? FROM seq WHERE v > @y" },
        { type: "describe", sql: "INSERT INTO seq VALUES (?)" },
        { type: "describe", sql: "EXPLAIN SELECT 1" },
        { type: "close" },
      ],
    });
    expect(body.results[0].response.result).toEqual({
      params: [{ name: ":x" }, { name: null }, { name: "@y" }],
      cols: [
        { name: "value", decltype: null },
        { name: ":x", decltype: null },
        { name: "?", decltype: null },
      ],
      is_explain: false,
      is_readonly: true,
    });
    expect(body.results[1].response.result).toMatchObject({ params: [{ name: null }], cols: [], is_explain: false, is_readonly: false });
    expect(body.results[2].response.result).toMatchObject({ is_explain: true, is_readonly: true });
  });

  it("answers malformed bodies with 400 and a JSON error", async () => {
    const response = await fetch(new URL("v2/pipeline", db.url), {
      method: "POST",
      headers: { authorization: `Bearer ${db.token}` },
      body: "{not json",
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: "INVALID_JSON" });
    const unknown = await pipeline(db, { baton: null, requests: [{ type: "teleport" }, { type: "close" }] });
    expect(unknown.body.results[0]).toMatchObject({ type: "error", error: { code: "PROTO_ERROR" } });
  });
});
