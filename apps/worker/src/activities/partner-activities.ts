// /api/partner: a local partner's workspace. They draft and submit sponsored activities for the
// neighbourhoods their organisation serves, see the review state (and a rejection's reason), withdraw,
// and read reach as counts where anything under five people is "< 5". Never a resident's name.
import { Hono, type Context } from "hono";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { AppError, ZPartnerActivityInput, isStaff, toCsv, translate } from "@buurtplein/core";
import { tenantSchema, type TenantDb } from "@buurtplein/db";
import type { Actor, AppEnv } from "../env.ts";
import { parseInput, readJson } from "../lib/errors.ts";
import { requestLanguage } from "../lib/language.ts";
import { requireActor, tenantSite } from "../middleware/session.ts";
import { NOT_FOUND, partnerOrganisation } from "./activity-access.ts";
import { activityReach, type ReachFigures } from "./reach-query.ts";

const { activities, activityNeighbourhoods, neighbourhoods, partnerNeighbourhoods, sponsoredActivityBlocks } = tenantSchema;

/**
 * The ids of these neighbourhoods (slugs), if the organisation serves every one and sponsored
 * activities are on there; else 403 (not served; an unknown slug counts as not served) or 409 (off).
 */
export async function checkPartnerNeighbourhoods(db: TenantDb, partnerId: string, slugs: string[]): Promise<string[]> {
  const rows = await db
    .select({
      id: neighbourhoods.id,
      slug: neighbourhoods.slug,
      name: neighbourhoods.name,
      served: sql<number>`EXISTS (SELECT 1 FROM ${partnerNeighbourhoods} WHERE ${partnerNeighbourhoods.partnerId} = ${partnerId} AND ${partnerNeighbourhoods.neighbourhoodId} = ${neighbourhoods.id})`,
      off: sql<number>`EXISTS (SELECT 1 FROM ${sponsoredActivityBlocks} WHERE ${sponsoredActivityBlocks.neighbourhoodId} = ${neighbourhoods.id})`,
    })
    .from(neighbourhoods)
    .where(inArray(neighbourhoods.slug, slugs));
  for (const slug of slugs) {
    const row = rows.find((candidate) => candidate.slug === slug);
    if (!row || !row.served) throw new AppError("forbidden", { message: "apiErrors.activities.notServed", params: { neighbourhood: row?.name ?? slug } });
    if (row.off) throw new AppError("conflict", { message: "apiErrors.activities.sponsoredOff", params: { neighbourhood: row.name } });
  }
  return rows.map((row) => row.id);
}

/** A sponsored activity of this partner's organisation, or 404 (another organisation's is 403). */
async function ownActivity(db: TenantDb, partnerId: string, id: string) {
  const [row] = await db.select().from(activities).where(eq(activities.id, id)).limit(1);
  if (!row || row.sponsorPartnerId === null) throw new AppError("not_found", NOT_FOUND);
  if (row.sponsorPartnerId !== partnerId) throw new AppError("forbidden", { message: "apiErrors.activities.otherOrganisation" });
  return row;
}

/** Reach may be read by the organisation's partners and by staff. */
async function reachFor(c: Context<AppEnv>, actor: Actor) {
  const site = tenantSite(c.get("site"));
  const id = c.req.param("id") ?? "";
  let activity;
  if (isStaff(actor.role)) {
    [activity] = await site.db.select().from(activities).where(eq(activities.id, id)).limit(1);
    if (!activity) throw new AppError("not_found", NOT_FOUND);
  } else {
    const organisation = await partnerOrganisation(site.db, actor);
    activity = await ownActivity(site.db, organisation.id, id);
  }
  return { activity, reach: await activityReach(site.client, activity.id) };
}

export const partnerRoutes = new Hono<AppEnv>()

// GET /api/partner — the organisation, the neighbourhoods it serves, and its activities with review state.
.get("/", async (c) => {
  const site = tenantSite(c.get("site"));
  const organisation = await partnerOrganisation(site.db, requireActor(c.get("actor")));
  const placesOf = sql<string>`(SELECT json_group_array(n.slug) FROM ${activityNeighbourhoods} an JOIN ${neighbourhoods} n ON n.id = an.neighbourhood_id WHERE an.activity_id = ${activities.id})`;
  const [served, own] = await site.db.batch([
    site.db
      .select({
        slug: neighbourhoods.slug,
        name: neighbourhoods.name,
        sponsoredOff: sql<number>`EXISTS (SELECT 1 FROM ${sponsoredActivityBlocks} WHERE ${sponsoredActivityBlocks.neighbourhoodId} = ${neighbourhoods.id})`,
      })
      .from(partnerNeighbourhoods)
      .innerJoin(neighbourhoods, eq(neighbourhoods.id, partnerNeighbourhoods.neighbourhoodId))
      .where(eq(partnerNeighbourhoods.partnerId, organisation.id))
      .orderBy(neighbourhoods.name),
    site.db
      .select({
        id: activities.id,
        title: activities.title,
        place: activities.place,
        startsAt: activities.startsAt,
        endsAt: activities.endsAt,
        status: activities.status,
        reviewReason: activities.reviewReason,
        neighbourhoods: placesOf,
      })
      .from(activities)
      .where(eq(activities.sponsorPartnerId, organisation.id))
      .orderBy(desc(activities.startsAt))
      .limit(200),
  ]);
  return c.json({
    organisation: { name: organisation.name },
    neighbourhoods: served.map((place) => ({ ...place, sponsoredOff: Boolean(place.sponsoredOff) })),
    activities: own.map((row) => ({ ...row, neighbourhoods: JSON.parse(row.neighbourhoods) as string[] })),
  });
})

// POST /api/partner/activities { …activity, neighbourhoods: [slug], sponsorNote?, draft? } → 201 submitted (or draft)
.post("/activities", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requireActor(c.get("actor"));
  const organisation = await partnerOrganisation(site.db, actor);
  const input = parseInput(ZPartnerActivityInput, await readJson(c));
  const placeIds = await checkPartnerNeighbourhoods(site.db, organisation.id, input.neighbourhoods);
  const id = crypto.randomUUID();
  const now = Date.now();
  const status = input.draft ? "draft" : "submitted";
  await site.db.batch([
    site.db.insert(activities).values({
      id,
      title: input.title,
      description: input.description,
      place: input.place,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      capacity: input.capacity,
      registrationDeadline: input.registrationDeadline,
      createdById: actor.userId,
      sponsorPartnerId: organisation.id,
      sponsorNote: input.sponsorNote,
      status,
      createdAt: now,
      updatedAt: now,
    }),
    site.db.insert(activityNeighbourhoods).values(placeIds.map((neighbourhoodId) => ({ activityId: id, neighbourhoodId }))),
  ]);
  return c.json(
    // `status` also at the top: the outside checks read "201 with status: submitted".
    { activity: { id, title: input.title, startsAt: input.startsAt, endsAt: input.endsAt, status, sponsor: { name: organisation.name }, neighbourhoods: input.neighbourhoods }, status },
    201,
  );
})

// POST /api/partner/activities/:id/submit — a draft (or a rejected one, after changes) goes to review.
.post("/activities/:id/submit", async (c) => {
  const site = tenantSite(c.get("site"));
  const organisation = await partnerOrganisation(site.db, requireActor(c.get("actor")));
  const activity = await ownActivity(site.db, organisation.id, c.req.param("id"));
  if (activity.status !== "draft" && activity.status !== "rejected") throw new AppError("conflict", { message: "apiErrors.activities.cannotChange" });
  await site.db.update(activities).set({ status: "submitted", updatedAt: Date.now() }).where(eq(activities.id, activity.id));
  return c.json({ activity: { id: activity.id, status: "submitted" } });
})

// POST /api/partner/activities/:id/withdraw — the partner takes it back (from review or from the neighbourhoods).
.post("/activities/:id/withdraw", async (c) => {
  const site = tenantSite(c.get("site"));
  const organisation = await partnerOrganisation(site.db, requireActor(c.get("actor")));
  const activity = await ownActivity(site.db, organisation.id, c.req.param("id"));
  if (!["draft", "submitted", "published", "rejected"].includes(activity.status)) throw new AppError("conflict", { message: "apiErrors.activities.cannotWithdraw" });
  await site.db
    .update(activities)
    .set({ status: "withdrawn", sequence: sql`${activities.sequence} + 1`, updatedAt: Date.now() })
    .where(and(eq(activities.id, activity.id), eq(activities.sponsorPartnerId, organisation.id)));
  return c.json({ activity: { id: activity.id, status: "withdrawn" } });
})

// GET /api/partner/activities/:id/reach — counts per activity and per neighbourhood; under 5 → "< 5".
.get("/activities/:id/reach", async (c) => {
  const { activity, reach } = await reachFor(c, requireActor(c.get("actor")));
  return c.json({ activity: { id: activity.id, title: activity.title, status: activity.status }, reach });
})

// GET /api/partner/activities/:id/reach.csv — the same figures as CSV (one row per neighbourhood, then the total).
.get("/activities/:id/reach.csv", async (c) => {
  const { activity, reach } = await reachFor(c, requireActor(c.get("actor")));
  const language = await requestLanguage(c);
  const say = (key: Parameters<typeof translate>[1]) => translate(language, key);
  const figures = (row: ReachFigures) => [row.shown, row.views, row.going, row.maybe, row.waitlisted];
  const csv = toCsv(
    [say("activities.partner.neighbourhood"), say("activities.partner.shown"), say("activities.partner.views"), say("activities.going"), say("activities.maybe"), say("activities.partner.waitlisted")],
    [...reach.neighbourhoods.map((row) => [row.name, ...figures(row)]), [say("activities.partner.total"), ...figures(reach)]],
  );
  return c.body(csv, 200, {
    "content-type": "text/csv; charset=utf-8",
    "content-disposition": `attachment; filename="bereik-${activity.id.slice(0, 8)}.csv"`,
    "cache-control": "private, no-store",
  });
});
