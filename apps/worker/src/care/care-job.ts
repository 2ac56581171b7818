// The "care" job (hourly, per tenant, on the jobs queue): reminds an organisation of signals it has not
// acknowledged within the tenant's working days (default 2), escalates them to the social coordinator
// later (default 5), and removes the details of signals closed longer than the retention period
// (default 12 months): only the category, neighbourhood, states and dates remain, for counts.
// Each signal is reminded and escalated once (reminded_at / escalated_at, set with a guard).
import { and, eq, isNull, lt, sql } from "drizzle-orm";
import { DEFAULT_CARE_TIMINGS, DEFAULT_SIGNAL_RETENTION_MONTHS, dueChase, signalRetentionCutoff } from "@buurtplein/core";
import { tenantSchema, type TenantDb } from "@buurtplein/db";
import { tellHandlers } from "./routing-store.ts";

const { signals, signalEvents, signalNotes, careSettings } = tenantSchema;

export async function runCareJob(db: TenantDb, now: number): Promise<{ reminded: number; escalated: number; detailsRemoved: number }> {
  const [[settings], waiting] = await db.batch([
    db.select().from(careSettings).where(eq(careSettings.id, 1)).limit(1),
    db
      .select({ id: signals.id, partnerId: signals.partnerId, createdAt: signals.routedAt, remindedAt: signals.remindedAt, escalatedAt: signals.escalatedAt })
      .from(signals)
      .where(and(eq(signals.status, "new"), isNull(signals.escalatedAt))),
  ]);
  const timings = {
    reminderWorkingDays: settings?.reminderWorkingDays ?? DEFAULT_CARE_TIMINGS.reminderWorkingDays,
    escalationWorkingDays: settings?.escalationWorkingDays ?? DEFAULT_CARE_TIMINGS.escalationWorkingDays,
  };
  let reminded = 0;
  let escalated = 0;
  for (const signal of waiting) {
    const chase = dueChase(signal, timings, now);
    if (chase === null) continue;
    if (chase === "remind") {
      const result = await db.update(signals).set({ remindedAt: now }).where(and(eq(signals.id, signal.id), isNull(signals.remindedAt), eq(signals.status, "new")));
      if (result.rowsAffected !== 1) continue;
      await db.insert(signalEvents).values({ id: crypto.randomUUID(), signalId: signal.id, partnerId: signal.partnerId, event: "reminded", createdAt: now });
      await tellHandlers(db, signal.partnerId, signal.id, "signal_reminder", null);
      reminded += 1;
    } else {
      const result = await db.update(signals).set({ escalatedAt: now }).where(and(eq(signals.id, signal.id), isNull(signals.escalatedAt), eq(signals.status, "new")));
      if (result.rowsAffected !== 1) continue;
      await db.insert(signalEvents).values({ id: crypto.randomUUID(), signalId: signal.id, partnerId: signal.partnerId, event: "escalated", createdAt: now });
      await tellHandlers(db, null, signal.id, "signal_escalated", null);
      escalated += 1;
    }
  }
  const cutoff = signalRetentionCutoff(now, settings?.retentionMonths ?? DEFAULT_SIGNAL_RETENTION_MONTHS);
  // Resolved or closed: the later of the two dates counts.
  const expired = and(
    sql`${signals.status} IN ('resolved', 'closed')`,
    lt(sql`coalesce(${signals.closedAt}, ${signals.resolvedAt})`, cutoff),
    isNull(signals.detailsRemovedAt),
  );
  const [, removed] = await db.batch([
    db.delete(signalNotes).where(sql`${signalNotes.signalId} IN (SELECT ${signals.id} FROM ${signals} WHERE ${expired})`),
    db.update(signals).set({ details: null, reporterId: null, detailsRemovedAt: now }).where(expired),
    db.update(signalEvents).set({ reason: null, actorId: null }).where(sql`${signalEvents.signalId} IN (SELECT ${signals.id} FROM ${signals} WHERE ${signals.detailsRemovedAt} = ${now})`),
  ]);
  return { reminded, escalated, detailsRemoved: removed.rowsAffected };
}
