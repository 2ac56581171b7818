// `npm start` (after scripts/bootstrap.mjs has installed the toolchain): the whole product on this
// machine. Starts the local libSQL server on the files in .data/, migrates the control plane, loads
// the demo corporations when they are missing, builds the web app and serves both workers in workerd
// at http://localhost:$PORT (default 8787). `--dev` serves with hot reload instead of a build.
import { spawn, spawnSync } from "node:child_process";
import { join, resolve } from "node:path";
import { DEMO_PASSWORD } from "../demo/demo-data.ts";
import { demoLogins, seedDemo } from "../demo/seed-demo.ts";
import { DEMO_OPERATOR } from "../demo/seed-operator.ts";
import { startLocalStack, workerLocalVars } from "../local/local-stack.ts";
import { unreadyHosts } from "../local/readiness.ts";

const root = resolve(import.meta.dirname, "../../..");
const port = Number(process.env.PORT ?? 8787);
const libsqlPort = Number(process.env.LIBSQL_PORT ?? port - 7);
const dataDir = resolve(root, process.env.BUURTPLEIN_DATA_DIR ?? ".data");
const dev = process.argv.includes("--dev");
const webDir = join(root, "apps/web");

function say(line: string) {
  process.stdout.write(`[buurtplein] ${line}\n`);
}

const stack = await startLocalStack({ dataDir, libsqlPort, quiet: true });
say(`libSQL server on ${stack.adminUrl}, data in ${dataDir}`);
await seedDemo({ control: stack.control, databases: stack.databases, tokenKey: stack.tenantTokenKey, log: say });

// The Worker finds the control plane, the local admin API and the tenant-token key (kept in the
// data folder as tenant-token.key) through BUURTPLEIN_WORKER_VARS; the build goes into the data folder
// too. So `npm test` (its own data folder) can run while `npm start` serves, without touching it.
const webEnv = {
  ...process.env,
  // Scheduled e-mails (the digest) link to the corporation's local host on this port.
  BUURTPLEIN_WORKER_VARS: JSON.stringify(workerLocalVars(stack, { TENANT_ORIGIN_TEMPLATE: `http://{slug}.localhost:${port}` })),
  BUURTPLEIN_BUILD_DIR: join(dataDir, "web-build"),
  // Miniflare's local state (the R2 bucket of uploaded logos) lives in the data folder too, so uploads
  // survive a restart; each run's own data folder (npm test) has its own.
  BUURTPLEIN_STATE_DIR: join(dataDir, "worker-state"),
};

const viteBin = join(webDir, "node_modules/.bin");
if (!dev) {
  say("building the web app");
  const build = spawnSync(join(viteBin, "react-router"), ["build"], { cwd: webDir, env: webEnv, stdio: ["ignore", "ignore", "inherit"] });
  if (build.status !== 0) {
    say("build failed");
    await stack.stop();
    process.exit(1);
  }
}

const server = dev
  ? spawn(join(viteBin, "react-router"), ["dev", "--port", String(port), "--strictPort"], { cwd: webDir, env: webEnv, stdio: ["ignore", "pipe", "inherit"] })
  : spawn(join(viteBin, "vite"), ["preview", "--port", String(port), "--strictPort"], { cwd: webDir, env: webEnv, stdio: ["ignore", "pipe", "inherit"] });

server.stdout.on("data", (chunk: Buffer) => {
  if (process.env.BUURTPLEIN_VERBOSE) process.stdout.write(chunk);
});

/**
 * Ready means the whole path answers, for the apex and for every active corporation: the Worker →
 * its API → control plane → that corporation's own database (/api/health on its host checks it).
 */
let unready: string[] = [];
async function waitUntilReady(): Promise<boolean> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline && !stopping) {
    unready = await unreadyHosts(port, stack.control).catch(() => ["(control plane)"]);
    if (unready.length === 0) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

function announce() {
  const base = `http://localhost:${port}`;
  say("");
  say(`Buurtplein is running: ${base}  (sign up a corporation here)`);
  say(`  Woonstichting De Linde: http://delinde.localhost:${port}`);
  say(`  Havenstad Wonen:        http://havenstad.localhost:${port}`);
  say(`Login links are not e-mailed locally: read them in the dev mailbox, ${base}/dev/mail`);
  say(`Demo logins (password for all: ${DEMO_PASSWORD}):`);
  for (const login of demoLogins()) say(`  ${login.tenant.padEnd(10)} ${login.role.padEnd(12)} ${login.email}`);
  say(`Platform operator console: ${base}/beheer  (${DEMO_OPERATOR.email})`);
  say("Press Ctrl+C to stop.");
  say("ready");
}

let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  server.kill("SIGTERM");
  await stack.stop();
  process.exit(code);
}
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));
void waitUntilReady().then((ready) => {
  if (ready) announce();
  else if (!stopping) {
    say(`not ready within 120 s; /api/health does not answer 200 on: ${unready.join(", ")}`);
    void stop(1);
  }
});
server.on("exit", (code) => {
  if (!stopping) {
    say(`web server stopped (exit code ${code})`);
    void stop(code ?? 1);
  }
});
