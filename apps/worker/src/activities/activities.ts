// /api/activities: one activity (read, answer, .ics, who is going, edit, cancel) and the corporation's
// review of sponsored activities (queue, approve, reject with a reason).
import { Hono, type Context } from "hono";
import { and, asc, desc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { z } from "zod";
import {
  AppError,
  ZActivityInput,
  ZCancelInput,
  ZPartnerActivityInput,
  ZRejectInput,
  ZRsvpInput,
  can,
  renderICalendar,
  rsvpRefusal,
  type MessageKey,
} from "@buurtplein/core";
import { tenantSchema } from "@buurtplein/db";
import type { Actor, AppEnv } from "../env.ts";
import { parseInput, readJson } from "../lib/errors.ts";
import { runInBackground } from "../lib/background.ts";
import { audit } from "../lib/audit.ts";
import { requireActor, requirePermission, tenantSite } from "../middleware/session.ts";
import { answerRsvp, fillFreePlaces, loadActivity, participantsQuery, recordViews, type LoadedActivity } from "./activity-queries.ts";
import { NOT_FOUND, activityAnswer, mayManage, maySee, partnerIdOf, viewNeighbourhood } from "./activity-access.ts";
import { noticeCancelled, noticeMovedUp, noticeRsvp } from "./activity-notices.ts";
import { calendarEvent } from "./calendar-events.ts";
import { checkPartnerNeighbourhoods } from "./partner-activities.ts";

const { activities, activityNeighbourhoods, activityOrganisers, activityRsvps, neighbourhoods, partners, sponsoredActivityBlocks } = tenantSchema;
const ZOrganiserInput = z.object({ userId: z.string().trim().min(1).max(64) });

type TenantSite = ReturnType<typeof tenantSite>;

/** The activity if this actor may see it; else 404 (an id of another corporation, or not for them). */
async function visibleActivity(c: Context<AppEnv>, site: TenantSite, actor: Actor) {
  const activity = await loadActivity(site.db, c.req.param("id") ?? "", actor.userId);
  const partnerId = await partnerIdOf(site.db, actor);
  // Another organisation's sponsored activity: a partner learns it is not theirs (as in /api/partner).
  if (activity && actor.role === "partner" && activity.activity.sponsorPartnerId !== null && activity.activity.sponsorPartnerId !== partnerId) {
    throw new AppError("forbidden", { message: "apiErrors.activities.otherOrganisation" });
  }
  if (!activity || !maySee(actor, activity, partnerId)) throw new AppError("not_found", NOT_FOUND);
  return { activity, partnerId };
}

const RSVP_REFUSALS: Record<NonNullable<ReturnType<typeof rsvpRefusal>>, MessageKey> = {
  not_open: "apiErrors.activities.notOpen",
  ended: "apiErrors.activities.ended",
  deadline_passed: "apiErrors.activities.deadlinePassed",
};

function assertChangeable(activity: LoadedActivity) {
  if (activity.activity.status === "cancelled" || activity.activity.status === "withdrawn") {
    throw new AppError("conflict", { message: "apiErrors.activities.cannotChange" });
  }
}

export const activityRoutes = new Hono<AppEnv>()

// GET /api/activities/review — staff: sponsored activities waiting for review, the published ones, and
// per neighbourhood whether sponsored activities are on.
.get("/review", async (c) => {
  const site = tenantSite(c.get("site"));
  requirePermission(c.get("actor"), "activity.review", {}, "apiErrors.activities.reviewStaffOnly");
  const placesOf = sql<string>`(SELECT json_group_array(n.name) FROM ${activityNeighbourhoods} an JOIN ${neighbourhoods} n ON n.id = an.neighbourhood_id WHERE an.activity_id = ${activities.id})`;
  const columns = {
    id: activities.id,
    title: activities.title,
    description: activities.description,
    place: activities.place,
    startsAt: activities.startsAt,
    endsAt: activities.endsAt,
    capacity: activities.capacity,
    status: activities.status,
    sponsorNote: activities.sponsorNote,
    organisation: partners.name,
    neighbourhoods: placesOf,
    updatedAt: activities.updatedAt,
  };
  const [waiting, published, places] = await site.db.batch([
    site.db.select(columns).from(activities).innerJoin(partners, eq(partners.id, activities.sponsorPartnerId)).where(eq(activities.status, "submitted")).orderBy(asc(activities.updatedAt)),
    site.db
      .select(columns)
      .from(activities)
      .innerJoin(partners, eq(partners.id, activities.sponsorPartnerId))
      .where(and(eq(activities.status, "published"), isNotNull(activities.sponsorPartnerId)))
      .orderBy(desc(activities.startsAt))
      .limit(50),
    site.db
      .select({ slug: neighbourhoods.slug, name: neighbourhoods.name, sponsoredOff: sql<number>`${sponsoredActivityBlocks.neighbourhoodId} IS NOT NULL` })
      .from(neighbourhoods)
      .leftJoin(sponsoredActivityBlocks, eq(sponsoredActivityBlocks.neighbourhoodId, neighbourhoods.id))
      .orderBy(neighbourhoods.name),
  ]);
  const shape = (row: (typeof waiting)[number]) => ({ ...row, neighbourhoods: JSON.parse(row.neighbourhoods) as string[] });
  return c.json({
    waiting: waiting.map(shape),
    published: published.map(shape),
    neighbourhoods: places.map((place) => ({ ...place, sponsoredOff: Boolean(place.sponsoredOff) })),
  });
})

// GET /api/activities/:id — one activity with counts and my answer (a partner: counts as "< 5" under five).
.get("/:id", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requireActor(c.get("actor"));
  const { activity, partnerId } = await visibleActivity(c, site, actor);
  const viewedIn = activity.activity.sponsorPartnerId !== null ? viewNeighbourhood(actor, activity) : null;
  if (viewedIn) {
    runInBackground(c, "activity view not counted", async () => {
      await Promise.all(recordViews(site.db, [{ activityId: activity.activity.id, neighbourhoodId: viewedIn, userId: actor.userId, kind: "detail" }]));
    });
  }
  return c.json({ activity: activityAnswer(actor, activity, partnerId) });
})

// POST /api/activities/:id/rsvp { answer } — going / maybe / not going; full → the waiting list.
.post("/:id/rsvp", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requireActor(c.get("actor"));
  // Answering is for members of one of the activity's neighbourhoods (403 for anyone else, as can() says).
  const found = await loadActivity(site.db, c.req.param("id"), actor.userId);
  if (found && !found.neighbourhoods.some((place) => can(actor, "activity.rsvp", { neighbourhoodId: place.id }))) {
    throw new AppError("forbidden", { message: "apiErrors.activities.notMember" });
  }
  const { activity } = await visibleActivity(c, site, actor);
  const { answer } = parseInput(ZRsvpInput, await readJson(c));
  const now = Date.now();
  const refusal = rsvpRefusal(activity.activity, answer, now);
  if (refusal) throw new AppError("conflict", { message: RSVP_REFUSALS[refusal] });
  const result = await answerRsvp(site.client, activity.activity.id, actor.userId, answer, now);
  // Cancelled between our read and the write: the insert found no published activity.
  if (!result) throw new AppError("conflict", { message: "apiErrors.activities.notOpen" });
  noticeMovedUp(c, site, activity.activity, result.movedUp);
  // The organisers hear who takes part (in the app; names are theirs to see, partners never get this).
  if (result.rsvp.answer === "going" && !result.rsvp.waitlisted) {
    noticeRsvp(c, site, activity.activity, activity.organisers.map((organiser) => organiser.userId), actor);
  }
  return c.json({ rsvp: result.rsvp });
})

// GET /api/activities/:id/ics — the activity as an iCalendar file.
.get("/:id/ics", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requireActor(c.get("actor"));
  const { activity } = await visibleActivity(c, site, actor);
  const origin = new URL(c.req.url);
  const body = renderICalendar({ events: [calendarEvent(activity.activity, origin, "CONFIRMED")], now: Date.now() });
  return c.body(body, 200, {
    "content-type": "text/calendar; charset=utf-8",
    "content-disposition": `attachment; filename="activiteit-${activity.activity.id.slice(0, 8)}.ics"`,
    "cache-control": "private, no-store",
  });
})

// GET /api/activities/:id/attendees — the organisers and staff see who is going (names); nobody else.
.get("/:id/attendees", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requireActor(c.get("actor"));
  const { activity, partnerId } = await visibleActivity(c, site, actor);
  if (!activityAnswer(actor, activity, partnerId).canSeeAttendees) throw new AppError("forbidden", { message: "apiErrors.activities.notYours" });
  const people = await participantsQuery(site.db, activity.activity.id, ["going", "maybe"]);
  const organiserIds = new Set(activity.organisers.map((organiser) => organiser.userId));
  const person = (row: (typeof people)[number]) => ({ id: row.userId, displayName: row.displayName, street: row.street, organiser: organiserIds.has(row.userId) });
  return c.json({
    activity: { id: activity.activity.id, title: activity.activity.title },
    going: people.filter((row) => row.answer === "going" && !row.waitlisted).map(person),
    maybe: people.filter((row) => row.answer === "maybe").map(person),
    waitlist: people.filter((row) => row.answer === "going" && row.waitlisted).map(person),
  });
})

// POST /api/activities/:id/organisers { userId } — an organiser makes someone who said going or maybe a
// co-organiser (a resident's activity only).
.post("/:id/organisers", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requireActor(c.get("actor"));
  const { activity, partnerId } = await visibleActivity(c, site, actor);
  if (activity.activity.sponsorPartnerId !== null || !mayManage(actor, activity, partnerId, "edit")) {
    throw new AppError("forbidden", { message: "apiErrors.activities.notYours" });
  }
  const { userId } = parseInput(ZOrganiserInput, await readJson(c));
  const [answered] = await site.db
    .select({ userId: activityRsvps.userId })
    .from(activityRsvps)
    .where(and(eq(activityRsvps.activityId, activity.activity.id), eq(activityRsvps.userId, userId), inArray(activityRsvps.answer, ["going", "maybe"])))
    .limit(1);
  if (!answered) throw new AppError("not_found", { message: "apiErrors.activities.organiserNotParticipant" });
  await site.db.insert(activityOrganisers).values({ activityId: activity.activity.id, userId }).onConflictDoNothing();
  return c.json({ organiser: { userId } });
})

// PATCH /api/activities/:id — change an activity (its organisers or staff; a sponsored one: its partner,
// after which it waits for review again).
.patch("/:id", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requireActor(c.get("actor"));
  const { activity, partnerId } = await visibleActivity(c, site, actor);
  if (!mayManage(actor, activity, partnerId, "edit")) throw new AppError("forbidden", { message: "apiErrors.activities.notYours" });
  assertChangeable(activity);
  const sponsored = activity.activity.sponsorPartnerId !== null;
  const body = await readJson(c);
  const partnerInput = sponsored ? parseInput(ZPartnerActivityInput, body) : null;
  const input = partnerInput ?? parseInput(ZActivityInput, body);
  const now = Date.now();
  const id = activity.activity.id;
  // A sponsored activity goes back to review after any change (a draft stays a draft).
  const status = sponsored && activity.activity.status !== "draft" ? "submitted" : activity.activity.status;
  const set = {
    title: input.title,
    description: input.description,
    place: input.place,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    capacity: input.capacity,
    registrationDeadline: input.registrationDeadline,
    status,
    ...(partnerInput ? { sponsorNote: partnerInput.sponsorNote, reviewReason: null } : {}),
    sequence: sql`${activities.sequence} + 1`,
    updatedAt: now,
  };
  if (partnerInput) {
    const placeIds = await checkPartnerNeighbourhoods(site.db, activity.activity.sponsorPartnerId!, partnerInput.neighbourhoods);
    await site.db.batch([
      site.db.update(activities).set(set).where(eq(activities.id, id)),
      site.db.delete(activityNeighbourhoods).where(eq(activityNeighbourhoods.activityId, id)),
      site.db.insert(activityNeighbourhoods).values(placeIds.map((neighbourhoodId) => ({ activityId: id, neighbourhoodId }))),
    ]);
  } else {
    await site.db.update(activities).set(set).where(eq(activities.id, id));
  }
  // More places (or none as maximum): the waiting list moves up.
  const movedUp = await fillFreePlaces(site.client, id);
  noticeMovedUp(c, site, { id, title: input.title, startsAt: input.startsAt }, movedUp);
  return c.json({ activity: { id, status } });
})

// POST /api/activities/:id/cancel { message } — everyone who said going or maybe is told, by e-mail.
.post("/:id/cancel", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requireActor(c.get("actor"));
  const { activity, partnerId } = await visibleActivity(c, site, actor);
  if (!mayManage(actor, activity, partnerId, "cancel")) throw new AppError("forbidden", { message: "apiErrors.activities.notYours" });
  const { message } = parseInput(ZCancelInput, await readJson(c));
  if (activity.activity.status === "cancelled") throw new AppError("conflict", { message: "apiErrors.activities.alreadyCancelled" });
  assertChangeable(activity);
  const id = activity.activity.id;
  const [, recipients] = await site.db.batch([
    site.db
      .update(activities)
      .set({ status: "cancelled", cancelMessage: message, sequence: sql`${activities.sequence} + 1`, updatedAt: Date.now() })
      .where(eq(activities.id, id)),
    participantsQuery(site.db, id, ["going", "maybe"]),
  ]);
  if (activity.activity.status === "published") noticeCancelled(c, site, activity.activity, recipients, message);
  return c.json({ activity: { id, status: "cancelled" } });
})

// POST /api/activities/:id/approve — staff publish a submitted sponsored activity.
.post("/:id/approve", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requirePermission(c.get("actor"), "activity.review", {}, "apiErrors.activities.reviewStaffOnly");
  return c.json(await decide(c, site, actor, "published", null));
})

// POST /api/activities/:id/reject { reason } — staff send it back; the partner sees the reason.
.post("/:id/reject", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requirePermission(c.get("actor"), "activity.review", {}, "apiErrors.activities.reviewStaffOnly");
  const { reason } = parseInput(ZRejectInput, await readJson(c));
  return c.json(await decide(c, site, actor, "rejected", reason));
});

async function decide(c: Context<AppEnv>, site: TenantSite, actor: Actor, status: "published" | "rejected", reason: string | null) {
  const id = c.req.param("id") ?? "";
  const [row] = await site.db.select({ status: activities.status, sponsorPartnerId: activities.sponsorPartnerId }).from(activities).where(eq(activities.id, id)).limit(1);
  if (!row) throw new AppError("not_found", NOT_FOUND);
  if (row.sponsorPartnerId === null) throw new AppError("conflict", { message: "apiErrors.activities.notSponsored" });
  // Only a submitted one, checked in the update itself: two reviewers at once cannot both decide.
  const updated = await site.db
    .update(activities)
    .set({ status, reviewReason: reason, reviewedById: actor.userId, updatedAt: Date.now() })
    .where(and(eq(activities.id, id), eq(activities.status, "submitted")))
    .returning({ id: activities.id });
  if (updated.length === 0) throw new AppError("conflict", { message: "apiErrors.activities.notSubmitted" });
  await audit(site.db, { actorId: actor.userId, action: status === "published" ? "activity.approve" : "activity.reject", subject: id, ...(reason ? { details: { reason } } : {}) });
  return { activity: { id, status } };
}


