import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "e2e",
    environment: "node",
    include: ["**/*.test.ts"],
    globalSetup: ["./global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // One browser, one product: files run one after another.
    fileParallelism: false,
    // A browser test that fails is tried once more. Under full load (all projects on 2 cores) we saw
    // one intermittent 500 on a login that we could not reproduce alone; the product's own log
    // (test-results/e2e-product.log, error lines printed by `npm test`) is kept to find its cause.
    // A real breakage still fails: it fails twice.
    retry: 1,
  },
});
