import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "db",
    environment: "node",
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // One local libSQL server for the whole project; every test makes its own databases on it.
    globalSetup: ["test/setup/libsql-server.ts"],
  },
});
