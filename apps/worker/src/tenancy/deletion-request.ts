// A corporation asks to be deleted (admin only): the request is recorded on its control-plane row and
// can be withdrawn during the grace period (30 days); after it the platform operator deletes the
// corporation from the console (operator/operator-routes.ts). The tenant's own audit log says who.
import { Hono, type Context } from "hono";
import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { AppError, DELETION_GRACE_DAYS, deletionDueAt, ZDeletionRequestInput } from "@buurtplein/core";
import { controlSchema } from "@buurtplein/db";
import type { AppEnv } from "../env.ts";
import { parseInput, readJson } from "../lib/errors.ts";
import { audit } from "../lib/audit.ts";
import { requirePermission, tenantSite } from "../middleware/session.ts";

const { tenants } = controlSchema;

function deletionView(slug: string, requestedAt: number | null) {
  return {
    slug,
    graceDays: DELETION_GRACE_DAYS,
    deletion: requestedAt === null ? null : { requestedAt, dueAt: deletionDueAt(requestedAt) },
  };
}

/** The row as it is now (the tenant middleware's copy may be a few seconds old). */
async function currentRequest(c: Context<AppEnv>, tenantId: string): Promise<number | null> {
  const [row] = await c.get("control").select({ requestedAt: tenants.deletionRequestedAt }).from(tenants).where(eq(tenants.id, tenantId)).limit(1);
  return row?.requestedAt ?? null;
}

export const deletionRequestRoutes = new Hono<AppEnv>()

// GET /api/settings/deletion — whether this corporation asked to be deleted, and from when it can be
.get("/", async (c) => {
  const site = tenantSite(c.get("site"));
  requirePermission(c.get("actor"), "corporation.leave");
  return c.json(deletionView(site.tenant.slug, await currentRequest(c, site.tenant.id)));
})

// POST /api/settings/deletion { confirmSlug } — ask for deletion; the slug typed again confirms it
.post("/", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requirePermission(c.get("actor"), "corporation.leave");
  const input = parseInput(ZDeletionRequestInput, await readJson(c));
  if (input.confirmSlug !== site.tenant.slug) {
    throw new AppError("invalid_input", { fields: { confirmSlug: "validation.operator.confirmSlugWrong" } });
  }
  const now = Date.now();
  const [updated] = await c
    .get("control")
    .update(tenants)
    .set({ deletionRequestedAt: now, updatedAt: now })
    .where(and(eq(tenants.id, site.tenant.id), isNull(tenants.deletionRequestedAt)))
    .returning({ requestedAt: tenants.deletionRequestedAt });
  if (!updated) throw new AppError("conflict", { message: "apiErrors.operator.alreadyRequested" });
  await audit(site.db, { actorId: actor.userId, action: "corporation.deletion_requested", details: { dueAt: deletionDueAt(now) } });
  return c.json(deletionView(site.tenant.slug, updated.requestedAt));
})

// DELETE /api/settings/deletion — withdraw the request during the grace period
.delete("/", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requirePermission(c.get("actor"), "corporation.leave");
  const [updated] = await c
    .get("control")
    .update(tenants)
    .set({ deletionRequestedAt: null, updatedAt: Date.now() })
    .where(and(eq(tenants.id, site.tenant.id), isNotNull(tenants.deletionRequestedAt)))
    .returning({ id: tenants.id });
  if (!updated) throw new AppError("conflict", { message: "apiErrors.operator.noRequest" });
  await audit(site.db, { actorId: actor.userId, action: "corporation.deletion_cancelled" });
  return c.json(deletionView(site.tenant.slug, null));
});
