import { cloudflare } from "@cloudflare/vite-plugin";
import { reactRouter } from "@react-router/dev/vite";
import { defineConfig } from "vite";

// Local runs (infra/src/cli/start.ts) pass the Worker's database settings and a build folder of their own,
// so two local products never share a build or each other's databases. Deploy builds set neither.
const localWorkerVars: Record<string, string> = JSON.parse(process.env.BUURTPLEIN_WORKER_VARS ?? "{}");
const buildDirectory = process.env.BUURTPLEIN_BUILD_DIR;
if (process.env.CLOUDFLARE_ENV === "production" && (buildDirectory || process.env.BUURTPLEIN_WORKER_VARS)) {
  // Local database tokens must never end up in a production build.
  throw new Error("BUURTPLEIN_WORKER_VARS / BUURTPLEIN_BUILD_DIR are for local runs only; unset them for a production build.");
}

export default defineConfig({
  plugins: [
    cloudflare({
      // The deployment's one Worker (pages + API) is configured at the repository root.
      configPath: "../../wrangler.toml",
      config: (config) => ({ vars: { ...config.vars, ...localWorkerVars } }),
      viteEnvironment: { name: "ssr" },
      persistState: false,
    }),
    reactRouter(),
  ],
  // Tenants are subdomains (delinde.localhost) and custom domains: accept every host.
  server: { allowedHosts: true, host: "127.0.0.1" },
  preview: { allowedHosts: true, host: "127.0.0.1" },
});
