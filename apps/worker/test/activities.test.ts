// Activities: organising, answering with a capacity and a waiting list (also two people taking the last
// place at once), the .ics file and the private calendar subscription, cancelling, and bad input on
// every route: a clear status and code, and nothing changed.
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { tenantSchema } from "@buurtplein/db";
import { call, json, login, tenantDb } from "./helpers.ts";
import { DELINDE, HAVENSTAD, createTestUser, loginAs, newestMail } from "./account-fixtures.ts";

const DAY = 24 * 60 * 60 * 1000;
const iso = (instant: number) => new Date(instant).toISOString();

function activityBody(overrides: Record<string, unknown> = {}) {
  const start = Date.now() + 7 * DAY;
  return { title: "Repaircafé", description: "Neem kapotte spullen mee.", place: "Buurthuis De Boog", startsAt: iso(start), endsAt: iso(start + 2 * 60 * 60 * 1000), ...overrides };
}

async function neighbour() {
  const user = await createTestUser("delinde", { neighbourhood: "lindenhof" });
  return { ...user, cookie: await loginAs(DELINDE, user.email!) };
}

async function createActivity(cookie: string, overrides: Record<string, unknown> = {}) {
  const response = await call(DELINDE, "/api/neighbourhoods/lindenhof/activities", { method: "POST", cookie, json: activityBody(overrides) });
  expect(response.status, await response.clone().text()).toBe(201);
  return (await json(response)).activity as { id: string };
}

async function rsvp(cookie: string, id: string, answer: string) {
  return call(DELINDE, `/api/activities/${id}/rsvp`, { method: "POST", cookie, json: { answer } });
}

async function countActivities() {
  const db = await tenantDb("delinde");
  return (await db.select({ id: tenantSchema.activities.id }).from(tenantSchema.activities)).length;
}

describe("organising an activity", () => {
  it("publishes a resident's activity in their neighbourhood, upcoming first", async () => {
    const organiser = await neighbour();
    const activity = await createActivity(organiser.cookie, { title: "Burenbarbecue", capacity: 20 });
    const list = await json(await call(DELINDE, "/api/neighbourhoods/lindenhof/activities", { cookie: organiser.cookie }));
    const found = list.activities.find((item: { id: string }) => item.id === activity.id);
    expect(found).toMatchObject({ title: "Burenbarbecue", capacity: 20, sponsor: null, myRsvp: null });
    const starts = list.activities.map((item: { startsAt: number }) => item.startsAt);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    const detail = await json(await call(DELINDE, `/api/activities/${activity.id}`, { cookie: organiser.cookie }));
    expect(detail.activity).toMatchObject({ id: activity.id, myRsvp: null, canEdit: true, canCancel: true, canSeeAttendees: true });
    expect(detail.activity.organisers).toEqual([{ displayName: organiser.displayName }]);
  });

  it("shows the activity in the feed as its own kind of item", async () => {
    const organiser = await neighbour();
    const activity = await createActivity(organiser.cookie, { startsAt: iso(Date.now() + 60_000), endsAt: iso(Date.now() + 2 * 60_000), title: "Koffie nu" });
    const feed = await json(await call(DELINDE, "/api/neighbourhoods/lindenhof/posts", { cookie: organiser.cookie }));
    expect(feed.activities.map((item: { id: string }) => item.id)).toContain(activity.id);
  });

  it.each([
    ["an end before the start", { startsAt: iso(Date.now() + 2 * DAY), endsAt: iso(Date.now() + DAY) }, "endsAt"],
    ["a capacity of 0", { capacity: 0 }, "capacity"],
    ["a capacity that is no whole number", { capacity: 2.5 }, "capacity"],
    ["a time that is no time", { startsAt: "volgende week" }, "startsAt"],
    ["no title", { title: "  " }, "title"],
    ["a deadline after the start", { registrationDeadline: iso(Date.now() + 30 * DAY) }, "registrationDeadline"],
  ])("refuses %s (422) and creates nothing", async (_label, overrides, field) => {
    const organiser = await neighbour();
    const before = await countActivities();
    const response = await call(DELINDE, "/api/neighbourhoods/lindenhof/activities", { method: "POST", cookie: organiser.cookie, json: activityBody(overrides) });
    expect(response.status).toBe(422);
    const body = await json(response);
    expect(body.error.code).toBe("invalid_input");
    expect(Object.keys(body.error.details.fields)).toContain(field);
    expect(await countActivities()).toBe(before);
  });

  it("refuses residents of another neighbourhood, and anyone without a login", async () => {
    const els = await login(DELINDE, "els@delinde.example");
    const response = await call(DELINDE, "/api/neighbourhoods/lindenhof/activities", { method: "POST", cookie: els, json: activityBody() });
    expect(response.status).toBe(403);
    expect((await call(DELINDE, "/api/neighbourhoods/lindenhof/activities")).status).toBe(401);
    expect((await call(DELINDE, "/api/neighbourhoods/nergens/activities", { cookie: els })).status).toBe(404);
  });
});

describe("answering, capacity and the waiting list", () => {
  it("puts a newcomer on the waiting list when full, and moves them up (with an e-mail) when someone cancels", async () => {
    const organiser = await neighbour();
    const [first, second] = [await neighbour(), await neighbour()];
    const activity = await createActivity(organiser.cookie, { capacity: 1, title: "Taartbakken" });
    expect(await json(await rsvp(first.cookie, activity.id, "going"))).toEqual({ rsvp: { answer: "going", waitlisted: false } });
    expect(await json(await rsvp(second.cookie, activity.id, "going"))).toEqual({ rsvp: { answer: "going", waitlisted: true } });
    expect((await json(await call(DELINDE, `/api/activities/${activity.id}`, { cookie: second.cookie }))).activity.myRsvp).toEqual({ answer: "going", waitlisted: true });
    expect(await json(await rsvp(first.cookie, activity.id, "not_going"))).toEqual({ rsvp: { answer: "not_going", waitlisted: false } });
    const detail = await json(await call(DELINDE, `/api/activities/${activity.id}`, { cookie: second.cookie }));
    expect(detail.activity.myRsvp).toEqual({ answer: "going", waitlisted: false });
    expect(detail.activity.counts).toEqual({ going: 1, maybe: 0, waitlisted: 0 });
    const mail = await newestMail(DELINDE, second.email!);
    expect(mail?.subject).toContain("Taartbakken");
    expect(mail?.text).toContain(`/activiteit/${activity.id}`);
  });

  it("gives the last place to exactly one of several people answering at the same moment", async () => {
    const organiser = await neighbour();
    const activity = await createActivity(organiser.cookie, { capacity: 2 });
    const holder = await neighbour();
    await rsvp(holder.cookie, activity.id, "going");
    const racers = await Promise.all([1, 2, 3, 4, 5].map(() => neighbour()));
    const answers = await Promise.all(racers.map(async (racer) => (await json(await rsvp(racer.cookie, activity.id, "going"))).rsvp));
    expect(answers.filter((answer) => !answer.waitlisted)).toHaveLength(1);
    expect(answers.filter((answer) => answer.waitlisted)).toHaveLength(4);
    const detail = await json(await call(DELINDE, `/api/activities/${activity.id}`, { cookie: organiser.cookie }));
    expect(detail.activity.counts).toEqual({ going: 2, maybe: 0, waitlisted: 4 });
  });

  it("refuses a wrong answer (422), people of another neighbourhood (403) and answers after the deadline (409)", async () => {
    const organiser = await neighbour();
    const activity = await createActivity(organiser.cookie, { registrationDeadline: iso(Date.now() + DAY) });
    const bad = await rsvp(organiser.cookie, activity.id, "perhaps");
    expect(bad.status).toBe(422);
    expect((await json(bad)).error.code).toBe("invalid_input");
    const els = await login(DELINDE, "els@delinde.example");
    expect((await rsvp(els, activity.id, "going")).status).toBe(403); // not her neighbourhood
    const db = await tenantDb("delinde");
    await db.update(tenantSchema.activities).set({ registrationDeadline: Date.now() - 1000 }).where(eq(tenantSchema.activities.id, activity.id));
    const late = await rsvp(organiser.cookie, activity.id, "going");
    expect(late.status).toBe(409);
    expect((await json(late)).error.code).toBe("conflict");
    expect((await rsvp(organiser.cookie, activity.id, "not_going")).status).toBe(200);
  });

  it("finds no activity of another corporation", async () => {
    const organiser = await neighbour();
    const activity = await createActivity(organiser.cookie);
    const pieter = await login(HAVENSTAD, "pieter@havenstad.example");
    for (const [method, path, body] of [
      ["GET", `/api/activities/${activity.id}`, undefined],
      ["POST", `/api/activities/${activity.id}/rsvp`, { answer: "going" }],
      ["GET", `/api/activities/${activity.id}/ics`, undefined],
      ["POST", `/api/activities/${activity.id}/cancel`, { message: "Weg ermee" }],
    ] as const) {
      const response = await call(HAVENSTAD, path, { method, cookie: pieter, ...(body ? { json: body } : {}) });
      expect(response.status, `${method} ${path}`).toBe(404);
    }
    const db = await tenantDb("delinde");
    const [row] = await db.select().from(tenantSchema.activities).where(eq(tenantSchema.activities.id, activity.id));
    expect(row?.status).toBe("published");
  });
});

describe("the organiser's tools", () => {
  it("shows who is going to the organiser only", async () => {
    const organiser = await neighbour();
    const guest = await neighbour();
    const activity = await createActivity(organiser.cookie);
    await rsvp(guest.cookie, activity.id, "going");
    const list = await json(await call(DELINDE, `/api/activities/${activity.id}/attendees`, { cookie: organiser.cookie }));
    expect(list.going).toEqual([{ id: guest.id, displayName: guest.displayName, street: null, organiser: false }]);
    const other = await call(DELINDE, `/api/activities/${activity.id}/attendees`, { cookie: guest.cookie });
    expect(other.status).toBe(403);
  });

  it("makes someone who is going a co-organiser, and nobody else", async () => {
    const organiser = await neighbour();
    const [guest, stranger] = [await neighbour(), await neighbour()];
    const activity = await createActivity(organiser.cookie);
    await rsvp(guest.cookie, activity.id, "going");
    const notAnswered = await call(DELINDE, `/api/activities/${activity.id}/organisers`, { method: "POST", cookie: organiser.cookie, json: { userId: stranger.id } });
    expect(notAnswered.status).toBe(404);
    expect((await call(DELINDE, `/api/activities/${activity.id}/organisers`, { method: "POST", cookie: guest.cookie, json: { userId: guest.id } })).status).toBe(403);
    expect((await call(DELINDE, `/api/activities/${activity.id}/organisers`, { method: "POST", cookie: organiser.cookie, json: {} })).status).toBe(422);
    expect((await call(DELINDE, `/api/activities/${activity.id}/organisers`, { method: "POST", cookie: organiser.cookie, json: { userId: guest.id } })).status).toBe(200);
    const detail = await json(await call(DELINDE, `/api/activities/${activity.id}`, { cookie: guest.cookie }));
    expect(detail.activity).toMatchObject({ canEdit: true, canSeeAttendees: true });
    expect(detail.activity.organisers.map((o: { displayName: string }) => o.displayName).sort()).toEqual([organiser.displayName, guest.displayName].sort());
  });

  it("edits (end before start refused, nothing changed) and moves the waiting list up when places are added", async () => {
    const organiser = await neighbour();
    const [a, b] = [await neighbour(), await neighbour()];
    const activity = await createActivity(organiser.cookie, { capacity: 1 });
    await rsvp(a.cookie, activity.id, "going");
    await rsvp(b.cookie, activity.id, "going");
    const bad = await call(DELINDE, `/api/activities/${activity.id}`, { method: "PATCH", cookie: organiser.cookie, json: activityBody({ title: "Anders", endsAt: iso(Date.now()) }) });
    expect(bad.status).toBe(422);
    expect((await json(await call(DELINDE, `/api/activities/${activity.id}`, { cookie: organiser.cookie }))).activity.title).toBe("Repaircafé");
    const notMine = await call(DELINDE, `/api/activities/${activity.id}`, { method: "PATCH", cookie: a.cookie, json: activityBody({ capacity: 5 }) });
    expect(notMine.status).toBe(403);
    const ok = await call(DELINDE, `/api/activities/${activity.id}`, { method: "PATCH", cookie: organiser.cookie, json: activityBody({ capacity: 2 }) });
    expect(ok.status).toBe(200);
    expect((await json(await call(DELINDE, `/api/activities/${activity.id}`, { cookie: b.cookie }))).activity.myRsvp).toEqual({ answer: "going", waitlisted: false });
  });

  it("cancels with a message that everyone going or maybe gets; a message is required; only the organiser may", async () => {
    const organiser = await neighbour();
    const [going, maybe] = [await neighbour(), await neighbour()];
    const activity = await createActivity(organiser.cookie, { title: "Rommelmarkt" });
    await rsvp(going.cookie, activity.id, "going");
    await rsvp(maybe.cookie, activity.id, "maybe");
    expect((await call(DELINDE, `/api/activities/${activity.id}/cancel`, { method: "POST", cookie: organiser.cookie, json: { message: " " } })).status).toBe(422);
    expect((await call(DELINDE, `/api/activities/${activity.id}/cancel`, { method: "POST", cookie: going.cookie, json: { message: "Nee" } })).status).toBe(403);
    const done = await call(DELINDE, `/api/activities/${activity.id}/cancel`, { method: "POST", cookie: organiser.cookie, json: { message: "Het gaat regenen." } });
    expect(done.status).toBe(200);
    for (const person of [going, maybe]) {
      const mail = await newestMail(DELINDE, person.email!);
      expect(mail?.subject).toContain("Rommelmarkt");
      expect(mail?.text).toContain("Het gaat regenen.");
    }
    expect((await rsvp(going.cookie, activity.id, "going")).status).toBe(409);
    expect((await call(DELINDE, `/api/activities/${activity.id}/cancel`, { method: "POST", cookie: organiser.cookie, json: { message: "Nog eens" } })).status).toBe(409);
    const list = await json(await call(DELINDE, "/api/neighbourhoods/lindenhof/activities", { cookie: going.cookie }));
    expect(list.activities.map((item: { id: string }) => item.id)).not.toContain(activity.id);
  });
});

describe("calendars", () => {
  it("gives an activity as an iCalendar file", async () => {
    const organiser = await neighbour();
    const activity = await createActivity(organiser.cookie, { title: "Kerstborrel, met glühwein" });
    const response = await call(DELINDE, `/api/activities/${activity.id}/ics`, { cookie: organiser.cookie });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/calendar");
    const text = await response.text();
    expect(text).toContain("BEGIN:VTIMEZONE\r\nTZID:Europe/Amsterdam");
    expect(text).toContain(`UID:${activity.id}@delinde.localhost`);
    expect(text).toContain("SUMMARY:Kerstborrel\\, met glühwein");
  });

  it("serves a private subscription by its secret link without a login, until it is revoked", async () => {
    const person = await neighbour();
    const organiser = await neighbour();
    const activity = await createActivity(organiser.cookie, { title: "Wandeling door het park" });
    await rsvp(person.cookie, activity.id, "maybe");
    const made = await call(DELINDE, "/api/calendar", { method: "POST", cookie: person.cookie });
    expect(made.status).toBe(201);
    const { subscription } = await json(made);
    const path = new URL(subscription.url).pathname;
    const feed = await call(DELINDE, path);
    expect(feed.status).toBe(200);
    expect(feed.headers.get("content-type")).toContain("text/calendar");
    const text = await feed.text();
    expect(text).toContain("SUMMARY:Wandeling door het park");
    expect(text).toContain("STATUS:TENTATIVE");
    // The token itself is not stored: only its hash.
    const db = await tenantDb("delinde");
    const rows = await db.select().from(tenantSchema.calendarTokens).where(eq(tenantSchema.calendarTokens.userId, person.id));
    expect(rows).toHaveLength(1);
    expect(path).not.toContain(rows[0]!.id);
    expect((await call(DELINDE, "/api/calendar/revoke", { method: "POST", cookie: person.cookie })).status).toBe(200);
    const gone = await call(DELINDE, path);
    expect(gone.status).toBe(404);
    expect((await call(DELINDE, "/api/calendar/not-a-token-at-all-0000000.ics")).status).toBe(404);
  });
});

describe("my data", () => {
  it("includes my answers and what I organise in the download of my data", async () => {
    const organiser = await neighbour();
    const guest = await neighbour();
    const activity = await createActivity(organiser.cookie, { title: "Breiclub" });
    await rsvp(guest.cookie, activity.id, "maybe");
    const mine = await json(await call(DELINDE, "/api/me/export", { cookie: guest.cookie }));
    expect(mine.activities.answers).toMatchObject([{ activity: "Breiclub", answer: "maybe", waitlisted: false }]);
    const theirs = await json(await call(DELINDE, "/api/me/export", { cookie: organiser.cookie }));
    expect(theirs.activities.organised).toMatchObject([{ title: "Breiclub", status: "published" }]);
  });
});
