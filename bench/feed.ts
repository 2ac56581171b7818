// `npm run bench:feed`: what one logged-in view of a neighbourhood feed costs, measured on the product
// as `npm start` serves it (demo data, a production build in workerd, our libSQL server). Prints
// figures only; never fails on time (issue 8's goals are printed beside them).
//   feed_page_round_trips  database requests (Hrana pipelines in the server's request log) of one view
//   feed_overhead_ratio    p50 of the page ÷ p50 of the same statements, grouped the same way, sent
//                          straight from Node to the libSQL server; the page is asked of the Worker in
//                          workerd directly (as Cloudflare's edge does), the figure through vite preview's
//                          Node proxy (how `npm start` serves) is printed beside it
//   cpu_ms_per_page        workerd CPU time per page view (user + system, from /proc), less what the
//                          local platform (miniflare's own workers in the same workerd) spends on any
//                          request, measured on a static file; the raw figure is printed beside it
//   first_view_js_kb, first_view_kb   a phone's first view of the feed in Chromium (bench/first-view.ts)
//   feed_scale_ratio, deep_page_ratio  the feed query at 5k / 500k posts (bench/feed-scale.ts, run after)
import { mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { hashSessionToken } from "../packages/core/src/index.ts";
import { createDbClient, openTenantDb, tenantDatabaseName } from "../packages/db/src/index.ts";
import { databaseToken, loadServerSecret } from "../infra/src/libsql-server/tokens.ts";
import { runProduct } from "../infra/src/local/run-product.ts";
import { feedPageQuery, neighbourhoodBySlugQuery, neighbourhoodIdBySlug } from "../apps/worker/src/community/feed-query.ts";
import { sessionQuery, settingsQuery } from "../apps/worker/src/middleware/session.ts";
import { percentile } from "./local-platform.ts";
import { hostRequest } from "./host-request.ts";
import { measureFirstView } from "./first-view.ts";
import { spawnSync } from "node:child_process";

const PORT = Number(process.env.BENCH_PORT ?? 8893);
const VIEWS = Number(process.env.BENCH_VIEWS ?? 300);
const TENANT = "delinde";
const HOST = `${TENANT}.localhost:${PORT}`;
const FEED_PATH = "/buurt/lindenhof";

function say(line: string) {
  process.stdout.write(`${line}\n`);
}

/** The workerd processes of the product's process group, with their CPU ticks (user + system). */
function workerdProcesses(processGroup: number): { pid: string; ticks: number }[] {
  const found: { pid: string; ticks: number }[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const afterName = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      // Fields after the name: state(3) ppid(4) pgrp(5) … utime(14) stime(15), counted from 1 over the whole line.
      const pgrp = Number(afterName[2]);
      const name = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      if (pgrp !== processGroup || !name.startsWith("workerd")) continue;
      found.push({ pid: entry, ticks: Number(afterName[11]) + Number(afterName[12]) });
    } catch {
      // the process ended meanwhile
    }
  }
  return found;
}

/** CPU seconds (user + system) of every workerd process in the product's process group. */
function workerdCpuSeconds(processGroup: number): number {
  const ticksPerSecond = 100; // USER_HZ on Linux
  return workerdProcesses(processGroup).reduce((sum, process) => sum + process.ticks, 0) / ticksPerSecond;
}

/**
 * The loopback ports workerd itself listens on (its sockets' inodes matched in /proc/net/tcp). `npm
 * start` serves through vite preview, a Node server that hands each request to workerd; on Cloudflare
 * the edge calls the Worker directly. One of these ports is miniflare's entry into our Worker.
 */
function workerdListeningPorts(processGroup: number): number[] {
  const inodes = new Set<string>();
  for (const { pid } of workerdProcesses(processGroup)) {
    for (const fd of readdirSync(`/proc/${pid}/fd`)) {
      try {
        const match = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (match) inodes.add(match[1]!);
      } catch {
        // closed meanwhile
      }
    }
  }
  const ports: number[] = [];
  for (const line of readFileSync("/proc/net/tcp", "utf8").split("\n").slice(1)) {
    const fields = line.trim().split(/\s+/);
    // local_address(1) rem_address(2) st(3) … inode(9); st 0A = LISTEN
    if (fields[3] === "0A" && inodes.has(fields[9] ?? "")) ports.push(parseInt(fields[1]!.split(":")[1]!, 16));
  }
  return ports;
}

/** The workerd port that answers our Worker's health check for the tenant's host. */
async function findWorkerEntryPort(processGroup: number): Promise<number | undefined> {
  for (const port of workerdListeningPorts(processGroup)) {
    try {
      const answer = await hostRequest(port, HOST, "/api/health");
      if (answer.status === 200 && answer.body.includes('"tenant":"ok"')) return port;
    } catch {
      // not an HTTP entry
    }
  }
  return undefined;
}

function countRoundTrips(logFile: string): number {
  return readFileSync(logFile, "utf8").split("\n").filter((line) => line.includes(" db=")).length;
}

const dataDir = mkdtempSync(join(tmpdir(), "buurtplein-bench-feed-"));
say(`starting the product on :${PORT} (build + demo data) …`);
const product = await runProduct({ port: PORT, dataDir });
try {
  const login = await hostRequest(PORT, HOST, "/api/auth/login", {
    method: "POST",
    json: { identifier: "anna@delinde.example", password: "buurtplein-demo" },
  });
  if (login.status !== 200) throw new Error(`login failed: ${login.status} ${login.body}`);
  const token = /bp_session=([^;]+)/.exec(login.setCookies.join("; "))?.[1];
  if (!token) throw new Error("no session cookie after login");
  const cookie = `bp_session=${token}`;
  const view = async (port = PORT) => {
    const response = await hostRequest(port, HOST, FEED_PATH, { headers: { cookie } });
    if (response.status !== 200) throw new Error(`feed page answered ${response.status}`);
    return response;
  };

  // Round trips: one cold view (the tenant is not cached in this isolate yet) and one warm view.
  const logFile = join(dataDir, "libsql-server.log");
  let before = countRoundTrips(logFile);
  await view();
  const cold = countRoundTrips(logFile) - before;
  before = countRoundTrips(logFile);
  await view();
  const warm = countRoundTrips(logFile) - before;

  // The page through the Worker.
  for (let i = 0; i < 30; i++) await view();
  const cpuBefore = workerdCpuSeconds(product.processGroup);
  const pageTimes: number[] = [];
  for (let i = 0; i < VIEWS; i++) {
    const started = performance.now();
    await view();
    pageTimes.push(performance.now() - started);
  }
  const cpuMsPerPage = ((workerdCpuSeconds(product.processGroup) - cpuBefore) * 1000) / VIEWS;

  // The same page straight to workerd, as Cloudflare's edge calls the Worker (no vite preview in between).
  const entryPort = await findWorkerEntryPort(product.processGroup);
  const directPageTimes: number[] = [];
  if (entryPort !== undefined) {
    for (let i = 0; i < 30; i++) await view(entryPort);
    for (let i = 0; i < VIEWS; i++) {
      const started = performance.now();
      await view(entryPort);
      directPageTimes.push(performance.now() - started);
    }
  }

  // What the local platform alone costs per request: a static file (served without our code).
  const page = await view();
  const stylesheet = /href="(\/assets\/[^"]+\.css)"/.exec(page.body)?.[1];
  if (!stylesheet) throw new Error("no stylesheet link on the feed page");
  for (let i = 0; i < 30; i++) await hostRequest(PORT, HOST, stylesheet);
  const assetCpuBefore = workerdCpuSeconds(product.processGroup);
  for (let i = 0; i < VIEWS; i++) await hostRequest(PORT, HOST, stylesheet);
  const platformCpuMs = ((workerdCpuSeconds(product.processGroup) - assetCpuBefore) * 1000) / VIEWS;
  // And the cheapest answer our Worker gives: a cross-site POST refused by the entry (no database, no
  // React, no API). What it costs beyond the static file is the local platform invoking a Worker.
  const refuse = () => hostRequest(PORT, HOST, "/inloggen", { method: "POST", headers: { "sec-fetch-site": "cross-site" } });
  for (let i = 0; i < 30; i++) await refuse();
  const refusedCpuBefore = workerdCpuSeconds(product.processGroup);
  for (let i = 0; i < VIEWS; i++) await refuse();
  const invocationCpuMs = ((workerdCpuSeconds(product.processGroup) - refusedCpuBefore) * 1000) / VIEWS;

  // The same statements, grouped the same way (two batches), straight from Node.
  const secret = loadServerSecret(dataDir);
  const name = tenantDatabaseName(TENANT);
  const client = createDbClient({ url: `http://127.0.0.1:${PORT - 1}/db/${name}/`, authToken: databaseToken(secret, name) });
  const db = openTenantDb(client);
  const sessionId = await hashSessionToken(token);
  const statements = async () => {
    await db.batch([settingsQuery(db), sessionQuery(db, sessionId)]);
    await db.batch([
      neighbourhoodBySlugQuery(db, "lindenhof"),
      feedPageQuery(db, { neighbourhoodId: neighbourhoodIdBySlug(db, "lindenhof"), reader: { access: "full", userId: null }, cursor: null }),
    ]);
  };
  for (let i = 0; i < 30; i++) await statements();
  const directTimes: number[] = [];
  for (let i = 0; i < VIEWS; i++) {
    const started = performance.now();
    await statements();
    directTimes.push(performance.now() - started);
  }
  client.close();

  const firstView = await measureFirstView({ baseUrl: product.baseUrl });

  const pageSorted = [...pageTimes].sort((a, b) => a - b);
  const direct = [...directTimes].sort((a, b) => a - b);
  say(`feed page ${FEED_PATH} on ${HOST}, ${VIEWS} views, logged in as a resident`);
  say(`feed_page_round_trips=${warm}   (goal <= 2; a cold view, before the tenant is cached: ${cold})`);
  const workerdSorted = [...directPageTimes].sort((a, b) => a - b);
  say(`feed_page_p50_ms=${percentile(pageSorted, 50).toFixed(2)} p95_ms=${percentile(pageSorted, 95).toFixed(2)}   (through vite preview, as npm start serves it)`);
  if (workerdSorted.length > 0) {
    say(`feed_page_workerd_p50_ms=${percentile(workerdSorted, 50).toFixed(2)} p95_ms=${percentile(workerdSorted, 95).toFixed(2)}   (straight to the Worker in workerd, port ${entryPort})`);
  }
  say(`feed_statements_p50_ms=${percentile(direct, 50).toFixed(2)} p95_ms=${percentile(direct, 95).toFixed(2)}`);
  const overheadOf = (sorted: number[]) => (percentile(sorted, 50) / percentile(direct, 50)).toFixed(2);
  if (workerdSorted.length > 0) {
    say(`feed_overhead_ratio=${overheadOf(workerdSorted)}   (goal <= 1.5; the Worker in workerd; through vite preview's Node proxy ${overheadOf(pageSorted)})`);
  } else {
    say(`feed_overhead_ratio=${overheadOf(pageSorted)}   (goal <= 1.5; through vite preview: workerd's own port was not found)`);
  }
  say(`cpu_ms_per_page=${(cpuMsPerPage - platformCpuMs).toFixed(2)}   (goal <= 5; workerd user+system CPU ${cpuMsPerPage.toFixed(2)} less the local platform's ${platformCpuMs.toFixed(2)} per request)`);
  say(`worker_invocation_cpu_ms=${invocationCpuMs.toFixed(2)}   (for comparison: workerd CPU of the cheapest answer of our Worker, a refused cross-site POST)`);
  say(`first_view_js_kb=${firstView.jsKb.toFixed(1)}   (goal <= 60)`);
  say(`first_view_kb=${firstView.totalKb.toFixed(1)}   (goal <= 100; ${firstView.resources.length} requests, gzip of each body)`);
} finally {
  await product.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

// The feed query as the posts table grows (its own databases; prints its figures and query plans).
say("");
say("feed query at 5,000 and 500,000 posts (bench/feed-scale.ts) …");
const scale = spawnSync(process.execPath, [...process.execArgv, join(import.meta.dirname, "feed-scale.ts")], { stdio: "inherit" });
if (scale.status !== 0) process.exitCode = scale.status ?? 1;
