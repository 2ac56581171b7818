// Early warning (vroegsignalering, decision 027): a concern reaches the care organisation its routing
// rule names; only that organisation's care partners (and the social coordinator, for what comes to
// them) read its details, each look logged; the reporter sees a broad status; corporation staff see
// counts; states move only along the state machine; unacknowledged signals are chased.
import { beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { addWorkingDays } from "@buurtplein/core";
import { tenantSchema } from "@buurtplein/db";
import { call, json, login, tenantDb } from "./helpers.ts";
import { DELINDE, HAVENSTAD, createTestUser, loginAs } from "./account-fixtures.ts";

const { signals, signalViews, signalNotes, notifications, partners, users } = tenantSchema;

const CONCERN = {
  category: "loneliness",
  description: "Mijn buurvrouw zie ik al een week niet. De gordijnen blijven dicht.",
  noticed: ["curtains_closed", "not_seen"],
  neighbourhood: "lindenhof",
  about: "neighbour",
  contact: { phone: "06 11112222" },
};

const cookies: Record<string, string> = {};

/** A care partner of a new care organisation that also serves Lindenhof (but no rule routes to it). */
async function careUserOf(slug: "delinde" | "havenstad", organisationName?: string) {
  const db = await tenantDb(slug);
  let partnerId: string;
  if (organisationName) {
    partnerId = (await db.select({ id: partners.id }).from(partners).where(eq(partners.name, organisationName)))[0]!.id;
  } else {
    partnerId = crypto.randomUUID();
    await db.insert(partners).values({ id: partnerId, name: `Welzijn ${partnerId.slice(0, 6)}`, kind: "care" });
  }
  const user = await createTestUser(slug, { role: "care_partner" });
  await db.update(users).set({ partnerId }).where(eq(users.id, user.id));
  return loginAs(slug === "delinde" ? DELINDE : HAVENSTAD, user.email!);
}

async function raise(cookie: string, body: Record<string, unknown> = CONCERN) {
  const response = await call(DELINDE, "/api/signals", { method: "POST", cookie, json: body });
  expect(response.status, await response.clone().text()).toBe(201);
  return (await json(response)).signal as { id: string; status: string };
}

async function signalRow(id: string) {
  const db = await tenantDb("delinde");
  return (await db.select().from(signals).where(eq(signals.id, id)))[0]!;
}

async function setStatus(cookie: string, id: string, body: Record<string, unknown>) {
  return call(DELINDE, `/api/signals/${id}/status`, { method: "POST", cookie, json: body });
}

beforeAll(async () => {
  for (const [key, email] of [
    ["anna", "anna@delinde.example"],
    ["joop", "joop@delinde.example"],
    ["mohamed", "mohamed@delinde.example"],
    ["els", "els@delinde.example"],
    ["sanne", "sanne@delinde.example"],
    ["admin", "beheer@delinde.example"],
    ["karin", "karin@delinde.example"],
    ["wijkteam", "wijkteam@delinde.example"],
    ["privacy", "privacy@delinde.example"],
  ] as const) {
    cookies[key] = await login(DELINDE, email);
  }
  cookies.otherCare = await careUserOf("delinde");
  cookies.havenstadCare = await careUserOf("havenstad", "Wijkteam Havenstad");
});

describe("raising a concern", () => {
  it("routes it to the Lindenhof wijkteam, tells only them, and answers with the broad status", async () => {
    const signal = await raise(cookies.anna!);
    expect(signal.status).toBe("received");
    const row = await signalRow(signal.id);
    const db = await tenantDb("delinde");
    const [wijkteam] = await db.select().from(partners).where(eq(partners.name, "Wijkteam Amersfoort-Noord"));
    expect(row.partnerId).toBe(wijkteam!.id);
    expect(row.routingRuleId).not.toBeNull();
    // Sealed: the database (and so the corporation's own export of it) holds no readable content.
    expect(row.details).toMatch(/^v1:/);
    expect(row.details).not.toContain("gordijnen");
    expect(row.details).not.toContain("06 1111");
    const told = await db.select().from(notifications).where(eq(notifications.subjectId, signal.id));
    const wijkteamUser = (await db.select().from(users).where(eq(users.email, "wijkteam@delinde.example")))[0]!;
    expect(told.map((row) => [row.userId, row.kind])).toEqual([[wijkteamUser.id, "signal_new"]]);
    expect(JSON.stringify(told)).not.toContain("gordijnen");
  });

  it("never appears in the neighbourhood's feed", async () => {
    const signal = await raise(cookies.anna!);
    const feed = await call(DELINDE, "/api/neighbourhoods/lindenhof/posts", { cookie: cookies.joop! });
    const text = await feed.text();
    expect(text).not.toContain(signal.id);
    expect(text).not.toContain("gordijnen blijven dicht");
  });

  it("refuses bad input with a clear code and stores nothing", async () => {
    const db = await tenantDb("delinde");
    const before = (await db.select({ id: signals.id }).from(signals)).length;
    const cases: [Record<string, unknown> | string, number, string][] = [
      [{ ...CONCERN, category: "appearance" }, 422, "invalid_input"],
      [{ ...CONCERN, description: "kort" }, 422, "invalid_input"],
      [{ ...CONCERN, about: "myself" }, 422, "invalid_input"],
      [{ ...CONCERN, origin: "ergens" }, 422, "invalid_input"],
      [{ ...CONCERN, complex: "XX-9" }, 422, "invalid_input"],
      [{ ...CONCERN, neighbourhood: "nergens" }, 404, "not_found"],
      [{ ...CONCERN, neighbourhood: "parkzicht" }, 403, "forbidden"],
      ["{not json", 400, "bad_request"],
    ];
    for (const [body, status, code] of cases) {
      const response =
        typeof body === "string"
          ? await call(DELINDE, "/api/signals", { method: "POST", cookie: cookies.anna!, body, headers: { "content-type": "application/json" } })
          : await call(DELINDE, "/api/signals", { method: "POST", cookie: cookies.anna!, json: body });
      expect(response.status, JSON.stringify(body)).toBe(status);
      expect((await json(response)).error.code).toBe(code);
    }
    const consent = await json(await call(DELINDE, "/api/signals", { method: "POST", cookie: cookies.anna!, json: { ...CONCERN, about: "myself" } }));
    expect(Object.keys(consent.error.details.fields)).toEqual(["consent"]);
    expect((await call(DELINDE, "/api/signals", { method: "POST", json: CONCERN })).status).toBe(401);
    for (const who of ["karin", "wijkteam"]) {
      expect((await call(DELINDE, "/api/signals", { method: "POST", cookie: cookies[who]!, json: CONCERN })).status).toBe(403);
    }
    expect((await db.select({ id: signals.id }).from(signals)).length).toBe(before);
  });

  it("may be raised by staff and with consent about oneself, with a complex", async () => {
    const bySanne = await raise(cookies.sanne!, { ...CONCERN, neighbourhood: "parkzicht", category: "safety" });
    expect((await signalRow(bySanne.id)).partnerId).toBeNull(); // no rule for Parkzicht: the coordinator
    const own = await raise(cookies.anna!, { ...CONCERN, about: "myself", consent: true, complex: "lh-a", category: "money" });
    expect(await signalRow(own.id)).toMatchObject({ about: "myself", consent: true });
    const handler = await json(await call(DELINDE, `/api/signals/${own.id}`, { cookie: cookies.wijkteam! }));
    expect(handler.signal.details).toMatchObject({ complex: "LH-A", description: CONCERN.description });
  });
});

describe("who reads a signal", () => {
  it("shows details to the routed organisation (logged), the broad status to the reporter, and 404 to everyone else", async () => {
    const signal = await raise(cookies.anna!);
    const db = await tenantDb("delinde");
    const viewsBefore = (await db.select().from(signalViews).where(eq(signalViews.signalId, signal.id))).length;

    const handler = await call(DELINDE, `/api/signals/${signal.id}`, { cookie: cookies.wijkteam! });
    expect(handler.status).toBe(200);
    const detail = await json(handler);
    expect(detail.signal.details.description).toBe(CONCERN.description);
    expect(detail.signal.actions).toEqual(["acknowledged", "not_ours", "closed"]);
    expect((await db.select().from(signalViews).where(eq(signalViews.signalId, signal.id))).length).toBe(viewsBefore + 1);

    const reporter = await json(await call(DELINDE, `/api/signals/${signal.id}`, { cookie: cookies.anna! }));
    expect(reporter.signal).toEqual({ id: signal.id, category: "loneliness", status: "received", createdAt: expect.any(Number) });
    expect(JSON.stringify(reporter)).not.toContain("gordijnen");

    for (const who of ["joop", "mohamed", "els", "sanne", "admin", "karin", "otherCare", "privacy"]) {
      const response = await call(DELINDE, `/api/signals/${signal.id}`, { cookie: cookies[who]! });
      expect(response.status, who).toBe(404);
      expect(await response.text()).not.toContain("gordijnen");
    }
    expect((await call(HAVENSTAD, `/api/signals/${signal.id}`, { cookie: cookies.havenstadCare! })).status).toBe(404);
    expect((await call(DELINDE, `/api/signals/${signal.id}`)).status).toBe(401);
    // Only the handler's look was logged.
    expect((await db.select().from(signalViews).where(eq(signalViews.signalId, signal.id))).length).toBe(viewsBefore + 1);
  });

  it("lists a signal in its organisation's inbox only, without its content", async () => {
    const signal = await raise(cookies.joop!);
    const inbox = await json(await call(DELINDE, "/api/care/signals", { cookie: cookies.wijkteam! }));
    expect(inbox.organisation).toBe("Wijkteam Amersfoort-Noord");
    expect(inbox.signals.map((row: { id: string }) => row.id)).toContain(signal.id);
    expect(JSON.stringify(inbox)).not.toContain("gordijnen");
    const other = await json(await call(DELINDE, "/api/care/signals", { cookie: cookies.otherCare! }));
    expect(other.signals.map((row: { id: string }) => row.id)).not.toContain(signal.id);
    for (const who of ["anna", "admin", "karin"]) expect((await call(DELINDE, "/api/care/signals", { cookie: cookies[who]! })).status, who).toBe(403);
    const mine = await json(await call(DELINDE, "/api/signals", { cookie: cookies.joop! }));
    expect(mine.signals.map((row: { id: string }) => row.id)).toContain(signal.id);
    const annas = await json(await call(DELINDE, "/api/signals", { cookie: cookies.anna! }));
    expect(annas.signals.map((row: { id: string }) => row.id)).not.toContain(signal.id);
  });
});

describe("the demo", () => {
  it("gives the wijkteam an inbox whose signals open (sealed by the seed as the API seals them)", async () => {
    const inbox = await json(await call(DELINDE, "/api/care/signals", { cookie: cookies.wijkteam! }));
    const demo = await json(await call(DELINDE, `/api/signals/${inbox.signals.find((row: { status: string; category: string }) => row.category === "money" && row.status === "acknowledged")?.id}`, { cookie: cookies.wijkteam! }));
    expect(demo.signal.details.description).toContain("rekeningen");
  });
});

describe("handling a signal", () => {
  it("moves along the state machine; a wrong step is 409 and changes nothing", async () => {
    const signal = await raise(cookies.anna!);
    const wrong = await setStatus(cookies.wijkteam!, signal.id, { status: "resolved" });
    expect(wrong.status).toBe(409);
    expect((await json(wrong)).error.code).toBe("conflict");
    expect((await signalRow(signal.id)).status).toBe("new");
    for (const [body, status] of [
      [{ status: "new" }, 422],
      [{ status: "acknowledged", extra: 1 }, 422],
      [{}, 422],
    ] as const) {
      expect((await setStatus(cookies.wijkteam!, signal.id, body)).status, JSON.stringify(body)).toBe(status);
    }
    for (const who of ["anna", "sanne", "admin", "otherCare", "karin"]) {
      expect((await setStatus(cookies[who]!, signal.id, { status: "acknowledged" })).status, who).toBe(404);
      expect((await call(DELINDE, `/api/signals/${signal.id}/notes`, { method: "POST", cookie: cookies[who]!, json: { body: "Kijkje genomen" } })).status, who).toBe(404);
    }
    expect((await signalRow(signal.id)).status).toBe("new");

    expect((await setStatus(cookies.wijkteam!, signal.id, { status: "acknowledged" })).status).toBe(200);
    expect((await setStatus(cookies.wijkteam!, signal.id, { status: "acknowledged" })).status).toBe(409);
    const note = await call(DELINDE, `/api/signals/${signal.id}/notes`, { method: "POST", cookie: cookies.wijkteam!, json: { body: "Huisbezoek gepland voor donderdag." } });
    expect(note.status).toBe(201);
    expect((await call(DELINDE, `/api/signals/${signal.id}/notes`, { method: "POST", cookie: cookies.wijkteam!, json: { body: "" } })).status).toBe(422);
    const detail = await json(await call(DELINDE, `/api/signals/${signal.id}`, { cookie: cookies.wijkteam! }));
    expect(detail.notes.map((row: { body: string }) => row.body)).toEqual(["Huisbezoek gepland voor donderdag."]);
    const [stored] = await (await tenantDb("delinde")).select().from(signalNotes).where(eq(signalNotes.signalId, signal.id));
    expect(stored!.body).not.toContain("Huisbezoek");
    const reporter = await json(await call(DELINDE, `/api/signals/${signal.id}`, { cookie: cookies.anna! }));
    expect(reporter.signal.status).toBe("in_progress");
    expect(JSON.stringify(reporter)).not.toContain("Huisbezoek");
    const db = await tenantDb("delinde");
    const annaId = (await db.select().from(users).where(eq(users.email, "anna@delinde.example")))[0]!.id;
    expect(await db.select().from(notifications).where(and(eq(notifications.subjectId, signal.id), eq(notifications.userId, annaId)))).toHaveLength(1);

    expect((await setStatus(cookies.wijkteam!, signal.id, { status: "resolved" })).status).toBe(200);
    expect((await json(await call(DELINDE, `/api/signals/${signal.id}`, { cookie: cookies.anna! }))).signal.status).toBe("done");
    expect((await setStatus(cookies.wijkteam!, signal.id, { status: "closed" })).status).toBe(200);
    expect((await setStatus(cookies.wijkteam!, signal.id, { status: "in_progress" })).status).toBe(409);
  });

  it("sends a 'not ours' back to routing with a reason: here to the social coordinator", async () => {
    const signal = await raise(cookies.anna!, { ...CONCERN, category: "money" });
    const noReason = await setStatus(cookies.wijkteam!, signal.id, { status: "not_ours" });
    expect(noReason.status).toBe(422);
    expect((await signalRow(signal.id)).partnerId).not.toBeNull();
    const back = await setStatus(cookies.wijkteam!, signal.id, { status: "not_ours", note: "Dit is voor de schuldhulp." });
    expect(back.status).toBe(200);
    expect((await json(back)).signal.routed).toBe("coordinator");
    const row = await signalRow(signal.id);
    expect(row.partnerId).toBeNull();
    expect(row.declinedBy.length).toBe(1);
    expect((await call(DELINDE, `/api/signals/${signal.id}`, { cookie: cookies.wijkteam! })).status).toBe(404);
    // Sanne is De Linde's social coordinator: now she handles it, and the admin still reads nothing.
    const coordinator = await json(await call(DELINDE, `/api/signals/${signal.id}`, { cookie: cookies.sanne! }));
    expect(coordinator.signal.details.description).toBe(CONCERN.description);
    expect(coordinator.notes).toEqual([]); // the wijkteam's notes stay with the wijkteam
    expect((await call(DELINDE, `/api/signals/${signal.id}`, { cookie: cookies.admin! })).status).toBe(404);
    const inbox = await json(await call(DELINDE, "/api/care/signals", { cookie: cookies.sanne! }));
    expect(inbox.signals.map((item: { id: string }) => item.id)).toContain(signal.id);
  });
});

describe("need-to-know for the corporation", () => {
  it("gives the admin counts only, masked under five", async () => {
    const response = await call(DELINDE, "/api/insight/signals", { cookie: cookies.admin! });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toContain("gordijnen");
    const body = JSON.parse(text);
    expect(body.threshold).toBe(5);
    for (const row of body.neighbourhoods) expect(Object.keys(row).sort()).toEqual(["averageHoursToAcknowledge", "done", "name", "open", "total"]);
    expect((await call(DELINDE, "/api/insight/signals", { cookie: cookies.anna! })).status).toBe(403);
    expect((await call(DELINDE, "/api/insight/signals", { cookie: cookies.wijkteam! })).status).toBe(403);
  });

  it("lets only the privacy officer read the access log, which no one can change", async () => {
    const signal = await raise(cookies.anna!);
    await call(DELINDE, `/api/signals/${signal.id}`, { cookie: cookies.wijkteam! });
    const log = await call(DELINDE, "/api/signals/audit", { cookie: cookies.privacy! });
    expect(log.status).toBe(200);
    const text = await log.text();
    expect(text).not.toContain("gordijnen");
    const entry = JSON.parse(text).entries.find((row: { signalId: string }) => row.signalId === signal.id);
    expect(entry).toMatchObject({ signalId: signal.id, viewerRole: "care_partner", organisation: "Wijkteam Amersfoort-Noord", viewerId: expect.any(String), viewedAt: expect.any(Number) });
    for (const who of ["admin", "sanne", "anna", "wijkteam"]) expect((await call(DELINDE, "/api/signals/audit", { cookie: cookies[who]! })).status, who).toBe(403);
    const db = await tenantDb("delinde");
    await expect(db.update(signalViews).set({ viewerId: "x" }).where(eq(signalViews.signalId, signal.id))).rejects.toThrow();
    await expect(db.delete(signalViews).where(eq(signalViews.signalId, signal.id))).rejects.toThrow();
  });
});

describe("the care job", () => {
  async function runCareJob(now: number) {
    const response = await call(DELINDE, `/api/dev/jobs/care?now=${now}`, { method: "POST" });
    expect(response.status).toBe(200);
    return (await json(response)).result as { reminded: number; escalated: number; detailsRemoved: number };
  }

  it("reminds after 2 working days, escalates to the coordinator after 5, once each", async () => {
    const signal = await raise(cookies.joop!);
    const created = (await signalRow(signal.id)).routedAt;
    await runCareJob(addWorkingDays(created, 1));
    expect((await signalRow(signal.id)).remindedAt).toBeNull();
    const remindAt = addWorkingDays(created, 2) + 1000;
    await runCareJob(remindAt);
    expect((await signalRow(signal.id)).remindedAt).toBe(remindAt);
    const db = await tenantDb("delinde");
    const kinds = async () => (await db.select().from(notifications).where(eq(notifications.subjectId, signal.id))).map((row) => row.kind).sort();
    expect(await kinds()).toEqual(["signal_new", "signal_reminder"]);
    await runCareJob(remindAt + 1000);
    expect(await kinds()).toEqual(["signal_new", "signal_reminder"]);
    expect((await call(DELINDE, `/api/signals/${signal.id}`, { cookie: cookies.sanne! })).status).toBe(404);
    const escalateAt = addWorkingDays(created, 5) + 1000;
    await runCareJob(escalateAt);
    expect((await signalRow(signal.id)).escalatedAt).toBe(escalateAt);
    expect(await kinds()).toEqual(["signal_escalated", "signal_new", "signal_reminder"]);
    // The coordinator now reads it; the wijkteam still handles it.
    expect((await call(DELINDE, `/api/signals/${signal.id}`, { cookie: cookies.sanne! })).status).toBe(200);
    expect((await call(DELINDE, `/api/signals/${signal.id}`, { cookie: cookies.wijkteam! })).status).toBe(200);
    expect((await call(DELINDE, `/api/signals/${signal.id}`, { cookie: cookies.admin! })).status).toBe(404);
    await runCareJob(escalateAt + 1000);
    expect(await kinds()).toEqual(["signal_escalated", "signal_new", "signal_reminder"]);
  });

  it("removes the details of closed signals after the retention period; counts stay", async () => {
    const signal = await raise(cookies.anna!);
    await call(DELINDE, `/api/signals/${signal.id}/notes`, { method: "POST", cookie: cookies.wijkteam!, json: { body: "Gebeld." } });
    expect((await setStatus(cookies.wijkteam!, signal.id, { status: "closed" })).status).toBe(200);
    const closedAt = (await signalRow(signal.id)).closedAt!;
    await runCareJob(closedAt + 300 * 24 * 60 * 60 * 1000);
    expect((await signalRow(signal.id)).details).not.toBeNull();
    const result = await runCareJob(closedAt + 370 * 24 * 60 * 60 * 1000);
    expect(result.detailsRemoved).toBeGreaterThanOrEqual(1);
    const row = await signalRow(signal.id);
    expect(row).toMatchObject({ details: null, reporterId: null, category: "loneliness", status: "closed" });
    const db = await tenantDb("delinde");
    expect(await db.select().from(signalNotes).where(eq(signalNotes.signalId, signal.id))).toEqual([]);
    const detail = await json(await call(DELINDE, `/api/signals/${signal.id}`, { cookie: cookies.wijkteam! }));
    expect(detail.signal.details).toBeNull();
  });
});
