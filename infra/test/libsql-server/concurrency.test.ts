// Several streams on one database file: the server queues writers instead of answering SQLITE_BUSY,
// and abandoned streams (batons) expire.
import { createClient, LibsqlError, type Client } from "@libsql/client";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./helpers.ts";

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ batonIdleMs: 300 });
});
afterAll(() => t.stop());

async function secondClient(url: string, authToken: string): Promise<Client> {
  return createClient({ url, authToken, intMode: "bigint" });
}

describe("write lock", () => {
  it("serialises two concurrent interactive write transactions from two clients", async () => {
    const { db, client: a } = await t.database("two-writers");
    const b = await secondClient(db.url, db.token);
    try {
      await a.execute("CREATE TABLE log(id INTEGER PRIMARY KEY, who TEXT)");
      const txA = await a.transaction("write");
      await txA.execute("INSERT INTO log(who) VALUES ('a1')");

      let bDone = false;
      const bWork = (async () => {
        const txB = await b.transaction("write"); // its BEGIN IMMEDIATE must wait, not fail
        await txB.execute("INSERT INTO log(who) VALUES ('b1')");
        await txB.commit();
        bDone = true;
      })();

      await sleep(150);
      expect(bDone).toBe(false); // still queued behind A
      await txA.execute("INSERT INTO log(who) VALUES ('a2')");
      await txA.commit();
      await bWork;

      const rs = await a.execute("SELECT who FROM log ORDER BY id");
      expect(rs.rows.map((r) => r.who)).toEqual(["a1", "a2", "b1"]);
    } finally {
      b.close();
    }
  });

  it("keeps read-modify-write transactions isolated under load", async () => {
    const { db, client } = await t.database("counter");
    await client.execute("CREATE TABLE counter(n INTEGER NOT NULL)");
    await client.execute("INSERT INTO counter VALUES (0)");
    const clients = await Promise.all(Array.from({ length: 8 }, () => secondClient(db.url, db.token)));
    try {
      await Promise.all(
        clients.flatMap((c) =>
          Array.from({ length: 3 }, async () => {
            const tx = await c.transaction("write");
            const n = (await tx.execute("SELECT n FROM counter")).rows[0]?.n as bigint;
            await sleep(2);
            await tx.execute({ sql: "UPDATE counter SET n = ?", args: [n + 1n] });
            await tx.commit();
          }),
        ),
      );
      expect((await client.execute("SELECT n FROM counter")).rows[0]?.n).toBe(24n);
    } finally {
      for (const c of clients) c.close();
    }
  });

  it("lets plain SELECTs of other streams read the last committed state meanwhile", async () => {
    const { client } = await t.database("reader-beside-writer");
    await client.execute("CREATE TABLE items(v INTEGER)");
    await client.execute("INSERT INTO items VALUES (1)");
    const tx = await client.transaction("write");
    await tx.execute("INSERT INTO items VALUES (2)");
    const started = Date.now();
    const rs = await client.execute("SELECT count(*) AS n FROM items");
    expect(rs.rows[0]?.n).toBe(1n);
    expect(Date.now() - started).toBeLessThan(250); // did not wait for the transaction
    await tx.commit();
    expect((await client.execute("SELECT count(*) AS n FROM items")).rows[0]?.n).toBe(2n);
  });
});

describe("abandoned streams", () => {
  it("expires an abandoned transaction's baton, rolls it back and releases the lock", async () => {
    const { db, client: a } = await t.database("abandoned");
    const b = await secondClient(db.url, db.token);
    try {
      await a.execute("CREATE TABLE t(v TEXT)");
      const abandoned = await a.transaction("write");
      await abandoned.execute("INSERT INTO t VALUES ('never committed')");
      // …and the client walks away without commit/rollback/close.

      const started = Date.now();
      await b.execute("INSERT INTO t VALUES ('b')"); // queues until the baton expires (~300 ms)
      expect(Date.now() - started).toBeGreaterThanOrEqual(200);
      expect((await b.execute("SELECT v FROM t")).rows.map((r) => r.v)).toEqual(["b"]);

      const error = await abandoned.execute("SELECT 1").then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(LibsqlError);
      expect((error as LibsqlError).code).toBe("STREAM_EXPIRED");
    } finally {
      b.close();
    }
  });

  it("answers SQLITE_BUSY when another transaction outlasts the lock wait", async () => {
    const patient = await startTestServer({ batonIdleMs: 5_000, lockWaitMs: 200 });
    try {
      const { db, client: a } = await patient.database("busy");
      const b = await secondClient(db.url, db.token);
      await a.execute("CREATE TABLE t(v)");
      const tx = await a.transaction("write");
      await tx.execute("INSERT INTO t VALUES (1)");
      const error = await b.execute("INSERT INTO t VALUES (2)").then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(LibsqlError);
      expect((error as LibsqlError).code).toBe("SQLITE_BUSY");
      await tx.commit();
      await b.execute("INSERT INTO t VALUES (3)");
      expect((await a.execute("SELECT group_concat(v) AS vs FROM t")).rows[0]?.vs).toBe("1,3");
      b.close();
    } finally {
      await patient.stop();
    }
  });
});
