import { defineConfig } from "vitest/config";

// One `vitest run` for the whole project, split by runtime:
//   core   – pure domain logic in Node
//   db     – schemas, migrations, provisioning against real databases on the local libSQL server
//   infra  – the local libSQL server itself, driven by the real @libsql/client
//   worker – the API worker inside workerd (@cloudflare/vitest-plugin)
//   e2e    – Debian's Chromium (playwright-core) against the product started as `npm start` starts it
export default defineConfig({
  test: {
    projects: ["packages/core", "packages/db", "infra", "apps/worker", "e2e"],
  },
});
