// /api/neighbourhoods/:slug/activities: a neighbourhood's activities (upcoming first, then past) and
// organising a new one; /api/neighbourhoods/:slug/sponsored-activities: the corporation switches
// sponsored activities off or on there.
import { Hono } from "hono";
import { eq } from "drizzle-orm";
import { AppError, ZActivityInput, ZSponsoredSetting, can, isStaff } from "@buurtplein/core";
import { tenantSchema } from "@buurtplein/db";
import type { AppEnv } from "../env.ts";
import { parseInput, readJson } from "../lib/errors.ts";
import { runInBackground } from "../lib/background.ts";
import { audit } from "../lib/audit.ts";
import { requireActor, requirePermission, tenantSite } from "../middleware/session.ts";
import { neighbourhoodBySlugQuery } from "../community/feed-query.ts";
import { listItem, pastActivitiesQuery, recordViews, upcomingActivitiesQuery } from "./activity-queries.ts";

const { activities, activityNeighbourhoods, activityOrganisers, sponsoredActivityBlocks } = tenantSchema;

async function neighbourhoodOr404(db: Parameters<typeof neighbourhoodBySlugQuery>[0], slug: string) {
  const [row] = await neighbourhoodBySlugQuery(db, slug);
  if (!row) throw new AppError("not_found", { message: "apiErrors.neighbourhoods.notFound" });
  return row;
}

export const neighbourhoodActivityRoutes = new Hono<AppEnv>()

// GET /api/neighbourhoods/:slug/activities — published activities: `activities` upcoming (soonest first), `past` below.
.get("/:slug/activities", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requireActor(c.get("actor"));
  const neighbourhood = await neighbourhoodOr404(site.db, c.req.param("slug"));
  requirePermission(actor, "feed.read", { neighbourhoodId: neighbourhood.id }, "apiErrors.neighbourhoods.notMember");
  const now = Date.now();
  const [upcoming, past] = await site.db.batch([
    upcomingActivitiesQuery(site.db, { neighbourhoodId: neighbourhood.id, viewerId: actor.userId, now }),
    pastActivitiesQuery(site.db, { neighbourhoodId: neighbourhood.id, viewerId: actor.userId, now }),
  ]);
  // Reach: a member seeing sponsored activities in the list counts as "shown" (staff do not count).
  const shown = isStaff(actor.role) ? [] : upcoming.filter((row) => row.sponsor !== null);
  if (shown.length > 0) {
    runInBackground(c, "activity views not counted", async () => {
      const [first, ...rest] = recordViews(
        site.db,
        shown.map((row) => ({ activityId: row.id, neighbourhoodId: neighbourhood.id, userId: actor.userId, kind: "shown" as const })),
      );
      await site.db.batch([first!, ...rest]);
    });
  }
  return c.json({
    neighbourhood: { slug: neighbourhood.slug, name: neighbourhood.name },
    canCreate: can(actor, "activity.create", { neighbourhoodId: neighbourhood.id }),
    activities: upcoming.map(listItem),
    past: past.map(listItem),
  });
})

// POST /api/neighbourhoods/:slug/activities { title, description, place, startsAt, endsAt, capacity?, registrationDeadline? } → 201
.post("/:slug/activities", async (c) => {
  const site = tenantSite(c.get("site"));
  requireActor(c.get("actor"));
  const neighbourhood = await neighbourhoodOr404(site.db, c.req.param("slug"));
  const actor = requirePermission(c.get("actor"), "activity.create", { neighbourhoodId: neighbourhood.id }, "apiErrors.neighbourhoods.notMember");
  const input = parseInput(ZActivityInput, await readJson(c));
  const id = crypto.randomUUID();
  const now = Date.now();
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
      status: "published",
      createdAt: now,
      updatedAt: now,
    }),
    site.db.insert(activityNeighbourhoods).values({ activityId: id, neighbourhoodId: neighbourhood.id }),
    site.db.insert(activityOrganisers).values({ activityId: id, userId: actor.userId }),
  ]);
  return c.json(
    {
      activity: {
        id,
        title: input.title,
        description: input.description,
        place: input.place,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        capacity: input.capacity,
        registrationDeadline: input.registrationDeadline,
        status: "published",
        neighbourhoods: [neighbourhood.slug],
      },
    },
    201,
  );
})

// POST /api/neighbourhoods/:slug/sponsored-activities { enabled } — admin: sponsored activities on or off here.
.post("/:slug/sponsored-activities", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requirePermission(c.get("actor"), "activity.sponsored_settings");
  const neighbourhood = await neighbourhoodOr404(site.db, c.req.param("slug"));
  const { enabled } = parseInput(ZSponsoredSetting, await readJson(c));
  if (enabled) await site.db.delete(sponsoredActivityBlocks).where(eq(sponsoredActivityBlocks.neighbourhoodId, neighbourhood.id));
  else await site.db.insert(sponsoredActivityBlocks).values({ neighbourhoodId: neighbourhood.id, blockedById: actor.userId }).onConflictDoNothing();
  await audit(site.db, { actorId: actor.userId, action: enabled ? "activity.sponsored_on" : "activity.sponsored_off", subject: neighbourhood.id });
  return c.json({ neighbourhood: { slug: neighbourhood.slug, sponsoredActivities: enabled } });
});

