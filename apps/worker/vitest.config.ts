import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";
import { workerTestStack } from "./test/stack-config.ts";

export default defineConfig(async () => {
  const stack = await workerTestStack();
  return {
    plugins: [
      cloudflareTest({
        wrangler: { configPath: "./test/wrangler.toml" },
        miniflare: { bindings: stack.bindings },
      }),
    ],
    test: {
      name: "worker",
      include: ["test/**/*.test.ts"],
      globalSetup: ["./test/global-setup.ts"],
      testTimeout: 30_000,
      hookTimeout: 60_000,
    },
  };
});
