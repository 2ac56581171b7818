// Starts the product exactly as `npm start` does (infra/src/local/run-product.ts), on its own port and
// a fresh data folder.
import { copyFileSync, createWriteStream, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { TestProject } from "vitest/node";
import { runProduct } from "../infra/src/local/run-product.ts";

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
  // Everything the product prints (worker JSON logs included) goes to test-results/e2e-product.log.
  mkdirSync(join(root, "test-results"), { recursive: true });
  // The browser tests play Cloudflare's edge: they may say which address a request comes from.
  const product = await runProduct({ port: PORT, dataDir, env: { BUURTPLEIN_TRUST_CF_CONNECTING_IP: "1" }, log: createWriteStream(join(root, "test-results/e2e-product.log")) });
  project.provide("baseUrl", product.baseUrl);
  project.provide("port", PORT);
  project.provide("dataDir", dataDir);

  return async () => {
    await product.stop();
    // Keep the database server's request log next to the product log, for failures in CI.
    try {
      copyFileSync(join(dataDir, "libsql-server.log"), join(root, "test-results/e2e-libsql-server.log"));
    } catch {
      // no log written
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
}
