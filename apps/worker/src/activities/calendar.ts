// /api/calendar: a member's private calendar subscription. The URL carries a random token (only its
// SHA-256 is stored); making a new one replaces the old, revoking deletes it. The feed itself
// (GET /api/calendar/<token>.ics) needs no session: a phone's calendar fetches it on its own.
import { Hono } from "hono";
import { and, asc, eq, gte, inArray } from "drizzle-orm";
import { AppError, generateSessionToken, hashSessionToken, renderICalendar, translate } from "@buurtplein/core";
import { tenantSchema } from "@buurtplein/db";
import type { AppEnv } from "../env.ts";
import { requireActor, tenantSite } from "../middleware/session.ts";
import { calendarEvent } from "./calendar-events.ts";

const { activities, activityRsvps, calendarTokens, users } = tenantSchema;

/** How far back a subscription still lists activities (so a cancelled or just-ended one updates too). */
const LOOK_BACK_MS = 7 * 24 * 60 * 60 * 1000;

export const calendarRoutes = new Hono<AppEnv>()

// GET /api/calendar — whether I have a subscription (never the token: it is not stored).
.get("/", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requireActor(c.get("actor"));
  const [row] = await site.db.select({ createdAt: calendarTokens.createdAt }).from(calendarTokens).where(eq(calendarTokens.userId, actor.userId)).limit(1);
  return c.json({ subscription: row ? { createdAt: row.createdAt } : null });
})

// POST /api/calendar — a new private link (replaces any earlier one); the token is shown this once.
.post("/", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requireActor(c.get("actor"));
  const token = generateSessionToken();
  const id = await hashSessionToken(token);
  const createdAt = Date.now();
  await site.db.batch([
    site.db.delete(calendarTokens).where(eq(calendarTokens.userId, actor.userId)),
    site.db.insert(calendarTokens).values({ id, userId: actor.userId, createdAt }),
  ]);
  const url = new URL(`/api/calendar/${token}.ics`, c.req.url);
  return c.json({ subscription: { createdAt, url: url.toString(), webcal: url.toString().replace(/^https?:/, "webcal:") } }, 201);
})

// POST /api/calendar/revoke — the link stops working.
.post("/revoke", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requireActor(c.get("actor"));
  await site.db.delete(calendarTokens).where(eq(calendarTokens.userId, actor.userId));
  return c.json({ subscription: null });
})

// GET /api/calendar/:token.ics — the member's activities (going, maybe, waiting list) as iCalendar.
.get("/:file{[A-Za-z0-9_-]{20,100}\\.ics}", async (c) => {
  const site = tenantSite(c.get("site"));
  const token = c.req.param("file").slice(0, -".ics".length);
  const [owner] = await site.db
    .select({ userId: calendarTokens.userId, locale: users.locale, status: users.status })
    .from(calendarTokens)
    .innerJoin(users, eq(users.id, calendarTokens.userId))
    .where(eq(calendarTokens.id, await hashSessionToken(token)))
    .limit(1);
  if (!owner || owner.status !== "active") throw new AppError("not_found", { message: "apiErrors.activities.calendarNotFound" });
  const rows = await site.db
    .select({ activity: activities, answer: activityRsvps.answer, waitlisted: activityRsvps.waitlisted })
    .from(activityRsvps)
    .innerJoin(activities, eq(activities.id, activityRsvps.activityId))
    .where(
      and(
        eq(activityRsvps.userId, owner.userId),
        inArray(activityRsvps.answer, ["going", "maybe"]),
        inArray(activities.status, ["published", "cancelled"]),
        gte(activities.endsAt, Date.now() - LOOK_BACK_MS),
      ),
    )
    .orderBy(asc(activities.startsAt))
    .limit(500);
  const origin = new URL(c.req.url);
  const body = renderICalendar({
    name: translate(owner.locale === "en" ? "en" : "nl", "activities.calendar.calendarName"),
    events: rows.map((row) => calendarEvent(row.activity, origin, row.answer === "going" && !row.waitlisted ? "CONFIRMED" : "TENTATIVE")),
    now: Date.now(),
  });
  return c.body(body, 200, { "content-type": "text/calendar; charset=utf-8", "cache-control": "private, no-store" });
});
