// One-click unsubscribe from the digest, without logging in (the link in every digest and its
// List-Unsubscribe header, RFC 8058). GET checks the link and changes nothing (mail scanners open
// links); POST turns the digest off. A bad link: 400 unsubscribe_link_invalid with what is wrong.
import { Hono } from "hono";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { AppError, verifyUnsubscribeToken, type MessageKey } from "@buurtplein/core";
import { tenantSchema, type TenantDb } from "@buurtplein/db";
import type { AppEnv, Site } from "../env.ts";
import { parseInput, readJson } from "../lib/errors.ts";
import { audit } from "../lib/audit.ts";
import { tenantSite } from "../middleware/session.ts";
import { savePreferences } from "./notification-routes.ts";
import { unsubscribeKey } from "./unsubscribe-key.ts";

const { users } = tenantSchema;
const ZToken = z.object({ token: z.string().trim().min(1).max(512) });

const REASON_MESSAGE: Record<"malformed" | "tampered" | "expired", MessageKey> = {
  malformed: "apiErrors.notifications.unsubscribeMalformed",
  tampered: "apiErrors.notifications.unsubscribeTampered",
  expired: "apiErrors.notifications.unsubscribeExpired",
};

async function memberOfToken(env: AppEnv["Bindings"], site: Extract<Site, { kind: "tenant" }>, db: TenantDb, token: string) {
  const check = await verifyUnsubscribeToken(await unsubscribeKey(env, site.tenant.id), token, Date.now());
  if (!check.ok) throw new AppError("unsubscribe_link_invalid", { message: REASON_MESSAGE[check.reason], details: { reason: check.reason } });
  const [user] = await db.select({ id: users.id, displayName: users.displayName }).from(users).where(eq(users.id, check.userId)).limit(1);
  // A signed link of an account that has since been deleted: nothing left to stop.
  if (!user) throw new AppError("unsubscribe_link_invalid", { message: "apiErrors.notifications.unsubscribeTampered", details: { reason: "unknown_member" } });
  return user;
}

export const unsubscribeRoutes = new Hono<AppEnv>()

// GET /api/digest/unsubscribe?token= — is this link good? (no side effect)
.get("/unsubscribe", async (c) => {
  const site = tenantSite(c.get("site"));
  const { token } = parseInput(ZToken, { token: c.req.query("token") ?? "" });
  const user = await memberOfToken(c.env, site, site.db, token);
  return c.json({ valid: true as const, displayName: user.displayName });
})

// POST /api/digest/unsubscribe { token } — turn the digest off for the member the link names
.post("/unsubscribe", async (c) => {
  const site = tenantSite(c.get("site"));
  const { token } = parseInput(ZToken, await readJson(c));
  const user = await memberOfToken(c.env, site, site.db, token);
  await savePreferences(site.db, user.id, { digest: "off" });
  await audit(site.db, { actorId: null, action: "digest.unsubscribed", subject: user.id, details: { by: "link" } });
  return c.json({ digest: "off" as const });
});
