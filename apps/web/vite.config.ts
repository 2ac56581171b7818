import { cloudflare } from "@cloudflare/vite-plugin";
import { reactRouter } from "@react-router/dev/vite";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [
    cloudflare({
      viteEnvironment: { name: "ssr" },
      // The API worker runs in the same dev/preview server and is reached through the "API" binding.
      auxiliaryWorkers: [{ configPath: "../worker/wrangler.toml" }],
      persistState: false,
    }),
    reactRouter(),
  ],
  // Tenants are subdomains (delinde.localhost) and custom domains: accept every host.
  server: { allowedHosts: true, host: "127.0.0.1" },
  preview: { allowedHosts: true, host: "127.0.0.1" },
});
