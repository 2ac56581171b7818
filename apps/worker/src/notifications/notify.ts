// The one function other domains call to tell someone something in the app (the bell and /meldingen).
//
//   await notify(site.db, { to: [authorId], kind: "reply", actorId, subjectId: postId,
//                           url: `/buurt/${slug}`, params: { name, title } });
//   await notify(site.db, { to: { ambassadorsOf: neighbourhoodId }, kind: "new_member", … });
//   await notify(site.db, { to: { reviewersOf: neighbourhoodId }, kind: "approval_needed", … });
//
// `to` is a list of user ids, or a group resolved here: a neighbourhood's active ambassadors, or its
// reviewers (active moderators and admins, and that neighbourhood's ambassadors). The actor is never
// told about their own action. Grouped kinds (reactions) add to the unread notification about the same
// subject instead of adding a row. One statement per call; params are the names the kind's text needs
// (catalogue: notifications.kinds.<kind>), translated when shown.
import { and, eq, inArray, or, sql } from "drizzle-orm";
import { GROUPED_NOTIFICATION_KINDS, type NotificationKind } from "@buurtplein/core";
import { tenantSchema, type TenantDb } from "@buurtplein/db";

const { notifications, users, memberships } = tenantSchema;

export type NotificationRecipients = readonly string[] | { ambassadorsOf: string } | { reviewersOf: string };

export interface NotifyInput {
  to: NotificationRecipients;
  kind: NotificationKind;
  neighbourhoodId?: string | null;
  actorId?: string | null;
  subjectId?: string | null;
  /** A path on the corporation's site, e.g. "/beheer/aanmeldingen". */
  url?: string | null;
  /** Someone else who should not be told (e.g. the ambassador who registered the newcomer). */
  except?: string | null;
  params?: Record<string, string | number>;
}

function recipientsQuery(db: TenantDb, to: Exclude<NotificationRecipients, readonly string[]>) {
  const neighbourhoodId = "ambassadorsOf" in to ? to.ambassadorsOf : to.reviewersOf;
  const ambassadorHere = and(
    eq(users.role, "ambassador"),
    sql`EXISTS (SELECT 1 FROM ${memberships} WHERE ${memberships.userId} = ${users.id} AND ${memberships.neighbourhoodId} = ${neighbourhoodId} AND ${memberships.status} = 'active')`,
  );
  const who = "ambassadorsOf" in to ? ambassadorHere : or(inArray(users.role, ["moderator", "admin"]), ambassadorHere);
  return db.select({ id: users.id }).from(users).where(and(eq(users.status, "active"), who));
}

/** Creates the notifications; returns how many people were told. */
export async function notify(db: TenantDb, input: NotifyInput): Promise<number> {
  const ids = Array.isArray(input.to)
    ? [...new Set(input.to as readonly string[])]
    : (await recipientsQuery(db, input.to as Exclude<NotificationRecipients, readonly string[]>)).map((row) => row.id);
  const recipients = ids.filter((id) => id !== input.actorId && id !== input.except);
  if (recipients.length === 0) return 0;
  const now = Date.now();
  const grouped = GROUPED_NOTIFICATION_KINDS.includes(input.kind) && input.subjectId;
  const rows = recipients.map((userId) => ({
    id: crypto.randomUUID(),
    userId,
    kind: input.kind,
    neighbourhoodId: input.neighbourhoodId ?? null,
    actorId: input.actorId ?? null,
    subjectId: input.subjectId ?? null,
    url: input.url ?? null,
    params: input.params ?? {},
    groupKey: grouped ? `${input.kind}:${input.subjectId}` : null,
    createdAt: now,
  }));
  if (grouped) {
    // One unread row per (member, subject): a new reaction counts up and moves it to the top.
    await db
      .insert(notifications)
      .values(rows)
      .onConflictDoUpdate({
        target: [notifications.userId, notifications.groupKey],
        targetWhere: sql`read_at IS NULL AND group_key IS NOT NULL`,
        set: { count: sql`${notifications.count} + 1`, createdAt: now, actorId: sql`excluded.actor_id`, params: sql`excluded.params` },
      });
  } else {
    await db.insert(notifications).values(rows);
  }
  return recipients.length;
}

/** Unread notifications of one member, as a SQL expression (the session middleware's batch counts it). */
export function unreadCountSql(userIdColumn: typeof users.id) {
  return sql<number>`(SELECT count(*) FROM ${notifications} WHERE ${notifications.userId} = ${userIdColumn} AND ${notifications.readAt} IS NULL)`;
}


/** A new member in a neighbourhood: its ambassadors are told, to welcome them. */
export function notifyNewMember(
  db: TenantDb,
  member: { id: string; displayName: string },
  neighbourhood: { id: string; slug: string; name: string },
  except: string | null = null,
): Promise<number> {
  return notify(db, {
    except,
    to: { ambassadorsOf: neighbourhood.id },
    kind: "new_member",
    neighbourhoodId: neighbourhood.id,
    actorId: member.id,
    subjectId: member.id,
    url: `/buurt/${neighbourhood.slug}`,
    params: { name: member.displayName, neighbourhood: neighbourhood.name },
  });
}

/** Someone waits for approval: staff and that neighbourhood's ambassadors are told. */
export function notifyApprovalNeeded(db: TenantDb, member: { id: string; displayName: string }, neighbourhood: { id: string; name: string }): Promise<number> {
  return notify(db, {
    to: { reviewersOf: neighbourhood.id },
    kind: "approval_needed",
    neighbourhoodId: neighbourhood.id,
    actorId: member.id,
    subjectId: member.id,
    url: "/beheer/aanmeldingen",
    params: { name: member.displayName, neighbourhood: neighbourhood.name },
  });
}
