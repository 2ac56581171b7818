import { cloudflare } from "@cloudflare/vite-plugin";
import { reactRouter } from "@react-router/dev/vite";
import { defineConfig } from "vite";

// Local runs (infra/src/cli/start.ts) pass the Worker's database settings and a build folder of their own,
// so two local products never share a build or each other's databases. Deploy builds set neither.
const localWorkerVars: Record<string, string> = JSON.parse(process.env.BUURTPLEIN_WORKER_VARS ?? "{}");
const buildDirectory = process.env.BUURTPLEIN_BUILD_DIR;
// Where miniflare keeps the Worker's local state (the R2 bucket of uploaded files), so uploads survive a
// restart of `npm start`: a folder inside the run's own data folder (infra/src/cli/start.ts). Unset: none kept.
const stateDirectory = process.env.BUURTPLEIN_STATE_DIR;
// The browser tests play Cloudflare's edge: each browser context sends its own CF-Connecting-IP, which
// the Worker's entry then trusts as the client source (e2e/global-setup.ts). Never in a deploy.
const trustEdgeHeader = process.env.BUURTPLEIN_TRUST_CF_CONNECTING_IP === "1";
if (process.env.CLOUDFLARE_ENV === "production" && (buildDirectory || stateDirectory || process.env.BUURTPLEIN_WORKER_VARS || trustEdgeHeader)) {
  // Local database tokens (and the tests' trust in a client header) must never end up in a production build.
  throw new Error("BUURTPLEIN_WORKER_VARS / BUURTPLEIN_BUILD_DIR / BUURTPLEIN_STATE_DIR / BUURTPLEIN_TRUST_CF_CONNECTING_IP are for local runs only; unset them for a production build.");
}

export default defineConfig({
  plugins: [
    cloudflare({
      // The deployment's one Worker (pages + API) is configured at the repository root.
      configPath: "../../wrangler.toml",
      config: (config) => ({ vars: { ...config.vars, ...localWorkerVars, ...(trustEdgeHeader ? { TRUST_CF_CONNECTING_IP: "true" } : {}) } }),
      viteEnvironment: { name: "ssr" },
      persistState: stateDirectory ? { path: stateDirectory } : false,
    }),
    reactRouter(),
  ],
  // Tenants are subdomains (delinde.localhost) and custom domains: accept every host.
  server: { allowedHosts: true, host: "127.0.0.1" },
  preview: { allowedHosts: true, host: "127.0.0.1" },
});
