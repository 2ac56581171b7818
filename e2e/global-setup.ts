// Starts the product exactly as `npm start` does (infra/src/cli/start.ts: local libSQL server, demo
// data, a production build served in workerd), on its own port and a fresh data folder.
import { spawn, type ChildProcess } from "node:child_process";
import { copyFileSync, createWriteStream, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { TestProject } from "vitest/node";

const root = resolve(import.meta.dirname, "..");
const PORT = Number(process.env.E2E_PORT ?? 8797);

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    port: number;
    /** The product's data folder, for tests that act as the platform operator (control plane). */
    dataDir: string;
  }
}

export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(join(tmpdir(), "buurtplein-e2e-"));
  const product: ChildProcess = spawn(join(root, "node_modules/.bin/tsx"), [join(root, "infra/src/cli/start.ts")], {
    cwd: root,
    env: { ...process.env, PORT: String(PORT), LIBSQL_PORT: String(PORT - 1), BUURTPLEIN_DATA_DIR: dataDir, BUURTPLEIN_VERBOSE: "1", BUURTPLEIN_TRUST_CF_CONNECTING_IP: "1" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  // Everything the product prints (worker JSON logs included) goes to test-results/e2e-product.log.
  mkdirSync(join(root, "test-results"), { recursive: true });
  const productLog = createWriteStream(join(root, "test-results/e2e-product.log"));
  product.stdout?.pipe(productLog);
  product.stderr?.pipe(productLog);
  let output = "";
  await new Promise<void>((resolveReady, reject) => {
    const timer = setTimeout(() => reject(new Error(`product did not start within 240 s:\n${output}`)), 240_000);
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
  project.provide("baseUrl", `http://localhost:${PORT}`);
  project.provide("port", PORT);
  project.provide("dataDir", dataDir);

  return async () => {
    if (product.pid) {
      try {
        process.kill(-product.pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
    await new Promise((done) => setTimeout(done, 500));
    // Keep the database server's request log next to the product log, for failures in CI.
    try {
      copyFileSync(join(dataDir, "libsql-server.log"), join(root, "test-results/e2e-libsql-server.log"));
    } catch {
      // no log written
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
}
