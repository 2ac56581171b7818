import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDbClient, isDatabaseUnreachable, openControlDb } from "../src/index.ts";
import { createControlDb } from "./support/databases.ts";

/** A port that was free a moment ago: nobody listens there. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function failureOf(run: () => Promise<unknown>): Promise<unknown> {
  return run().then(
    () => {
      throw new Error("expected the query to fail");
    },
    (error: unknown) => error,
  );
}

describe("isDatabaseUnreachable", () => {
  let failing: Server;
  let failingUrl: string;
  beforeAll(async () => {
    // A database server in trouble: every request answers 502.
    failing = createServer((_request, response) => response.writeHead(502, { "content-type": "text/plain" }).end("bad gateway"));
    await new Promise<void>((resolve) => failing.listen(0, "127.0.0.1", resolve));
    failingUrl = `http://127.0.0.1:${(failing.address() as AddressInfo).port}/db/control/`;
  });
  afterAll(() => new Promise((resolve) => failing.close(resolve)));

  it("recognises a server nobody listens on (connection refused), through drizzle's wrapping", async () => {
    const db = openControlDb(createDbClient({ url: `http://127.0.0.1:${await closedPort()}/db/control/`, authToken: "t" }));
    const error = await failureOf(() => db.run(sql`select 1`));
    expect(isDatabaseUnreachable(error)).toBe(true);
  });

  it("recognises a server that answers HTTP 5xx", async () => {
    const db = openControlDb(createDbClient({ url: failingUrl, authToken: "t" }));
    const error = await failureOf(() => db.run(sql`select 1`));
    expect(isDatabaseUnreachable(error)).toBe(true);
  });

  it("does not call a mistake in a query an outage", async () => {
    const control = await createControlDb();
    const error = await failureOf(() => control.run(sql`select * from no_such_table`));
    expect(isDatabaseUnreachable(error)).toBe(false);
    expect(isDatabaseUnreachable(new Error("something else"))).toBe(false);
    expect(isDatabaseUnreachable(undefined)).toBe(false);
  });
});
