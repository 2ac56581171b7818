// Starts the libSQL server the worker tests talk to, migrates the control plane and loads the demo
// corporations (De Linde, Havenstad) through the real provisioning path. Runs in Node, once.
import { rmSync } from "node:fs";
import { importTenantTokenKey } from "@buurtplein/core";
import { controlMigrations, createDbClient, LocalTenantDatabases, migrateDatabase, openControlDb } from "@buurtplein/db";
import { startLibsqlServer } from "../../../infra/src/libsql-server/server.ts";
import { seedDemo } from "../../../infra/src/demo/seed-demo.ts";
import { workerTestStack } from "./stack-config.ts";
import { FAKE_CLOUDFLARE_TARGET, startFakeCloudflare } from "./fake-cloudflare.ts";

export default async function setup() {
  const stack = await workerTestStack();
  const server = await startLibsqlServer({ dataDir: stack.dataDir, port: stack.port, adminToken: stack.adminToken });
  const cloudflare = await startFakeCloudflare({ port: stack.cloudflarePort, target: FAKE_CLOUDFLARE_TARGET });
  const databases = new LocalTenantDatabases({ adminUrl: server.url, adminToken: stack.adminToken });
  const control = await databases.createDatabase("control");
  const client = createDbClient({ url: control.url, authToken: control.token });
  await migrateDatabase(client, controlMigrations);
  // The demo tenants' tokens are encrypted with the key the worker gets as TENANT_TOKEN_KEY.
  await seedDemo({ control: openControlDb(client), databases, tokenKey: await importTenantTokenKey(stack.tenantTokenKey) });
  return async () => {
    await server.close();
    await cloudflare.close();
    rmSync(stack.dataDir, { recursive: true, force: true });
  };
}
