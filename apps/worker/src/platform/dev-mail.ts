// The dev mailbox: what the DevMailer "sent", for people trying Buurtplein locally and for tests.
// Exists only when ENVIRONMENT is development or test; in production it is a plain 404.
import { Hono } from "hono";
import { and, desc, eq, isNull, type SQL } from "drizzle-orm";
import { AppError } from "@buurtplein/core";
import { controlSchema } from "@buurtplein/db";
import type { AppEnv, Bindings } from "../env.ts";

export function devToolsEnabled(env: Bindings): boolean {
  return env.ENVIRONMENT === "development" || env.ENVIRONMENT === "test";
}

const { devMail } = controlSchema;

export const devMailRoutes = new Hono<AppEnv>()

// GET /api/dev/mail?to= — the newest e-mails of THIS site only: on a tenant host that corporation's,
// on the apex only the apex's own (sign-up) mail. A mailbox never shows another site's mail: it holds
// login links.
.get("/mail", async (c) => {
  if (!devToolsEnabled(c.env)) throw new AppError("not_found", { message: "apiErrors.routeNotFound" });
  const site = c.get("site");
  const conditions: SQL[] = [];
  conditions.push(site.kind === "tenant" ? eq(devMail.tenantSlug, site.tenant.slug) : isNull(devMail.tenantSlug));
  const to = c.req.query("to")?.trim().toLowerCase();
  if (to) conditions.push(eq(devMail.to, to));
  const mail = await c
    .get("control")
    .select()
    .from(devMail)
    .where(and(...conditions))
    .orderBy(desc(devMail.createdAt))
    .limit(50);
  return c.json({ mail });
});
