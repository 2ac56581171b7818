// Sponsored activities: a partner submits, the corporation approves or rejects with a reason, residents
// see the sponsor's name, and the partner's reach figures say "< 5" for anything under five people.
// Partners never see names, never act for another organisation, never approve their own work.
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { hashPassword } from "@buurtplein/core";
import { tenantSchema } from "@buurtplein/db";
import { call, json, login, tenantDb } from "./helpers.ts";
import { DELINDE, HAVENSTAD, TEST_PASSWORD, createTestUser, loginAs } from "./account-fixtures.ts";

const DAY = 24 * 60 * 60 * 1000;
const iso = (instant: number) => new Date(instant).toISOString();
const KARIN = "karin@delinde.example";

function sponsoredBody(overrides: Record<string, unknown> = {}) {
  const start = Date.now() + 10 * DAY;
  return {
    title: "Taalcafé",
    description: "Nederlands oefenen bij een kop koffie.",
    place: "Buurthuis De Boog",
    startsAt: iso(start),
    endsAt: iso(start + 90 * 60 * 1000),
    neighbourhoods: ["lindenhof"],
    ...overrides,
  };
}

async function submit(cookie: string, overrides: Record<string, unknown> = {}) {
  const response = await call(DELINDE, "/api/partner/activities", { method: "POST", cookie, json: sponsoredBody(overrides) });
  expect(response.status, await response.clone().text()).toBe(201);
  return (await json(response)).activity as { id: string; status: string };
}

async function activityRow(id: string) {
  const db = await tenantDb("delinde");
  const [row] = await db.select().from(tenantSchema.activities).where(eq(tenantSchema.activities.id, id));
  return row;
}

/** A partner user of a second organisation that also serves Lindenhof. */
async function otherPartner() {
  const db = await tenantDb("delinde");
  const partnerId = crypto.randomUUID();
  const [lindenhof] = await db.select().from(tenantSchema.neighbourhoods).where(eq(tenantSchema.neighbourhoods.slug, "lindenhof"));
  await db.insert(tenantSchema.partners).values({ id: partnerId, name: `Fietsclub ${partnerId.slice(0, 4)}`, kind: "local" });
  await db.insert(tenantSchema.partnerNeighbourhoods).values({ partnerId, neighbourhoodId: lindenhof!.id });
  const email = `partner-${partnerId.slice(0, 8)}@delinde.example`;
  await db.insert(tenantSchema.users).values({ id: crypto.randomUUID(), email, displayName: "Andere Partner", role: "partner", partnerId, passwordHash: await hashPassword(TEST_PASSWORD) });
  return loginAs(DELINDE, email);
}

describe("a sponsored activity from submission to reach", () => {
  it("is submitted, approved by staff, shown with its sponsor, and its reach says < 5", async () => {
    const karin = await login(DELINDE, KARIN);
    const activity = await submit(karin, { title: "Klusbus op het plein", sponsorNote: "Gratis gereedschap lenen." });
    expect(activity.status).toBe("submitted");
    const anna = await login(DELINDE, "anna@delinde.example");
    const before = await json(await call(DELINDE, "/api/neighbourhoods/lindenhof/activities", { cookie: anna }));
    expect(before.activities.map((item: { id: string }) => item.id)).not.toContain(activity.id);
    expect((await call(DELINDE, `/api/activities/${activity.id}`, { cookie: anna })).status).toBe(404);

    const ownApproval = await call(DELINDE, `/api/activities/${activity.id}/approve`, { method: "POST", cookie: karin });
    expect(ownApproval.status).toBe(403);
    expect((await activityRow(activity.id))?.status).toBe("submitted");

    const sanne = await login(DELINDE, "sanne@delinde.example");
    const queue = await json(await call(DELINDE, "/api/activities/review", { cookie: sanne }));
    expect(queue.waiting.map((item: { id: string }) => item.id)).toContain(activity.id);
    const approved = await call(DELINDE, `/api/activities/${activity.id}/approve`, { method: "POST", cookie: sanne });
    expect(approved.status).toBe(200);
    expect((await call(DELINDE, `/api/activities/${activity.id}/approve`, { method: "POST", cookie: sanne })).status).toBe(409);

    const list = await json(await call(DELINDE, "/api/neighbourhoods/lindenhof/activities", { cookie: anna }));
    const shown = list.activities.find((item: { id: string }) => item.id === activity.id);
    expect(shown.sponsor).toEqual({ name: "Buurthuis De Boog" });
    const rsvp = await call(DELINDE, `/api/activities/${activity.id}/rsvp`, { method: "POST", cookie: anna, json: { answer: "going" } });
    expect(await json(rsvp)).toEqual({ rsvp: { answer: "going", waitlisted: false } });

    const reach = await call(DELINDE, `/api/partner/activities/${activity.id}/reach`, { cookie: karin });
    expect(reach.status).toBe(200);
    const figures = (await json(reach)).reach;
    expect(figures).toMatchObject({ going: "< 5", maybe: "< 5", waitlisted: "< 5" });
    expect(figures.neighbourhoods[0]).toMatchObject({ slug: "lindenhof", going: "< 5" });
    const csv = await call(DELINDE, `/api/partner/activities/${activity.id}/reach.csv`, { cookie: karin });
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const text = await csv.text();
    expect(text).toContain("Lindenhof,");
    expect(text).toContain("< 5");
    expect(text).not.toMatch(/,1(,|\r\n)/);

    // The partner sees counts, never names.
    const asPartner = await json(await call(DELINDE, `/api/activities/${activity.id}`, { cookie: karin }));
    expect(asPartner.activity.counts.going).toBe("< 5");
    expect(JSON.stringify(asPartner)).not.toContain("Anna");
    expect((await call(DELINDE, `/api/activities/${activity.id}/attendees`, { cookie: karin })).status).toBe(403);
  });

  it("shows counts of five or more people as numbers", async () => {
    const karin = await login(DELINDE, KARIN);
    const activity = await submit(karin);
    await call(DELINDE, `/api/activities/${activity.id}/approve`, { method: "POST", cookie: await login(DELINDE, "beheer@delinde.example") });
    for (let i = 0; i < 5; i++) {
      const person = await createTestUser("delinde", { neighbourhood: "lindenhof" });
      const cookie = await loginAs(DELINDE, person.email!);
      await call(DELINDE, `/api/activities/${activity.id}/rsvp`, { method: "POST", cookie, json: { answer: "going" } });
    }
    const { reach } = await json(await call(DELINDE, `/api/partner/activities/${activity.id}/reach`, { cookie: karin }));
    expect(reach.going).toBe(5);
    expect(reach.maybe).toBe("< 5");
  });

  it("is rejected with a reason the partner sees; an edit after approval goes back to review; the partner can withdraw", async () => {
    const karin = await login(DELINDE, KARIN);
    const sanne = await login(DELINDE, "sanne@delinde.example");
    const activity = await submit(karin);
    const noReason = await call(DELINDE, `/api/activities/${activity.id}/reject`, { method: "POST", cookie: sanne, json: { reason: "" } });
    expect(noReason.status).toBe(422);
    expect((await activityRow(activity.id))?.status).toBe("submitted");
    expect((await call(DELINDE, `/api/activities/${activity.id}/reject`, { method: "POST", cookie: sanne, json: { reason: "Graag de tijden erbij." } })).status).toBe(200);
    const workspace = await json(await call(DELINDE, "/api/partner", { cookie: karin }));
    expect(workspace.activities.find((item: { id: string }) => item.id === activity.id)).toMatchObject({ status: "rejected", reviewReason: "Graag de tijden erbij." });

    expect((await call(DELINDE, `/api/partner/activities/${activity.id}/submit`, { method: "POST", cookie: karin })).status).toBe(200);
    expect((await call(DELINDE, `/api/activities/${activity.id}/approve`, { method: "POST", cookie: sanne })).status).toBe(200);
    const edit = await call(DELINDE, `/api/activities/${activity.id}`, { method: "PATCH", cookie: karin, json: sponsoredBody({ title: "Taalcafé (nieuwe tijd)" }) });
    expect(edit.status).toBe(200);
    expect((await activityRow(activity.id))?.status).toBe("submitted");

    expect((await call(DELINDE, `/api/partner/activities/${activity.id}/withdraw`, { method: "POST", cookie: karin })).status).toBe(200);
    expect((await activityRow(activity.id))?.status).toBe("withdrawn");
    expect((await call(DELINDE, `/api/activities/${activity.id}/approve`, { method: "POST", cookie: sanne })).status).toBe(409);
  });
});

describe("what partners may not do", () => {
  it("cannot submit for a neighbourhood the organisation does not serve, or with bad input", async () => {
    const karin = await login(DELINDE, KARIN);
    const db = await tenantDb("delinde");
    const count = async () => (await db.select({ id: tenantSchema.activities.id }).from(tenantSchema.activities)).length;
    const before = await count();
    const notServed = await call(DELINDE, "/api/partner/activities", { method: "POST", cookie: karin, json: sponsoredBody({ neighbourhoods: ["parkzicht"] }) });
    expect(notServed.status).toBe(403);
    expect((await json(notServed)).error.code).toBe("forbidden");
    for (const overrides of [{ neighbourhoods: [] }, { endsAt: iso(Date.now()) }, { capacity: 0 }]) {
      const bad = await call(DELINDE, "/api/partner/activities", { method: "POST", cookie: karin, json: sponsoredBody(overrides) });
      expect(bad.status, JSON.stringify(overrides)).toBe(422);
    }
    expect(await count()).toBe(before);
  });

  it("cannot edit, withdraw or read the reach of another organisation's activity", async () => {
    const karin = await login(DELINDE, KARIN);
    const activity = await submit(karin, { title: "Van De Boog" });
    const other = await otherPartner();
    const edit = await call(DELINDE, `/api/activities/${activity.id}`, { method: "PATCH", cookie: other, json: sponsoredBody({ title: "Overgenomen" }) });
    expect(edit.status).toBe(403);
    expect((await json(edit)).error.code).toBe("forbidden");
    expect((await call(DELINDE, `/api/partner/activities/${activity.id}/withdraw`, { method: "POST", cookie: other })).status).toBe(403);
    expect((await call(DELINDE, `/api/partner/activities/${activity.id}/reach`, { cookie: other })).status).toBe(403);
    const row = await activityRow(activity.id);
    expect(row).toMatchObject({ title: "Van De Boog", status: "submitted" });
  });

  it("keeps residents out of partner routes, and partners out of the review", async () => {
    const anna = await login(DELINDE, "anna@delinde.example");
    const karin = await login(DELINDE, KARIN);
    const activity = await submit(karin);
    for (const [method, path, body] of [
      ["GET", "/api/partner", undefined],
      ["POST", "/api/partner/activities", sponsoredBody()],
      ["GET", `/api/partner/activities/${activity.id}/reach`, undefined],
      ["GET", `/api/partner/activities/${activity.id}/reach.csv`, undefined],
      ["POST", `/api/partner/activities/${activity.id}/withdraw`, undefined],
      ["POST", `/api/activities/${activity.id}/approve`, undefined],
      ["POST", `/api/activities/${activity.id}/reject`, { reason: "Nee" }],
    ] as const) {
      const response = await call(DELINDE, path, { method, cookie: anna, ...(body ? { json: body } : {}) });
      expect(response.status, `${method} ${path}`).toBe(403);
      expect((await json(response)).error.code).toBe("forbidden");
    }
    expect((await call(DELINDE, "/api/activities/review", { cookie: karin })).status).toBe(403);
    expect((await activityRow(activity.id))?.status).toBe("submitted");
  });

  it("finds no activity of another corporation", async () => {
    const karin = await login(DELINDE, KARIN);
    const activity = await submit(karin);
    const yasmina = await login(HAVENSTAD, "yasmina@havenstad.example");
    expect((await call(HAVENSTAD, `/api/activities/${activity.id}/approve`, { method: "POST", cookie: yasmina })).status).toBe(404);
    expect((await call(HAVENSTAD, `/api/partner/activities/${activity.id}/reach`, { cookie: yasmina })).status).toBe(404);
    expect((await activityRow(activity.id))?.status).toBe("submitted");
  });
});

describe("switching sponsored activities off per neighbourhood", () => {
  it("hides them there and refuses new ones until switched on again (admin only)", async () => {
    const karin = await login(DELINDE, KARIN);
    const admin = await login(DELINDE, "beheer@delinde.example");
    const sanne = await login(DELINDE, "sanne@delinde.example");
    const activity = await submit(karin, { title: "Zichtbaar of niet" });
    await call(DELINDE, `/api/activities/${activity.id}/approve`, { method: "POST", cookie: sanne });
    expect((await call(DELINDE, "/api/neighbourhoods/lindenhof/sponsored-activities", { method: "POST", cookie: sanne, json: { enabled: false } })).status).toBe(403);
    expect((await call(DELINDE, "/api/neighbourhoods/lindenhof/sponsored-activities", { method: "POST", cookie: admin, json: { enabled: "nee" } })).status).toBe(422);
    try {
      expect((await call(DELINDE, "/api/neighbourhoods/lindenhof/sponsored-activities", { method: "POST", cookie: admin, json: { enabled: false } })).status).toBe(200);
      const anna = await login(DELINDE, "anna@delinde.example");
      const list = await json(await call(DELINDE, "/api/neighbourhoods/lindenhof/activities", { cookie: anna }));
      expect(list.activities.map((item: { id: string }) => item.id)).not.toContain(activity.id);
      const refused = await call(DELINDE, "/api/partner/activities", { method: "POST", cookie: karin, json: sponsoredBody() });
      expect(refused.status).toBe(409);
    } finally {
      await call(DELINDE, "/api/neighbourhoods/lindenhof/sponsored-activities", { method: "POST", cookie: admin, json: { enabled: true } });
    }
  });
});

describe("demo data", () => {
  it("gives every role something to see: a full activity with a waiting list, a sponsored one, one awaiting review", async () => {
    const anna = await login(DELINDE, "anna@delinde.example");
    const list = await json(await call(DELINDE, "/api/neighbourhoods/lindenhof/activities", { cookie: anna }));
    const garden = list.activities.find((item: { title: string }) => item.title === "Moestuin aanleggen");
    expect(garden).toMatchObject({ capacity: 2, myRsvp: { answer: "going", waitlisted: true } });
    expect(list.activities.find((item: { title: string }) => item.title === "Taalcafé")?.sponsor).toEqual({ name: "Buurthuis De Boog" });
    expect(list.past.length).toBeGreaterThan(0);
    const queue = await json(await call(DELINDE, "/api/activities/review", { cookie: await login(DELINDE, "sanne@delinde.example") }));
    expect(queue.waiting.map((item: { title: string }) => item.title)).toContain("Klusbus op het plein");
    const pieter = await login(HAVENSTAD, "pieter@havenstad.example");
    const harbour = await json(await call(HAVENSTAD, "/api/neighbourhoods/kadekwartier/activities", { cookie: pieter }));
    expect(harbour.activities.map((item: { title: string }) => item.title)).toContain("Kaderun");
  });
});
