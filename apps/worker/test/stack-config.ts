// Node side of the worker tests: where the test libSQL server will listen and which credentials the
// worker gets as bindings. Tokens are derived the way the server derives them (HMAC of a secret we
// place in its data folder), so the bindings are known before global-setup.ts starts the server.
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateTenantTokenKey } from "@buurtplein/core";
import { databaseToken, loadServerSecret } from "../../../infra/src/libsql-server/tokens.ts";

export interface WorkerTestStack {
  dataDir: string;
  port: number;
  adminToken: string;
  /** TENANT_TOKEN_KEY of this test run (base64 of 32 bytes). */
  tenantTokenKey: string;
  /** Where the fake of Cloudflare's custom hostname API listens (fake-cloudflare.ts). */
  cloudflarePort: number;
  bindings: Record<string, string>;
}

/** A port nobody listens on right now (the OS picks it). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Called by vitest.config.ts (first) and global-setup.ts (second) in the same Node process. */
export async function workerTestStack(): Promise<WorkerTestStack> {
  const dataDir = (process.env.BP_WORKER_TEST_DATA ??= mkdtempSync(join(tmpdir(), "buurtplein-worker-")));
  const port = Number((process.env.BP_WORKER_TEST_PORT ??= String(await freePort())));
  const adminToken = (process.env.BP_WORKER_TEST_ADMIN_TOKEN ??= randomBytes(16).toString("hex"));
  const tenantTokenKey = (process.env.BP_WORKER_TEST_TENANT_TOKEN_KEY ??= generateTenantTokenKey());
  const cloudflarePort = Number((process.env.BP_WORKER_TEST_CLOUDFLARE_PORT ??= String(await freePort())));
  const secretFile = join(dataDir, ".server-secret");
  if (!existsSync(secretFile)) writeFileSync(secretFile, randomBytes(32).toString("hex"), { mode: 0o600 });
  const secret = loadServerSecret(dataDir);
  return {
    dataDir,
    port,
    adminToken,
    tenantTokenKey,
    cloudflarePort,
    bindings: {
      ENVIRONMENT: "test",
      BASE_DOMAINS: "localhost",
      TENANT_DB_PROVIDER: "local",
      CONTROL_DB_URL: `http://127.0.0.1:${port}/db/control/`,
      CONTROL_DB_TOKEN: databaseToken(secret, "control"),
      LOCAL_LIBSQL_ADMIN_URL: `http://127.0.0.1:${port}`,
      LOCAL_LIBSQL_ADMIN_TOKEN: adminToken,
      TENANT_TOKEN_KEY: tenantTokenKey,
      MAILER: "dev",
      // Tests change tenants (suspend, …) and expect the next request to see it at once.
      TENANT_CACHE_TTL_MS: "0",
      // Custom domains stay local (CUSTOM_HOSTNAMES unset); tests that switch to "cloudflare" reach the fake here.
      CLOUDFLARE_API_BASE_URL: `http://127.0.0.1:${cloudflarePort}/client/v4`,
    },
  };
}
