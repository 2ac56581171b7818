// Queries of the activities domain. Reads use drizzle; an answer (RSVP) and the waiting list that moves
// up are two statements in ONE write transaction (BEGIN IMMEDIATE), and the capacity check sits inside
// the insert itself: two people taking the last place at once are applied one after the other by the
// database, and the second finds the activity full. The rules are the ones of
// packages/core/src/activities/rsvp-rules.ts.
import { and, asc, desc, eq, gte, inArray, lt, sql, type SQLWrapper } from "drizzle-orm";
import type { Client } from "@libsql/client/web";
import type { RsvpAnswer } from "@buurtplein/core";
import { tenantSchema, type TenantDb } from "@buurtplein/db";

const { activities, activityNeighbourhoods, activityOrganisers, activityRsvps, activityViews, neighbourhoods, partners, sponsoredActivityBlocks, users } = tenantSchema;

/** Published, and not a sponsored one in a neighbourhood where the corporation switched those off. */
function visibleIn(neighbourhoodId: string | SQLWrapper) {
  return and(
    eq(activities.status, "published"),
    sql`(${activities.sponsorPartnerId} IS NULL OR NOT EXISTS (SELECT 1 FROM ${sponsoredActivityBlocks} WHERE ${sponsoredActivityBlocks.neighbourhoodId} = ${neighbourhoodId}))`,
  );
}

const placedCount = sql<number>`(SELECT count(*) FROM ${activityRsvps} r WHERE r.activity_id = ${activities.id} AND r.answer = 'going' AND r.waitlisted = 0)`;
const maybeCount = sql<number>`(SELECT count(*) FROM ${activityRsvps} r WHERE r.activity_id = ${activities.id} AND r.answer = 'maybe')`;
const waitlistCount = sql<number>`(SELECT count(*) FROM ${activityRsvps} r WHERE r.activity_id = ${activities.id} AND r.answer = 'going' AND r.waitlisted = 1)`;

function listColumns(viewerId: string | null) {
  return {
    id: activities.id,
    title: activities.title,
    place: activities.place,
    startsAt: activities.startsAt,
    endsAt: activities.endsAt,
    capacity: activities.capacity,
    status: activities.status,
    sponsor: sql<string | null>`${partners.name}`,
    going: placedCount,
    maybe: maybeCount,
    waitlisted: waitlistCount,
    myAnswer: sql<string | null>`(SELECT r.answer FROM ${activityRsvps} r WHERE r.activity_id = ${activities.id} AND r.user_id = ${viewerId ?? ""})`,
    myWaitlisted: sql<number | null>`(SELECT r.waitlisted FROM ${activityRsvps} r WHERE r.activity_id = ${activities.id} AND r.user_id = ${viewerId ?? ""})`,
  };
}

export const PAST_LIMIT = 20;
export const FEED_ACTIVITY_LIMIT = 3;

/** A neighbourhood's published activities that have not ended, soonest first. */
export function upcomingActivitiesQuery(db: TenantDb, options: { neighbourhoodId: string | SQLWrapper; viewerId: string | null; now: number; limit?: number }) {
  const query = db
    .select(listColumns(options.viewerId))
    .from(activityNeighbourhoods)
    .innerJoin(activities, eq(activities.id, activityNeighbourhoods.activityId))
    .leftJoin(partners, eq(partners.id, activities.sponsorPartnerId))
    .where(and(eq(activityNeighbourhoods.neighbourhoodId, options.neighbourhoodId), visibleIn(activityNeighbourhoods.neighbourhoodId), gte(activities.endsAt, options.now)))
    .orderBy(asc(activities.startsAt), asc(activities.id));
  return options.limit ? query.limit(options.limit) : query.limit(200);
}

/** A neighbourhood's published activities that have ended, most recent first. */
export function pastActivitiesQuery(db: TenantDb, options: { neighbourhoodId: string | SQLWrapper; viewerId: string | null; now: number }) {
  return db
    .select(listColumns(options.viewerId))
    .from(activityNeighbourhoods)
    .innerJoin(activities, eq(activities.id, activityNeighbourhoods.activityId))
    .leftJoin(partners, eq(partners.id, activities.sponsorPartnerId))
    .where(and(eq(activityNeighbourhoods.neighbourhoodId, options.neighbourhoodId), visibleIn(activityNeighbourhoods.neighbourhoodId), lt(activities.endsAt, options.now)))
    .orderBy(desc(activities.startsAt), desc(activities.id))
    .limit(PAST_LIMIT);
}

/** For the feed's batch: the next few activities of the neighbourhood a slug names. */
export function feedActivitiesQuery(db: TenantDb, neighbourhoodId: SQLWrapper, viewerId: string | null) {
  return upcomingActivitiesQuery(db, { neighbourhoodId, viewerId, now: Date.now(), limit: FEED_ACTIVITY_LIMIT });
}

export type ActivityListRow = Awaited<ReturnType<typeof upcomingActivitiesQuery>>[number];

/** An activity row as the API answers it in a list. */
export function listItem(row: ActivityListRow) {
  return {
    id: row.id,
    title: row.title,
    place: row.place,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    capacity: row.capacity,
    status: row.status,
    sponsor: row.sponsor ? { name: row.sponsor } : null,
    counts: { going: Number(row.going), maybe: Number(row.maybe), waitlisted: Number(row.waitlisted) },
    myRsvp: row.myAnswer ? { answer: row.myAnswer as RsvpAnswer, waitlisted: Boolean(row.myWaitlisted) } : null,
  };
}

/** One activity with its sponsor, neighbourhoods, organisers and counts (one batch). */
export async function loadActivity(db: TenantDb, id: string, viewerId: string | null) {
  const [rows, places, organisers] = await db.batch([
    db
      .select({
        activity: activities,
        sponsorName: sql<string | null>`${partners.name}`,
        going: placedCount,
        maybe: maybeCount,
        waitlisted: waitlistCount,
        myAnswer: listColumns(viewerId).myAnswer,
        myWaitlisted: listColumns(viewerId).myWaitlisted,
      })
      .from(activities)
      .leftJoin(partners, eq(partners.id, activities.sponsorPartnerId))
      .where(eq(activities.id, id))
      .limit(1),
    db
      .select({
        id: neighbourhoods.id,
        slug: neighbourhoods.slug,
        name: neighbourhoods.name,
        sponsoredOff: sql<number>`EXISTS (SELECT 1 FROM ${sponsoredActivityBlocks} WHERE ${sponsoredActivityBlocks.neighbourhoodId} = ${neighbourhoods.id})`,
      })
      .from(activityNeighbourhoods)
      .innerJoin(neighbourhoods, eq(neighbourhoods.id, activityNeighbourhoods.neighbourhoodId))
      .where(eq(activityNeighbourhoods.activityId, id))
      .orderBy(neighbourhoods.name),
    db
      .select({ userId: activityOrganisers.userId, displayName: users.displayName })
      .from(activityOrganisers)
      .innerJoin(users, eq(users.id, activityOrganisers.userId))
      .where(eq(activityOrganisers.activityId, id)),
  ]);
  const row = rows[0];
  if (!row) return null;
  return {
    ...row,
    going: Number(row.going),
    maybe: Number(row.maybe),
    waitlisted: Number(row.waitlisted),
    neighbourhoods: places.map((place) => ({ ...place, sponsoredOff: Boolean(place.sponsoredOff) })),
    organisers,
  };
}

export type LoadedActivity = NonNullable<Awaited<ReturnType<typeof loadActivity>>>;

const RSVP_SQL = `
INSERT INTO activity_rsvps (activity_id, user_id, answer, waitlisted, responded_at)
SELECT a.id, :user, :answer,
  CASE WHEN :answer = 'going' AND a.capacity IS NOT NULL
        AND (SELECT count(*) FROM activity_rsvps r
             WHERE r.activity_id = a.id AND r.answer = 'going' AND r.waitlisted = 0 AND r.user_id <> :user) >= a.capacity
       THEN 1 ELSE 0 END,
  :now
FROM activities a WHERE a.id = :activity AND a.status = 'published'
ON CONFLICT (activity_id, user_id) DO UPDATE SET
  waitlisted = CASE WHEN excluded.answer <> 'going' THEN 0
                    WHEN activity_rsvps.answer = 'going' THEN activity_rsvps.waitlisted
                    ELSE excluded.waitlisted END,
  responded_at = CASE WHEN activity_rsvps.answer = 'going' AND excluded.answer = 'going' THEN activity_rsvps.responded_at
                      ELSE excluded.responded_at END,
  answer = excluded.answer
RETURNING answer, waitlisted`;

/** Free places go to the waiting list in order (all of it when there is no capacity); who moved up is returned. */
const FILL_FREE_PLACES_SQL = `
UPDATE activity_rsvps SET waitlisted = 0
WHERE activity_id = :activity AND answer = 'going' AND waitlisted = 1 AND user_id IN (
  SELECT r.user_id FROM activity_rsvps r
  WHERE r.activity_id = :activity AND r.answer = 'going' AND r.waitlisted = 1
  ORDER BY r.responded_at, r.user_id
  LIMIT coalesce((
    SELECT CASE WHEN a.capacity IS NULL THEN -1
                ELSE max(0, a.capacity - (SELECT count(*) FROM activity_rsvps p WHERE p.activity_id = a.id AND p.answer = 'going' AND p.waitlisted = 0)) END
    FROM activities a WHERE a.id = :activity AND a.status = 'published'), 0)
)
RETURNING user_id`;

/**
 * One person's answer and the waiting list moving up, in one write transaction. Returns null when the
 * activity is not (or no longer) published.
 */
export async function answerRsvp(client: Client, activityId: string, userId: string, answer: RsvpAnswer, now: number) {
  const [placed, filled] = await client.batch(
    [
      { sql: RSVP_SQL, args: { activity: activityId, user: userId, answer, now } },
      { sql: FILL_FREE_PLACES_SQL, args: { activity: activityId } },
    ],
    "write",
  );
  const row = placed?.rows[0];
  if (!row) return null;
  return {
    rsvp: { answer: String(row.answer) as RsvpAnswer, waitlisted: Number(row.waitlisted) === 1 },
    movedUp: (filled?.rows ?? []).map((moved) => String(moved.user_id)),
  };
}

/** After a capacity change: fill the free places from the waiting list. */
export async function fillFreePlaces(client: Client, activityId: string): Promise<string[]> {
  const [filled] = await client.batch([{ sql: FILL_FREE_PLACES_SQL, args: { activity: activityId } }], "write");
  return (filled?.rows ?? []).map((moved) => String(moved.user_id));
}

/** Counts a person seeing sponsored activities (in a list: "shown"; opened: "detail"), per neighbourhood. */
export function recordViews(db: TenantDb, views: { activityId: string; neighbourhoodId: string; userId: string; kind: "shown" | "detail" }[]) {
  return views.map((view) =>
    db
      .insert(activityViews)
      .values({ ...view, count: 1 })
      .onConflictDoUpdate({
        target: [activityViews.activityId, activityViews.neighbourhoodId, activityViews.userId, activityViews.kind],
        set: { count: sql`${activityViews.count} + 1` },
      }),
  );
}

/** People who said going or maybe (waiting list included), with what an e-mail to them needs. */
export function participantsQuery(db: TenantDb, activityId: string, answers: RsvpAnswer[]) {
  return db
    .select({ userId: users.id, email: users.email, displayName: users.displayName, locale: users.locale, street: users.street, answer: activityRsvps.answer, waitlisted: activityRsvps.waitlisted, respondedAt: activityRsvps.respondedAt })
    .from(activityRsvps)
    .innerJoin(users, eq(users.id, activityRsvps.userId))
    .where(and(eq(activityRsvps.activityId, activityId), inArray(activityRsvps.answer, answers)))
    .orderBy(asc(activityRsvps.respondedAt), asc(users.id));
}

