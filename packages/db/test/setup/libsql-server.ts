// Starts one local libSQL server (on a temp dir) for all tests of this project.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { startLibsqlServer } from "../../../../infra/src/libsql-server/server.ts";

declare module "vitest" {
  export interface ProvidedContext {
    libsqlUrl: string;
    libsqlAdminToken: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dataDir = await mkdtemp(join(tmpdir(), "buurtplein-db-test-"));
  const adminToken = randomBytes(16).toString("hex");
  const server = await startLibsqlServer({ dataDir, port: 0, adminToken });
  project.provide("libsqlUrl", server.url);
  project.provide("libsqlAdminToken", adminToken);
  return async () => {
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  };
}
