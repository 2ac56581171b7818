// Who may see and change an activity. Members see the published activities of their neighbourhoods
// (a sponsored one only where sponsored activities are on); organisers and staff manage residents'
// activities; a partner sees and manages only their own organisation's sponsored ones, and never names.
import { eq } from "drizzle-orm";
import { AppError, can, isStaff, maskCount } from "@buurtplein/core";
import { tenantSchema, type TenantDb } from "@buurtplein/db";
import type { Actor } from "../env.ts";
import type { LoadedActivity } from "./activity-queries.ts";

const { users, partners } = tenantSchema;

export const NOT_FOUND = { message: "apiErrors.activities.notFound" } as const;

/** The organisation of a partner user, or 403. */
export async function partnerOrganisation(db: TenantDb, actor: Actor): Promise<{ id: string; name: string }> {
  if (!can(actor, "activity.sponsor")) throw new AppError("forbidden", { message: "apiErrors.activities.notPartner" });
  const [row] = await db
    .select({ id: partners.id, name: partners.name })
    .from(users)
    .innerJoin(partners, eq(partners.id, users.partnerId))
    .where(eq(users.id, actor.userId))
    .limit(1);
  if (!row) throw new AppError("forbidden", { message: "apiErrors.activities.noOrganisation" });
  return row;
}

/** The neighbourhoods of this activity where this member may see it. */
function visibleNeighbourhoodsFor(actor: Actor, activity: LoadedActivity) {
  const sponsored = activity.activity.sponsorPartnerId !== null;
  return activity.neighbourhoods.filter((place) => can(actor, "feed.read", { neighbourhoodId: place.id }) && !(sponsored && place.sponsoredOff));
}

export function isOrganiser(actor: Actor, activity: LoadedActivity): boolean {
  return activity.organisers.some((organiser) => organiser.userId === actor.userId);
}

export function isOwnPartnerActivity(actor: Actor, activity: LoadedActivity, partnerId: string | null): boolean {
  return actor.role === "partner" && partnerId !== null && activity.activity.sponsorPartnerId === partnerId;
}

/** Whether the actor may see this activity at all (else it is "not found" for them). */
export function maySee(actor: Actor, activity: LoadedActivity, partnerId: string | null): boolean {
  if (isStaff(actor.role)) return true;
  if (actor.role === "partner") return isOwnPartnerActivity(actor, activity, partnerId);
  if (isOrganiser(actor, activity)) return true;
  const shown = activity.activity.status === "published" || activity.activity.status === "cancelled";
  return shown && visibleNeighbourhoodsFor(actor, activity).length > 0;
}

/** The neighbourhood a member's view counts for (reach), if any. */
export function viewNeighbourhood(actor: Actor, activity: LoadedActivity): string | null {
  if (isStaff(actor.role) || actor.role === "partner") return null;
  return visibleNeighbourhoodsFor(actor, activity)[0]?.id ?? null;
}

/**
 * Whether the actor may edit or cancel: a sponsored activity by its organisation's partner (cancel: staff
 * too); a resident's by its organisers and staff.
 */
export function mayManage(actor: Actor, activity: LoadedActivity, partnerId: string | null, purpose: "edit" | "cancel"): boolean {
  if (activity.activity.sponsorPartnerId !== null) {
    return isOwnPartnerActivity(actor, activity, partnerId) || (purpose === "cancel" && isStaff(actor.role));
  }
  return isStaff(actor.role) || isOrganiser(actor, activity);
}

/** The partner id of a partner actor (null for anyone else); one query, only for partners. */
export async function partnerIdOf(db: TenantDb, actor: Actor): Promise<string | null> {
  if (actor.role !== "partner") return null;
  const [row] = await db.select({ partnerId: users.partnerId }).from(users).where(eq(users.id, actor.userId)).limit(1);
  return row?.partnerId ?? null;
}

/** The activity as the API answers it; a partner sees counts under 5 as "< 5" and no organisers' names. */
export function activityAnswer(actor: Actor, activity: LoadedActivity, partnerId: string | null) {
  const a = activity.activity;
  const partnerView = actor.role === "partner";
  const manager = mayManage(actor, activity, partnerId, "edit") || mayManage(actor, activity, partnerId, "cancel");
  const counts = partnerView
    ? { going: maskCount(activity.going), maybe: maskCount(activity.maybe), waitlisted: maskCount(activity.waitlisted) }
    : { going: activity.going, maybe: activity.maybe, waitlisted: activity.waitlisted };
  return {
    id: a.id,
    title: a.title,
    description: a.description,
    place: a.place,
    startsAt: a.startsAt,
    endsAt: a.endsAt,
    capacity: a.capacity,
    registrationDeadline: a.registrationDeadline,
    status: a.status,
    cancelMessage: a.cancelMessage,
    sponsor: activity.sponsorName ? { name: activity.sponsorName, note: a.sponsorNote } : null,
    neighbourhoods: activity.neighbourhoods.map((place) => ({ slug: place.slug, name: place.name })),
    organisers: partnerView || a.sponsorPartnerId !== null ? [] : activity.organisers.map((organiser) => ({ displayName: organiser.displayName })),
    counts,
    myRsvp: activity.myAnswer ? { answer: activity.myAnswer, waitlisted: Boolean(activity.myWaitlisted) } : null,
    /** The corporation's reason for a rejection: only for whoever manages the activity. */
    reviewReason: manager || isStaff(actor.role) ? a.reviewReason : null,
    canEdit: mayManage(actor, activity, partnerId, "edit"),
    canCancel: mayManage(actor, activity, partnerId, "cancel"),
    canSeeAttendees: a.sponsorPartnerId === null ? isStaff(actor.role) || isOrganiser(actor, activity) : isStaff(actor.role),
    canRsvp: activity.neighbourhoods.some((place) => can(actor, "activity.rsvp", { neighbourhoodId: place.id })),
  };
}
