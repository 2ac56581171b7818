// Routing a signal with the tenant's rules (core: routeSignal) and telling whoever receives it, without
// any of its content: the notification only says that a signal waits.
import { and, asc, eq } from "drizzle-orm";
import { routeSignal, type RoutingOutcome, type RoutingRule, type SignalCategory } from "@buurtplein/core";
import { tenantSchema, type TenantDb } from "@buurtplein/db";
import { notify } from "../notifications/notify.ts";

const { careRoutingRules, careSettings, users } = tenantSchema;

export async function routeFor(db: TenantDb, signal: { category: SignalCategory; neighbourhoodId: string }, declined: readonly string[]): Promise<RoutingOutcome> {
  const rows = await db.select().from(careRoutingRules).orderBy(asc(careRoutingRules.createdAt), asc(careRoutingRules.id));
  const rules: RoutingRule[] = rows.map((row) => ({ id: row.id, category: (row.category as SignalCategory | null) ?? null, neighbourhoodId: row.neighbourhoodId, partnerId: row.partnerId }));
  return routeSignal(rules, signal, declined);
}

/** The people who handle signals of this organisation (null: the social coordinator). */
export async function handlersOf(db: TenantDb, partnerId: string | null): Promise<string[]> {
  if (partnerId === null) {
    const [settings] = await db.select({ id: careSettings.coordinatorId }).from(careSettings).where(eq(careSettings.id, 1)).limit(1);
    return settings?.id ? [settings.id] : [];
  }
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.partnerId, partnerId), eq(users.role, "care_partner"), eq(users.status, "active")));
  return rows.map((row) => row.id);
}

export async function tellHandlers(db: TenantDb, partnerId: string | null, signalId: string, kind: "signal_new" | "signal_reminder" | "signal_escalated", actorId: string | null) {
  return notify(db, { to: await handlersOf(db, partnerId), kind, actorId, subjectId: signalId, url: `/zorg/signalen/${signalId}` });
}
