import { Hono } from "hono";
import { sql } from "drizzle-orm";
import type { AppEnv } from "../env.ts";

export const healthRoutes = new Hono<AppEnv>()

// GET /api/health — the control plane and (on a tenant host) the tenant database answer a query
.get("/", async (c) => {
  const checks: Record<string, "ok" | "failed"> = {};
  const probe = async (name: string, run: () => Promise<unknown>) => {
    try {
      await run();
      checks[name] = "ok";
    } catch (error) {
      checks[name] = "failed";
      c.get("logger").log("error", "health check failed", { check: name, error: String(error) });
    }
  };
  await probe("control", () => c.get("control").run(sql`select 1`));
  const site = c.get("site");
  if (site.kind === "tenant") await probe("tenant", () => site.db.run(sql`select 1`));
  const ok = Object.values(checks).every((status) => status === "ok");
  return c.json({ ok, checks }, ok ? 200 : 503);
});
