// @libsql/client against the local server: values, arguments, results, batches, errors.
import { LibsqlError, type Client } from "@libsql/client";
import { createClient as createWebClient } from "@libsql/client/web";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./helpers.ts";

let t: TestServer;
let client: Client;

beforeAll(async () => {
  t = await startTestServer();
  ({ client } = await t.database("basics"));
});
afterAll(() => t.stop());

async function rejection(promise: Promise<unknown>): Promise<LibsqlError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(LibsqlError);
  return error as LibsqlError;
}

describe("values", () => {
  it("round-trips every SQLite type", async () => {
    await client.execute("CREATE TABLE vals(id INTEGER PRIMARY KEY, i INTEGER, r REAL, t TEXT, b BLOB, n ANY)");
    const big = 2n ** 62n + 12345n; // far beyond 2^53
    const blob = new Uint8Array([0, 1, 2, 127, 128, 255]);
    const text = "héllo wörld — 🌍 日本語 \t \n end"; // (no NUL: libsql cuts TEXT at U+0000)
    await client.execute({ sql: "INSERT INTO vals(i, r, t, b, n) VALUES (?, ?, ?, ?, ?)", args: [big, 3.25, text, blob, null] });
    await client.execute({ sql: "INSERT INTO vals(i, r, t, b, n) VALUES (?, ?, ?, ?, ?)", args: [-(2n ** 63n), -0.5, "", blob.buffer, -42n] });
    const rs = await client.execute("SELECT i, r, t, b, n, typeof(i) ti, typeof(r) tr, typeof(b) tb FROM vals ORDER BY id");
    const [first, second] = rs.rows;
    expect(first?.i).toBe(big);
    expect(first?.r).toBe(3.25);
    expect(first?.t).toBe(text);
    expect(first?.b).toBeInstanceOf(ArrayBuffer);
    expect(new Uint8Array(first?.b as ArrayBuffer)).toEqual(blob);
    expect(first?.n).toBeNull();
    expect([first?.ti, first?.tr, first?.tb]).toEqual(["integer", "real", "blob"]);
    expect(second?.i).toBe(-(2n ** 63n));
    expect(second?.r).toBe(-0.5);
    expect(second?.t).toBe("");
    expect(second?.n).toBe(-42n);
    expect(new Uint8Array(second?.b as ArrayBuffer)).toEqual(blob);
  });

  it("binds JS numbers as REAL and bigints/booleans as INTEGER (like Turso)", async () => {
    const rs = await client.execute({ sql: "SELECT typeof(?) a, typeof(?) b, typeof(?) c, ? d", args: [2, 2n, true, false] });
    expect(rs.rows[0]).toMatchObject({ a: "real", b: "integer", c: "integer", d: 0n });
  });

  it("returns floats that JSON cannot spell (Infinity)", async () => {
    const rs = await client.execute("SELECT 1e308 * 10 AS inf, -1e308 * 10 AS ninf");
    expect(rs.rows[0]?.inf).toBe(Infinity);
    expect(rs.rows[0]?.ninf).toBe(-Infinity);
  });
});

describe("arguments", () => {
  it("binds positional arguments, including ?NNN", async () => {
    const rs = await client.execute({ sql: "SELECT ? AS a, ? AS b, ?5 AS e", args: [1n, "two", null, null, 5n] });
    expect(rs.rows[0]).toMatchObject({ a: 1n, b: "two", e: 5n });
  });

  it("binds named arguments with and without their prefix", async () => {
    const rs = await client.execute({
      sql: "SELECT :a AS a, @b AS b, $c AS c, :a + 1 AS a1",
      args: { a: 10n, "@b": "bee", $c: 2.5 },
    });
    expect(rs.rows[0]).toMatchObject({ a: 10n, b: "bee", c: 2.5, a1: 11n });
  });

  it("ignores named arguments the statement does not have (and survives nameless ? with named args)", async () => {
    // Binding names to a nameless `?` makes the libsql package panic; the server must not pass them on.
    const rs = await client.execute({ sql: "SELECT ? AS x, :y AS y", args: { nope: 1n, y: 2n } });
    expect(rs.rows[0]).toMatchObject({ x: null, y: 2n });
    expect((await client.execute("SELECT 1 AS still_alive")).rows[0]?.still_alive).toBe(1n);
  });
});

describe("execute results", () => {
  it("reports columns, decltypes, rows, rowsAffected and lastInsertRowid", async () => {
    await client.execute("CREATE TABLE people(id INTEGER PRIMARY KEY, name TEXT NOT NULL, age INTEGER)");
    const insert = await client.execute({ sql: "INSERT INTO people(name, age) VALUES (?, ?), (?, ?)", args: ["Ada", 36n, "Bob", 41n] });
    expect(insert.rowsAffected).toBe(2);
    expect(insert.lastInsertRowid).toBe(2n);
    expect(insert.columns).toEqual([]);

    const big = await client.execute({ sql: "INSERT INTO people(id, name) VALUES (?, 'Big')", args: [2n ** 60n] });
    expect(big.lastInsertRowid).toBe(2n ** 60n);

    const select = await client.execute("SELECT id, name, age, age * 2 AS double FROM people ORDER BY id");
    expect(select.columns).toEqual(["id", "name", "age", "double"]);
    expect(select.columnTypes).toEqual(["INTEGER", "TEXT", "INTEGER", ""]);
    expect(select.rows.length).toBe(3);
    expect(select.rows[0]).toMatchObject({ id: 1n, name: "Ada", age: 36n, double: 72n });
    expect(select.rowsAffected).toBe(0);

    const update = await client.execute("UPDATE people SET age = age + 1 WHERE age IS NOT NULL");
    expect(update.rowsAffected).toBe(2);

    const returning = await client.execute({ sql: "INSERT INTO people(name) VALUES (?) RETURNING id, name", args: ["Cy"] });
    expect(returning.rowsAffected).toBe(1);
    expect(returning.rows[0]?.name).toBe("Cy");
    expect(returning.lastInsertRowid).toBe(returning.rows[0]?.id);

    const ddl = await client.execute("CREATE INDEX people_name ON people(name)");
    expect(ddl.rowsAffected).toBe(0);
  });
});

describe("batch", () => {
  it("commits a write batch and returns one result per statement", async () => {
    await client.execute("CREATE TABLE tags(name TEXT PRIMARY KEY)");
    const results = await client.batch(
      [
        { sql: "INSERT INTO tags VALUES (?)", args: ["a"] },
        { sql: "INSERT INTO tags VALUES (?)", args: ["b"] },
        "SELECT count(*) AS n FROM tags",
      ],
      "write",
    );
    expect(results.map((r) => r.rowsAffected)).toEqual([1, 1, 0]);
    expect(results[2]?.rows[0]?.n).toBe(2n);
  });

  it("rolls a write batch back entirely when one statement fails", async () => {
    await client.execute("CREATE TABLE uniq(v TEXT UNIQUE)");
    const error = await rejection(
      client.batch(["INSERT INTO uniq VALUES ('x')", "INSERT INTO uniq VALUES ('y')", "INSERT INTO uniq VALUES ('x')"], "write"),
    );
    expect(error.code).toBe("SQLITE_CONSTRAINT");
    expect((await client.execute("SELECT count(*) AS n FROM uniq")).rows[0]?.n).toBe(0n);
  });

  it("repeats statements through the client's SQL cache (store_sql / sql_id)", async () => {
    await client.execute("CREATE TABLE rep(v INTEGER)");
    const stmts = Array.from({ length: 5 }, (_, i) => ({ sql: "INSERT INTO rep VALUES (?)", args: [BigInt(i)] }));
    await client.batch(stmts, "write");
    expect((await client.execute("SELECT sum(v) AS s FROM rep")).rows[0]?.s).toBe(10n);
  });
});

describe("errors", () => {
  it("surfaces a syntax error as LibsqlError SQL_PARSE_ERROR", async () => {
    const error = await rejection(client.execute("SELEC 1"));
    expect(error.code).toBe("SQL_PARSE_ERROR");
    expect(error.message).toMatch(/^SQL_PARSE_ERROR: SQL string could not be parsed: .*syntax error/);
  });

  // As Turso (sqld) sends them: the primary code in `code`, no extended code (Hrana has none), and
  // SQLite's message after "SQLite error: " (see infra/src/libsql-server/sql-errors.ts).
  it("surfaces constraint errors as Turso does: primary code, no extended code, SQLite's message", async () => {
    await client.execute("CREATE TABLE parent(id INTEGER PRIMARY KEY, name TEXT UNIQUE)");
    await client.execute("CREATE TABLE child(id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL REFERENCES parent(id))");
    await client.execute("INSERT INTO parent VALUES (1, 'a')");
    const cases: Array<[string, string]> = [
      ["INSERT INTO parent VALUES (1, 'b')", "UNIQUE constraint failed: parent.id"],
      ["INSERT INTO parent VALUES (2, 'a')", "UNIQUE constraint failed: parent.name"],
      ["INSERT INTO child(parent_id) VALUES (99)", "FOREIGN KEY constraint failed"],
      ["INSERT INTO child(parent_id) VALUES (NULL)", "NOT NULL constraint failed: child.parent_id"],
    ];
    for (const [sql, sqliteMessage] of cases) {
      const error = await rejection(client.execute(sql));
      expect(error).toMatchObject({ code: "SQLITE_CONSTRAINT", extendedCode: undefined, rawCode: undefined });
      expect(error.message).toBe(`SQLITE_CONSTRAINT: SQLite error: ${sqliteMessage}`);
    }
  });

  it("reports a missing table and an empty statement", async () => {
    const missing = await rejection(client.execute("SELECT * FROM no_such_table"));
    // sqld has no name for SQLITE_ERROR: it says SQLITE_UNKNOWN.
    expect(missing.code).toBe("SQLITE_UNKNOWN");
    expect(missing.message).toBe("SQLITE_UNKNOWN: SQLite error: no such table: no_such_table");
    expect((await rejection(client.execute("  -- nothing here"))).code).toBe("SQL_NO_STATEMENT");
  });
});

describe("executeMultiple and migrate", () => {
  it("runs a script with executeMultiple and stops at the first error", async () => {
    await client.executeMultiple(`
      CREATE TABLE script(v INTEGER);
      INSERT INTO script VALUES (1);
      INSERT INTO script VALUES (2);
    `);
    expect((await client.execute("SELECT count(*) AS n FROM script")).rows[0]?.n).toBe(2n);
    const error = await rejection(client.executeMultiple("INSERT INTO script VALUES (3); INSERT INTO nope VALUES (1); INSERT INTO script VALUES (4);"));
    expect(error.message).toMatch(/no such table/);
    expect((await client.execute("SELECT group_concat(v) AS vs FROM script")).rows[0]?.vs).toBe("1,2,3");
  });

  it("migrates with foreign keys switched off for the batch and on again afterwards", async () => {
    await client.migrate([
      "CREATE TABLE m_parent(id INTEGER PRIMARY KEY)",
      "CREATE TABLE m_child(id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES m_parent(id))",
      "INSERT INTO m_child(parent_id) VALUES (7)", // dangling, allowed during a migration
    ]);
    expect((await client.execute("SELECT count(*) AS n FROM m_child")).rows[0]?.n).toBe(1n);
    expect((await client.execute("PRAGMA foreign_keys")).rows[0]?.foreign_keys).toBe(1n);
    expect((await rejection(client.execute("INSERT INTO m_child(parent_id) VALUES (8)"))).code).toBe("SQLITE_CONSTRAINT");
  });
});

describe("interactive transactions", () => {
  it("commits a write transaction", async () => {
    await client.execute("CREATE TABLE acct(id INTEGER PRIMARY KEY, balance INTEGER)");
    const tx = await client.transaction("write");
    await tx.execute({ sql: "INSERT INTO acct VALUES (1, ?)", args: [100n] });
    await tx.batch(["INSERT INTO acct VALUES (2, 50)", "UPDATE acct SET balance = balance - 10 WHERE id = 1"]);
    expect((await tx.execute("SELECT sum(balance) AS s FROM acct")).rows[0]?.s).toBe(140n);
    await tx.commit();
    expect(tx.closed).toBe(true);
    expect((await client.execute("SELECT sum(balance) AS s FROM acct")).rows[0]?.s).toBe(140n);
  });

  it("rolls back a write transaction, also after a failing statement inside it", async () => {
    const tx = await client.transaction("write");
    await tx.execute("INSERT INTO acct VALUES (3, 1)");
    await rejection(tx.execute("INSERT INTO acct VALUES (3, 1)"));
    await tx.execute("INSERT INTO acct VALUES (4, 1)");
    await tx.rollback();
    expect((await client.execute("SELECT count(*) AS n FROM acct")).rows[0]?.n).toBe(2n);
  });

  it("rolls back what an unfinished transaction did when it is just closed", async () => {
    const tx = await client.transaction("write");
    await tx.execute("INSERT INTO acct VALUES (5, 1)");
    tx.close();
    expect((await client.execute("SELECT count(*) AS n FROM acct WHERE id = 5")).rows[0]?.n).toBe(0n);
  });

  it("runs read transactions (BEGIN TRANSACTION READONLY)", async () => {
    const tx = await client.transaction("read");
    const rs = await tx.execute("SELECT count(*) AS n FROM acct");
    expect(rs.rows[0]?.n).toBe(2n);
    await tx.commit();
  });

  it("runs executeMultiple inside a transaction", async () => {
    const tx = await client.transaction("write");
    await tx.executeMultiple("INSERT INTO acct VALUES (6, 1); INSERT INTO acct VALUES (7, 1);");
    await tx.commit();
    expect((await client.execute("SELECT count(*) AS n FROM acct")).rows[0]?.n).toBe(4n);
  });
});

describe("@libsql/client/web (the build used in workerd)", () => {
  it("executes, batches and runs transactions", async () => {
    const db = await t.admin.createDatabase("web-client");
    const web = createWebClient({ url: db.url, authToken: db.token, intMode: "bigint" });
    try {
      await web.batch(["CREATE TABLE w(id INTEGER PRIMARY KEY, v TEXT)", { sql: "INSERT INTO w(v) VALUES (?)", args: ["one"] }], "write");
      const tx = await web.transaction("write");
      await tx.execute({ sql: "INSERT INTO w(v) VALUES (:v)", args: { v: "two" } });
      await tx.commit();
      const rs = await web.execute("SELECT v FROM w ORDER BY id");
      expect(rs.rows.map((r) => r.v)).toEqual(["one", "two"]);
      const error = await web.execute("INSERT INTO w(id, v) VALUES (1, 'dup')").then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(LibsqlError);
      expect(error).toMatchObject({ code: "SQLITE_CONSTRAINT", extendedCode: undefined });
      expect((error as LibsqlError).message).toBe("SQLITE_CONSTRAINT: SQLite error: UNIQUE constraint failed: w.id");
    } finally {
      web.close();
    }
  });
});
