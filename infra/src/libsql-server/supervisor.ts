// Runs the libSQL server as a child process and restarts it when it dies. The native `libsql` module
// can abort the whole process (a Rust panic); the child's request log (<dataDir>/libsql-server.log)
// then ends with the request that did it.
import { spawn, type ChildProcess } from "node:child_process";
import { appendFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export interface SupervisedServer {
  /** http://127.0.0.1:PORT */
  url: string;
  port: number;
  adminToken: string;
  stop(): Promise<void>;
}

const MAIN_PATH = fileURLToPath(new URL("./main.ts", import.meta.url));
// Resolved from this package (not the caller's cwd), so the child starts from any working directory.
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
const START_TIMEOUT_MS = 30_000;

export async function startSupervisedLibsqlServer(options: {
  dataDir: string;
  port: number;
  adminToken: string;
  quiet?: boolean;
}): Promise<SupervisedServer> {
  if (!options.port) throw new Error("startSupervisedLibsqlServer needs a real port (0 is not supported)");
  const dataDir = resolve(options.dataDir);
  const url = `http://127.0.0.1:${options.port}`;
  const say = (line: string) => {
    if (!options.quiet) console.error(line);
    try {
      appendFileSync(join(dataDir, "libsql-server.log"), `${new Date().toISOString()} [supervisor] ${line}\n`);
    } catch {
      // the data dir may be gone already
    }
  };

  let child: ChildProcess | undefined;
  let stderrTail = "";
  let stopping = false;
  let restartTimer: NodeJS.Timeout | undefined;
  let recentCrashes: number[] = [];

  const spawnChild = (): ChildProcess => {
    stderrTail = "";
    const spawned = spawn(process.execPath, ["--import", TSX_LOADER, MAIN_PATH, "--data-dir", dataDir, "--port", String(options.port)], {
      // The token goes through the environment, not argv, so it does not show up in `ps`.
      env: { ...process.env, LIBSQL_ADMIN_TOKEN: options.adminToken },
      stdio: ["ignore", options.quiet ? "ignore" : "inherit", "pipe", "ipc"],
    });
    spawned.stderr?.on("data", (chunk: Buffer) => {
      if (!options.quiet) process.stderr.write(chunk);
      stderrTail = (stderrTail + chunk.toString("utf8")).slice(-4000);
    });
    spawned.on("exit", (code, signal) => {
      if (stopping || spawned !== child) return;
      if (code === 0) {
        // A clean exit is a deliberate stop (SIGINT/SIGTERM, e.g. Ctrl-C reaching the whole process group).
        say(`libsql-server (pid ${spawned.pid}) stopped; not restarting it.`);
        return;
      }
      const now = Date.now();
      recentCrashes = [...recentCrashes.filter((t) => now - t < 60_000), now];
      const delay = Math.min(5_000, 100 * 2 ** (recentCrashes.length - 1));
      say(`libsql-server (pid ${spawned.pid}) exited unexpectedly (code ${code}, signal ${signal}); restarting in ${delay} ms.` +
        (stderrTail.trim() ? ` Last stderr:\n${stderrTail.trim()}` : ""));
      restartTimer = setTimeout(() => {
        child = spawnChild();
        waitUntilHealthy(url, child).then(
          () => say(`libsql-server restarted (pid ${child?.pid}) on ${url}`),
          (error: unknown) => say(`libsql-server restart did not come up: ${String(error)}`),
        );
      }, delay);
    });
    return spawned;
  };

  const killOnExit = () => child?.kill("SIGTERM");
  process.on("exit", killOnExit);

  child = spawnChild();
  try {
    await waitUntilHealthy(url, child);
  } catch (error) {
    stopping = true;
    process.off("exit", killOnExit);
    child.kill("SIGKILL");
    throw new Error(`libsql-server did not start on ${url}: ${String(error)}${stderrTail ? `\n${stderrTail}` : ""}`);
  }

  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      stopping = true;
      clearTimeout(restartTimer);
      process.off("exit", killOnExit);
      if (child) await terminate(child);
    })());
  return { url, port: options.port, adminToken: options.adminToken, stop };
}

/** Polls GET /health until *this* child answers (a stale server on the same port does not count). */
async function waitUntilHealthy(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the server process exited (code ${child.exitCode}, signal ${child.signalCode})`);
    }
    try {
      const response = await fetch(`${url}/health`);
      const body = (await response.json()) as { ok?: boolean; pid?: number };
      if (body.ok && body.pid === child.pid) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no answer on ${url}/health within ${START_TIMEOUT_MS} ms`);
}

async function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}
