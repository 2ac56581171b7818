// /api/insight/signals — corporation staff: counts, states and waiting times per neighbourhood, per
// organisation and per category. Never a signal's content, never a single signal: every figure from
// fewer than five signals is "< 5" (the k ≥ 5 rule), and an average needs five signals behind it.
import { Hono } from "hono";
import { sql } from "drizzle-orm";
import { maskCount, REACH_THRESHOLD } from "@buurtplein/core";
import { tenantSchema } from "@buurtplein/db";
import type { AppEnv } from "../env.ts";
import { requirePermission, tenantSite } from "../middleware/session.ts";

const { signals, neighbourhoods, partners } = tenantSchema;

const HOUR = 60 * 60 * 1000;

function figures(row: { total: number; open: number; done: number; acknowledged: number; ackHours: number | null }) {
  return {
    total: maskCount(row.total),
    open: maskCount(row.open),
    done: maskCount(row.done),
    averageHoursToAcknowledge: row.acknowledged >= REACH_THRESHOLD && row.ackHours !== null ? Math.round(row.ackHours) : null,
  };
}

export const insightRoutes = new Hono<AppEnv>()

.get("/signals", async (c) => {
  const site = tenantSite(c.get("site"));
  requirePermission(c.get("actor"), "signal.insight");
  const columns = {
    total: sql<number>`count(*)`,
    open: sql<number>`sum(CASE WHEN ${signals.status} IN ('new', 'acknowledged', 'in_progress') THEN 1 ELSE 0 END)`,
    done: sql<number>`sum(CASE WHEN ${signals.status} IN ('resolved', 'closed') THEN 1 ELSE 0 END)`,
    acknowledged: sql<number>`count(${signals.acknowledgedAt})`,
    ackHours: sql<number | null>`avg(${signals.acknowledgedAt} - ${signals.createdAt}) / ${HOUR}`,
  };
  const [byNeighbourhood, byOrganisation, byCategory, all] = await site.db.batch([
    site.db.select({ name: neighbourhoods.name, ...columns }).from(signals).innerJoin(neighbourhoods, sql`${neighbourhoods.id} = ${signals.neighbourhoodId}`).groupBy(neighbourhoods.id).orderBy(neighbourhoods.name),
    site.db.select({ name: sql<string | null>`${partners.name}`, ...columns }).from(signals).leftJoin(partners, sql`${partners.id} = ${signals.partnerId}`).groupBy(signals.partnerId).orderBy(partners.name),
    site.db.select({ category: signals.category, ...columns }).from(signals).groupBy(signals.category).orderBy(signals.category),
    site.db.select(columns).from(signals),
  ]);
  return c.json({
    threshold: REACH_THRESHOLD,
    total: figures(all[0] ?? { total: 0, open: 0, done: 0, acknowledged: 0, ackHours: null }),
    neighbourhoods: byNeighbourhood.map((row) => ({ name: row.name, ...figures(row) })),
    // null: with the corporation's social coordinator.
    organisations: byOrganisation.map((row) => ({ name: row.name, ...figures(row) })),
    categories: byCategory.map((row) => ({ category: row.category, ...figures(row) })),
  });
});
