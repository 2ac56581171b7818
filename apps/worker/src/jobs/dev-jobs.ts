// POST /api/dev/jobs/:job — development and tests only (like /api/dev/mail; a plain 404 in production):
// runs a scheduled job for the host's corporation now, in this request, and answers with its report.
// The digest runs as if every member's preferred hour had come; its per-member, per-period job_runs
// rows still make a second run send nothing new. `npm run jobs -- digest --tenant delinde` calls this.
import { Hono } from "hono";
import { AppError } from "@buurtplein/core";
import type { AppEnv } from "../env.ts";
import { devToolsEnabled } from "../platform/dev-mail.ts";
import { tenantSite } from "../middleware/session.ts";
import { isJobName } from "./job-message.ts";
import { runJobWork } from "./run-job.ts";

export const devJobRoutes = new Hono<AppEnv>()

.post("/:job", async (c) => {
  if (!devToolsEnabled(c.env)) throw new AppError("not_found", { message: "apiErrors.routeNotFound" });
  const site = tenantSite(c.get("site"));
  const job = c.req.param("job");
  if (!isJobName(job)) throw new AppError("not_found", { message: "apiErrors.notifications.jobUnknown" });
  const started = Date.now();
  // A controllable clock for tests: ?now=<ms> runs the job as if it were then (dev and tests only).
  const at = Number(c.req.query("now"));
  const result = await runJobWork(job, {
    env: c.env,
    control: c.get("control"),
    tenant: site.tenant,
    db: site.db,
    logger: c.get("logger"),
    now: Number.isFinite(at) && at > 0 ? at : started,
    origin: new URL(c.req.url).origin,
    everyone: true,
  });
  return c.json({ job, tenant: site.tenant.slug, result, ms: Date.now() - started });
});
