// The domains that tell people things in the app: replies and reactions (community), taking part and
// moving up from the waiting list (activities). Each goes through notify(); the actor is never told.
import { describe, expect, it } from "vitest";
import { call, json } from "./helpers.ts";
import { DELINDE, createTestUser, loginAs } from "./account-fixtures.ts";

interface Listed {
  kind: string;
  url: string | null;
  text: string;
  read: boolean;
}

async function neighbour() {
  const user = await createTestUser("delinde", { neighbourhood: "lindenhof" });
  return { ...user, cookie: await loginAs(DELINDE, user.email!) };
}

async function notificationsOf(cookie: string): Promise<Listed[]> {
  return (await json(await call(DELINDE, "/api/notifications", { cookie }))).notifications;
}

/**
 * Activities write their notices after the answer (waitUntil), so the list is asked again until the
 * notice is there or two seconds have passed.
 */
async function eventually(cookie: string, kind: string): Promise<Listed[]> {
  const deadline = Date.now() + 2000;
  for (;;) {
    const found = (await notificationsOf(cookie)).filter((item) => item.kind === kind);
    if (found.length > 0 || Date.now() > deadline) return found;
    await new Promise((done) => setTimeout(done, 50));
  }
}

async function post(cookie: string): Promise<string> {
  const response = await call(DELINDE, "/api/neighbourhoods/lindenhof/posts", { method: "POST", cookie, json: { kind: "question", title: "Wie heeft een ladder?", body: "Voor de dakgoot." } });
  expect(response.status).toBe(201);
  return (await json(response)).post.id;
}

describe("notifications from replies and reactions", () => {
  it("tells the author and earlier repliers about a reply, never the one replying", async () => {
    const [author, first, second] = [await neighbour(), await neighbour(), await neighbour()];
    const id = await post(author.cookie);

    expect((await call(DELINDE, `/api/posts/${id}/replies`, { method: "POST", cookie: first.cookie, json: { body: "Ik heb er een." } })).status).toBe(201);
    const told = await notificationsOf(author.cookie);
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ kind: "reply", read: false, url: `/buurt/lindenhof/berichten/${id}` });
    expect(told[0]!.text).toContain(first.displayName);
    expect(told[0]!.text).toContain("Wie heeft een ladder?");
    expect(await notificationsOf(first.cookie)).toEqual([]);

    expect((await call(DELINDE, `/api/posts/${id}/replies`, { method: "POST", cookie: second.cookie, json: { body: "Ik ook." } })).status).toBe(201);
    expect((await notificationsOf(author.cookie)).filter((item) => item.kind === "reply")).toHaveLength(2);
    expect((await notificationsOf(first.cookie)).map((item) => item.kind)).toEqual(["reply"]);
    expect(await notificationsOf(second.cookie)).toEqual([]);
  });

  it("groups reactions into one unread notification per post, and a reaction taken back tells no one", async () => {
    const [author, first, second] = [await neighbour(), await neighbour(), await neighbour()];
    const id = await post(author.cookie);
    const react = (cookie: string, kind: string) => call(DELINDE, `/api/posts/${id}/reactions`, { method: "POST", cookie, json: { kind } });

    expect((await react(first.cookie, "heart")).status).toBe(200);
    expect((await react(first.cookie, "heart")).status).toBe(200); // taken back
    expect((await react(second.cookie, "thanks")).status).toBe(200);
    expect((await react(first.cookie, "heart")).status).toBe(200);
    const told = await notificationsOf(author.cookie);
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ kind: "reaction", read: false });
    expect(told[0]!.text).toContain("3");
  });
});

describe("notifications from activities", () => {
  it("tells the organiser who takes part, and the person who moves up from the waiting list", async () => {
    const [organiser, first, second] = [await neighbour(), await neighbour(), await neighbour()];
    const start = Date.now() + 7 * 24 * 60 * 60 * 1000;
    const created = await call(DELINDE, "/api/neighbourhoods/lindenhof/activities", {
      method: "POST",
      cookie: organiser.cookie,
      json: { title: "Snoeimiddag", description: "Samen de heg snoeien.", place: "Lindenplein", startsAt: new Date(start).toISOString(), endsAt: new Date(start + 7_200_000).toISOString(), capacity: 1 },
    });
    expect(created.status).toBe(201);
    const { id } = (await json(created)).activity;
    const rsvp = (cookie: string, answer: string) => call(DELINDE, `/api/activities/${id}/rsvp`, { method: "POST", cookie, json: { answer } });

    expect((await rsvp(first.cookie, "going")).status).toBe(200);
    const taking = await eventually(organiser.cookie, "rsvp");
    expect(taking).toHaveLength(1);
    expect(taking[0]!.text).toContain(first.displayName);
    expect(taking[0]!.url).toBe(`/activiteit/${id}/deelnemers`);

    expect((await json(await rsvp(second.cookie, "going"))).rsvp).toEqual({ answer: "going", waitlisted: true });
    expect((await rsvp(first.cookie, "not_going")).status).toBe(200);
    const movedUp = await eventually(second.cookie, "waitlist_moved_up");
    expect(movedUp).toHaveLength(1);
    expect(movedUp[0]).toMatchObject({ url: `/activiteit/${id}` });
    expect(movedUp[0]!.text).toContain("Snoeimiddag");
    expect((await notificationsOf(first.cookie)).filter((item) => item.kind === "waitlist_moved_up")).toEqual([]);
  });
});
