import { createApp } from "./app.ts";
import type { Bindings } from "./env.ts";
import { scheduled } from "./jobs/clean-expired-data.ts";

const app = createApp();

// The API app alone, as a Worker: what the worker tests run in workerd (test/wrangler.toml). The
// deployment's one Worker mounts the same app under /api (apps/web/workers/app.ts, decision 016) and
// exports the same `scheduled` handler for the hourly retention cleanup.
export default {
  fetch: app.fetch,
  scheduled,
} satisfies ExportedHandler<Bindings>;
