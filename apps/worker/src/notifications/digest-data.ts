// Loading what digests are made of, for a whole tenant at once (the job) or one member (the page):
// members with their preferences, neighbourhoods, last digest and last visit; and the recent posts of
// those neighbourhoods. Selection and rendering are pure, in core (notifications/).
import { and, desc, eq, gt, inArray, sql } from "drizzle-orm";
import { DEFAULT_DIGEST_PREFERENCES, digestWindowMs, isDigestFrequency, type DigestCandidate, type DigestNeighbourhood, type DigestPreferences } from "@buurtplein/core";
import { tenantSchema, type TenantDb } from "@buurtplein/db";

const { users, memberships, neighbourhoods, sessions, jobRuns, notificationPreferences, posts } = tenantSchema;

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

