import { join } from "node:path";
import { cloudflare } from "@cloudflare/vite-plugin";
import { reactRouter } from "@react-router/dev/vite";
import { defineConfig } from "vite";

// Local runs (infra/src/cli/start.ts) pass the API worker's settings and a build folder of their own,
// so two local products never share a build or each other's databases. Deploy builds set neither.
const localWorkerVars: Record<string, string> = JSON.parse(process.env.BUURTPLEIN_WORKER_VARS ?? "{}");
const buildDirectory = process.env.BUURTPLEIN_BUILD_DIR;
// The browser tests play Cloudflare's edge: each browser context sends its own CF-Connecting-IP, which
// the web worker then trusts as the client source (e2e/global-setup.ts). Never in a deploy.
const trustEdgeHeader = process.env.BUURTPLEIN_TRUST_CF_CONNECTING_IP === "1";
if (process.env.CLOUDFLARE_ENV === "production" && (buildDirectory || process.env.BUURTPLEIN_WORKER_VARS || trustEdgeHeader)) {
  // Local database tokens (and the tests' trust in a client header) must never end up in a production build.
  throw new Error("BUURTPLEIN_WORKER_VARS / BUURTPLEIN_BUILD_DIR / BUURTPLEIN_TRUST_CF_CONNECTING_IP are for local runs only; unset them for a production build.");
}

export default defineConfig({
  plugins: [
    cloudflare({
      viteEnvironment: { name: "ssr" },
      config: trustEdgeHeader ? (config) => ({ vars: { ...config.vars, TRUST_CF_CONNECTING_IP: "true" } }) : undefined,
      // The API worker runs in the same dev/preview server and is reached through the "API" binding.
      auxiliaryWorkers: [{ configPath: "../worker/wrangler.toml", config: (config) => ({ vars: { ...config.vars, ...localWorkerVars } }) }],
      persistState: false,
    }),
    reactRouter(),
  ],
  // The API worker's build (vite environment "buurtplein_api") next to the web app's.
  environments: buildDirectory ? { buurtplein_api: { build: { outDir: join(buildDirectory, "api") } } } : {},
  // Tenants are subdomains (delinde.localhost) and custom domains: accept every host.
  server: { allowedHosts: true, host: "127.0.0.1" },
  preview: { allowedHosts: true, host: "127.0.0.1" },
});
