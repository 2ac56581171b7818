// Starts the product exactly as `npm start` does (infra/src/cli/start.ts: local libSQL server, demo
// data, a production build served in workerd) on a port and data folder of its own, and stops it.
// Used by the browser tests (e2e/global-setup.ts) and the benchmarks (bench/).
import { spawn, type ChildProcess } from "node:child_process";
import type { Writable } from "node:stream";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "../../..");

export interface RunningProduct {
  baseUrl: string;
  port: number;
  dataDir: string;
  /** The process group of the product (start.ts, vite preview, workerd, the libSQL server). */
  processGroup: number;
  stop(): Promise<void>;
}

export async function runProduct(options: { port: number; dataDir: string; env?: Record<string, string>; log?: Writable; timeoutMs?: number }): Promise<RunningProduct> {
  const { port, dataDir } = options;
  const product: ChildProcess = spawn(join(root, "node_modules/.bin/tsx"), [join(root, "infra/src/cli/start.ts")], {
    cwd: root,
    env: { ...process.env, ...options.env, PORT: String(port), LIBSQL_PORT: String(port - 1), BUURTPLEIN_DATA_DIR: dataDir, BUURTPLEIN_VERBOSE: "1" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  if (options.log) {
    product.stdout?.pipe(options.log);
    product.stderr?.pipe(options.log);
  }
  let output = "";
  const timeoutMs = options.timeoutMs ?? 240_000;
  await new Promise<void>((resolveReady, reject) => {
    const timer = setTimeout(() => reject(new Error(`product did not start within ${timeoutMs / 1000} s:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("[buurtplein] ready")) {
        clearTimeout(timer);
        resolveReady();
      }
    };
    product.stdout?.on("data", onData);
    product.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    product.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`product exited with ${code} before it was ready:\n${output}`));
    });
  });
  const processGroup = product.pid!;
  return {
    baseUrl: `http://localhost:${port}`,
    port,
    dataDir,
    processGroup,
    async stop() {
      try {
        process.kill(-processGroup, "SIGTERM");
      } catch {
        // already gone
      }
      await new Promise((done) => setTimeout(done, 500));
    },
  };
}
