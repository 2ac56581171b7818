// Loading what digests are made of, for a whole tenant at once (the job) or one member (the page):
// members with their preferences, neighbourhoods, last digest and last visit; and the recent posts of
// those neighbourhoods and their activities of the coming week. Selection and rendering are pure, in core (notifications/).
import { and, asc, desc, eq, gt, gte, inArray, lte, sql } from "drizzle-orm";
import { DEFAULT_DIGEST_PREFERENCES, DIGEST_ACTIVITY_HORIZON_MS, digestWindowMs, isDigestFrequency, type DigestActivityCandidate, type DigestCandidate, type DigestNeighbourhood, type DigestPreferences } from "@buurtplein/core";
import { tenantSchema, type TenantDb } from "@buurtplein/db";

const { users, memberships, neighbourhoods, sessions, jobRuns, notificationPreferences, posts, activities, activityNeighbourhoods, partners, sponsoredActivityBlocks } = tenantSchema;

/** Roles that get a digest: neighbours of their own neighbourhoods (staff read only what is shared, and get no digest). */
export const DIGEST_ROLES = ["resident", "prospective", "ambassador"] as const;

/** At most this many recent posts are considered per run (the newest; a digest shows ten). */
const CANDIDATE_LIMIT = 5000;

export interface DigestMemberRow {
  userId: string;
  displayName: string;
  email: string | null;
  locale: string | null;
  preferences: DigestPreferences;
  neighbourhoods: DigestNeighbourhood[];
  lastDigestAt: number | null;
  lastSeenAt: number | null;
}

export function membersQuery(db: TenantDb, userId?: string) {
  const neighbourhoodsJson = sql<string>`(
    SELECT json_group_array(json_object('id', ${neighbourhoods.id}, 'slug', ${neighbourhoods.slug}, 'name', ${neighbourhoods.name}))
    FROM ${memberships} INNER JOIN ${neighbourhoods} ON ${neighbourhoods.id} = ${memberships.neighbourhoodId}
    WHERE ${memberships.userId} = ${users.id} AND ${memberships.status} = 'active' AND ${neighbourhoods.archivedAt} IS NULL
  )`;
  return db
    .select({
      userId: users.id,
      displayName: users.displayName,
      email: users.email,
      locale: users.locale,
      digest: notificationPreferences.digest,
      digestHour: notificationPreferences.digestHour,
      quietStart: notificationPreferences.quietStart,
      quietEnd: notificationPreferences.quietEnd,
      neighbourhoods: neighbourhoodsJson,
      lastSeenAt: sql<number | null>`(SELECT max(${sessions.lastSeenAt}) FROM ${sessions} WHERE ${sessions.userId} = ${users.id})`,
      lastDigestAt: sql<number | null>`(SELECT max(${jobRuns.finishedAt}) FROM ${jobRuns} WHERE ${jobRuns.job} = 'digest' AND ${jobRuns.scope} = ${users.id} AND ${jobRuns.status} = 'done')`,
    })
    .from(users)
    .leftJoin(notificationPreferences, eq(notificationPreferences.userId, users.id))
    .where(and(eq(users.status, "active"), inArray(users.role, [...DIGEST_ROLES]), userId ? eq(users.id, userId) : undefined));
}

export function toDigestMember(row: Awaited<ReturnType<typeof membersQuery>>[number]): DigestMemberRow {
  return {
    userId: row.userId,
    displayName: row.displayName,
    email: row.email,
    locale: row.locale,
    preferences: {
      digest: isDigestFrequency(row.digest) ? row.digest : DEFAULT_DIGEST_PREFERENCES.digest,
      digestHour: row.digestHour ?? DEFAULT_DIGEST_PREFERENCES.digestHour,
      quietStart: row.quietStart ?? null,
      quietEnd: row.quietEnd ?? null,
    },
    neighbourhoods: JSON.parse(row.neighbourhoods ?? "[]") as DigestNeighbourhood[],
    lastDigestAt: row.lastDigestAt === null ? null : Number(row.lastDigestAt),
    lastSeenAt: row.lastSeenAt === null ? null : Number(row.lastSeenAt),
  };
}

/** Published posts of the last week (the longest digest window) in these neighbourhoods (all when omitted). */
export function candidatesQuery(db: TenantDb, now: number, neighbourhoodIds?: string[]) {
  return db
    .select({
      id: posts.id,
      neighbourhoodId: posts.neighbourhoodId,
      kind: posts.kind,
      title: posts.title,
      body: posts.body,
      authorId: posts.authorId,
      authorName: users.displayName,
      createdAt: posts.createdAt,
    })
    .from(posts)
    .leftJoin(users, eq(users.id, posts.authorId))
    .where(
      and(
        eq(posts.status, "published"),
        gt(posts.createdAt, now - digestWindowMs("weekly")),
        neighbourhoodIds ? inArray(posts.neighbourhoodId, neighbourhoodIds.length ? neighbourhoodIds : [""]) : undefined,
      ),
    )
    .orderBy(desc(posts.createdAt))
    .limit(CANDIDATE_LIMIT) satisfies PromiseLike<DigestCandidate[]>;
}


/** At most this many (activity, neighbourhood) rows per run: a week of activities of a whole corporation. */
const ACTIVITY_CANDIDATE_LIMIT = 2000;

/**
 * Published activities starting in the coming week, one row per neighbourhood they are in (all when
 * omitted), leaving out a sponsored one in a neighbourhood where the corporation switched sponsored
 * activities off (the same rule as the activity lists, activities/activity-queries.ts). Cancelled,
 * withdrawn, draft and rejected ones are not "published". One query per run, for every member at once.
 */
export function activityCandidatesQuery(db: TenantDb, now: number, neighbourhoodIds?: string[]) {
  return db
    .select({
      id: activities.id,
      neighbourhoodId: activityNeighbourhoods.neighbourhoodId,
      title: activities.title,
      place: activities.place,
      startsAt: activities.startsAt,
      sponsorName: sql<string | null>`${partners.name}`,
      updatedAt: activities.updatedAt,
    })
    .from(activityNeighbourhoods)
    .innerJoin(activities, eq(activities.id, activityNeighbourhoods.activityId))
    .leftJoin(partners, eq(partners.id, activities.sponsorPartnerId))
    .where(
      and(
        eq(activities.status, "published"),
        gte(activities.startsAt, now),
        lte(activities.startsAt, now + DIGEST_ACTIVITY_HORIZON_MS),
        sql`(${activities.sponsorPartnerId} IS NULL OR NOT EXISTS (SELECT 1 FROM ${sponsoredActivityBlocks} WHERE ${sponsoredActivityBlocks.neighbourhoodId} = ${activityNeighbourhoods.neighbourhoodId}))`,
        neighbourhoodIds ? inArray(activityNeighbourhoods.neighbourhoodId, neighbourhoodIds.length ? neighbourhoodIds : [""]) : undefined,
      ),
    )
    .orderBy(asc(activities.startsAt), asc(activities.id))
    .limit(ACTIVITY_CANDIDATE_LIMIT) satisfies PromiseLike<DigestActivityCandidate[]>;
}
