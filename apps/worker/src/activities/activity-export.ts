// My activities in "download my data" (/api/me/export): my answers, what I organise, whether I have a
// calendar link (never the link: only its hash is kept), and reach views counted for me.
import { desc, eq, sql } from "drizzle-orm";
import { tenantSchema, type TenantDb } from "@buurtplein/db";

const { activities, activityOrganisers, activityRsvps, activityViews, calendarTokens } = tenantSchema;

export async function activityExport(db: TenantDb, userId: string) {
  const iso = (value: number | null) => (value === null ? null : new Date(value).toISOString());
  const [answers, organised, calendar, views] = await db.batch([
    db
      .select({ activity: activities.title, startsAt: activities.startsAt, answer: activityRsvps.answer, waitlisted: activityRsvps.waitlisted, respondedAt: activityRsvps.respondedAt })
      .from(activityRsvps)
      .innerJoin(activities, eq(activities.id, activityRsvps.activityId))
      .where(eq(activityRsvps.userId, userId))
      .orderBy(desc(activities.startsAt)),
    db
      .select({ title: activities.title, startsAt: activities.startsAt, status: activities.status })
      .from(activityOrganisers)
      .innerJoin(activities, eq(activities.id, activityOrganisers.activityId))
      .where(eq(activityOrganisers.userId, userId))
      .orderBy(desc(activities.startsAt)),
    db.select({ createdAt: calendarTokens.createdAt }).from(calendarTokens).where(eq(calendarTokens.userId, userId)),
    db
      .select({ activity: activities.title, kind: activityViews.kind, count: sql<number>`sum(${activityViews.count})` })
      .from(activityViews)
      .innerJoin(activities, eq(activities.id, activityViews.activityId))
      .where(eq(activityViews.userId, userId))
      .groupBy(activities.id, activityViews.kind),
  ]);
  return {
    answers: answers.map((row) => ({ ...row, startsAt: iso(row.startsAt), respondedAt: iso(row.respondedAt) })),
    organised: organised.map((row) => ({ ...row, startsAt: iso(row.startsAt) })),
    calendarLinkSince: iso(calendar[0]?.createdAt ?? null),
    sponsoredActivityViews: views.map((row) => ({ ...row, count: Number(row.count) })),
  };
}
