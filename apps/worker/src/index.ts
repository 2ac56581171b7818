import { createApp } from "./app.ts";
import type { Bindings } from "./env.ts";
import { scheduled } from "./jobs/scheduled.ts";
import { queue } from "./jobs/consumer.ts";

const app = createApp();

// The API app alone, as a Worker: what the worker tests run in workerd (test/wrangler.toml). The
// deployment's one Worker mounts the same app under /api (apps/web/workers/app.ts, decision 016) and
// exports the same `scheduled` (the hourly cron: enqueue jobs per tenant) and `queue` (run them) handlers.
export default {
  fetch: app.fetch,
  scheduled,
  queue,
} satisfies ExportedHandler<Bindings>;
