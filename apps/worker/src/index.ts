import { createApp } from "./app.ts";
import type { Bindings } from "./env.ts";
import { scheduled } from "./jobs/clean-expired-data.ts";

const app = createApp();

// The API worker. In production it has no public route: the web worker reaches it through a
// service binding and forwards the visitor's URL unchanged, so the host in the URL is the tenant's.
// The cron trigger in wrangler.toml calls `scheduled`: the hourly retention cleanup.
export default {
  fetch: app.fetch,
  scheduled,
} satisfies ExportedHandler<Bindings>;
