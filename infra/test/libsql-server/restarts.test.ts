// Data and tokens survive restarts; the supervisor brings a crashed server back.
import { createClient } from "@libsql/client";
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { createServer } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, describe, expect, it } from "vitest";
import { createLocalAdminClient } from "../../src/libsql-server/admin-client.ts";
import { startSupervisedLibsqlServer } from "../../src/libsql-server/supervisor.ts";
import { makeTempDir, startTestServer } from "./helpers.ts";

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function healthPid(url: string): Promise<number | undefined> {
  try {
    return ((await (await fetch(`${url}/health`)).json()) as { pid: number }).pid;
  } catch {
    return undefined;
  }
}

describe("restarts", () => {
  it("keeps data and tokens across a server restart on the same data dir", async () => {
    const dataDir = await makeTempDir();
    dirs.push(dataDir);
    const first = await startTestServer({ dataDir, adminToken: "admin-1" });
    const { db, client } = await first.database("keeper");
    await client.batch(["CREATE TABLE notes(body TEXT)", "INSERT INTO notes VALUES ('still here')"], "write");
    const tx = await client.transaction("write");
    await tx.execute("INSERT INTO notes VALUES ('uncommitted')"); // open while the server stops
    await first.stop();

    const second = await startTestServer({ dataDir, adminToken: "admin-1" });
    try {
      const again = await second.admin.getDatabase("keeper");
      expect(again.token).toBe(db.token);
      const reopened = createClient({ url: again.url, authToken: db.token, intMode: "bigint" });
      const rs = await reopened.execute("SELECT body FROM notes");
      expect(rs.rows.map((r) => r.body)).toEqual(["still here"]);
      reopened.close();
    } finally {
      await second.stop();
    }
  });

  it("supervisor: restarts a killed server on the same port", async () => {
    const dataDir = await makeTempDir();
    dirs.push(dataDir);
    const port = await freePort();
    const server = await startSupervisedLibsqlServer({ dataDir, port, adminToken: "sup-admin", quiet: true });
    try {
      expect(server).toMatchObject({ url: `http://127.0.0.1:${port}`, port, adminToken: "sup-admin" });
      const admin = createLocalAdminClient({ url: server.url, adminToken: server.adminToken });
      const db = await admin.createDatabase("survivor");
      const client = createClient({ url: db.url, authToken: db.token, intMode: "bigint" });
      await client.execute("CREATE TABLE t(v TEXT)");
      await client.execute("INSERT INTO t VALUES ('before the crash')");

      const pid = await healthPid(server.url);
      expect(pid).toBeTypeOf("number");
      process.kill(pid as number, "SIGKILL");

      const deadline = Date.now() + 15_000;
      let newPid: number | undefined;
      while (Date.now() < deadline) {
        newPid = await healthPid(server.url);
        if (newPid !== undefined && newPid !== pid) break;
        await sleep(100);
      }
      expect(newPid).not.toBe(pid);
      const rs = await client.execute("SELECT v FROM t");
      expect(rs.rows.map((r) => r.v)).toEqual(["before the crash"]);

      const log = readFileSync(join(dataDir, "libsql-server.log"), "utf8");
      expect(log).toMatch(/exited unexpectedly \(code null, signal SIGKILL\)/);
      expect(log).toContain('execute "INSERT INTO t VALUES (\'before the crash\')"'); // logged before it ran
      client.close();
    } finally {
      await server.stop();
    }
    expect(await healthPid(server.url)).toBeUndefined();
  });

  it("supervisor: starts from any working directory", async () => {
    const dataDir = await makeTempDir();
    dirs.push(dataDir);
    const cwd = process.cwd();
    process.chdir(dataDir); // tsx must still be found (it is resolved from the infra package)
    try {
      const server = await startSupervisedLibsqlServer({ dataDir, port: await freePort(), adminToken: "x", quiet: true });
      expect(await healthPid(server.url)).toBeTypeOf("number");
      await server.stop();
    } finally {
      process.chdir(cwd);
    }
  });

  it("main.ts: starts from the command line and prints where it listens", async () => {
    const dataDir = await makeTempDir();
    dirs.push(dataDir);
    const main = fileURLToPath(new URL("../../src/libsql-server/main.ts", import.meta.url));
    const child = spawn(process.execPath, ["--import", "tsx", main, "--data-dir", dataDir, "--port", "0"], {
      cwd: fileURLToPath(new URL("../..", import.meta.url)),
      env: { ...process.env, LIBSQL_ADMIN_TOKEN: "cli-admin" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        child.stdout.on("data", (chunk: Buffer) => resolve(chunk.toString("utf8").trim()));
        child.on("exit", (code) => reject(new Error(`exited with ${code}`)));
      });
      expect(line).toMatch(/^libsql-server listening on http:\/\/127\.0\.0\.1:\d+$/);
      const url = line.slice("libsql-server listening on ".length);
      const admin = createLocalAdminClient({ url, adminToken: "cli-admin" });
      expect(await admin.listDatabases()).toEqual([]);
    } finally {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
    }
  });
});
