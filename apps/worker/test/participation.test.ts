// Participation: polls, the liveability pulse, "What first?" and the corporation's insight with the
// < 5 rule. Bad input on every route — a second answer, after the deadline, not a member, another
// corporation's ids, a resident reading the dashboard — gets a clear status and code, and changes nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { hashPassword } from "@buurtplein/core";
import { tenantSchema } from "@buurtplein/db";
import { call, json, login } from "./helpers.ts";
import { DELINDE } from "./account-fixtures.ts";
import { createFreshTenant, NEW_PASSWORD } from "./invite-fixtures.ts";

const DAY = 86_400_000;
const iso = (instant: number) => new Date(instant).toISOString();
const SCORES = { safety: 4, cleanliness: 3, social_contact: 5, facilities: 2, green_and_play: 4, nuisance: 3, maintenance: 2 };

let tenant: Awaited<ReturnType<typeof createFreshTenant>>;
const residents: string[] = [];
let nina = "";
let moderator = "";

beforeAll(async () => {
  tenant = await createFreshTenant();
  const passwordHash = await hashPassword(NEW_PASSWORD);
  for (let index = 0; index < 6; index += 1) {
    const id = crypto.randomUUID();
    const email = `buur${index}@proef.example`;
    await tenant.db.insert(tenantSchema.users).values({ id, email, displayName: `Buur ${index}`, role: "resident", passwordHash });
    await tenant.db.insert(tenantSchema.memberships).values({ userId: id, neighbourhoodId: tenant.neighbourhoods.oudwijk });
    residents.push(await login(tenant.host, email, NEW_PASSWORD));
  }
  nina = await login(tenant.host, "nina@proef.example", NEW_PASSWORD);
  moderator = await login(tenant.host, "mo@proef.example", NEW_PASSWORD);
});

const post = (cookie: string, path: string, body: unknown) => call(tenant.host, path, { method: "POST", cookie, json: body });
async function expectError(response: Response, status: number, code: string) {
  expect(response.status, await response.clone().text()).toBe(status);
  expect((await json(response)).error.code).toBe(code);
}

async function createPoll(body: Record<string, unknown> = {}) {
  const response = await post(residents[0]!, "/api/neighbourhoods/oudwijk/polls", { question: "Waar komt het bankje?", options: ["Bij de speeltuin", "Bij de vijver", "Op het plein"], ...body });
  expect(response.status, await response.clone().text()).toBe(201);
  return (await json(response)).poll as { id: string; results: number[] | null };
}

describe("polls", () => {
  it("shows results only after voting; a second vote is 409 and changes nothing", async () => {
    const poll = await createPoll({ closesAt: iso(Date.now() + DAY) });
    expect(poll.results).toBeNull();
    const before = await json(await call(tenant.host, `/api/polls/${poll.id}`, { cookie: residents[1]! }));
    expect(before.poll).toMatchObject({ results: null, myVote: null, canVote: true });
    const vote = await post(residents[1]!, `/api/polls/${poll.id}/votes`, { options: [1] });
    expect(vote.status).toBe(200);
    expect((await json(vote)).poll).toMatchObject({ myVote: [1], results: [0, 1, 0], voters: 1, canVote: false });
    await expectError(await post(residents[1]!, `/api/polls/${poll.id}/votes`, { options: [0] }), 409, "already_answered");
    const after = await json(await call(tenant.host, `/api/polls/${poll.id}`, { cookie: residents[1]! }));
    expect(after.poll.results).toEqual([0, 1, 0]);
  });

  it("takes several options only in a multiple-choice poll, and only options that exist", async () => {
    const single = await createPoll();
    await expectError(await post(residents[2]!, `/api/polls/${single.id}/votes`, { options: [0, 1] }), 422, "invalid_input");
    await expectError(await post(residents[2]!, `/api/polls/${single.id}/votes`, { options: [7] }), 422, "invalid_input");
    await expectError(await post(residents[2]!, `/api/polls/${single.id}/votes`, { options: "nee" }), 422, "invalid_input");
    const multiple = await createPoll({ multiple: true });
    const vote = await post(residents[2]!, `/api/polls/${multiple.id}/votes`, { options: [2, 0] });
    expect((await json(vote)).poll.results).toEqual([1, 0, 1]);
  });

  it("refuses votes after the deadline (409) and shows the results to everyone once closed", async () => {
    const poll = await createPoll({ closesAt: iso(Date.now() + DAY) });
    await tenant.db.update(tenantSchema.polls).set({ closesAt: Date.now() - 1000 }).where(eq(tenantSchema.polls.id, poll.id));
    await expectError(await post(residents[3]!, `/api/polls/${poll.id}/votes`, { options: [0] }), 409, "participation_closed");
    const read = await json(await call(tenant.host, `/api/polls/${poll.id}`, { cookie: residents[3]! }));
    expect(read.poll).toMatchObject({ closed: true, results: [0, 0, 0], canVote: false });
    expect(await tenant.db.select().from(tenantSchema.pollVotes).where(eq(tenantSchema.pollVotes.pollId, poll.id))).toEqual([]);
  });

  it("refuses non-members, staff votes, another corporation's ids and a deadline in the past", async () => {
    const poll = await createPoll();
    await expectError(await post(nina, `/api/polls/${poll.id}/votes`, { options: [0] }), 403, "forbidden");
    await expectError(await post(tenant.adminCookie, `/api/polls/${poll.id}/votes`, { options: [0] }), 403, "forbidden");
    await expectError(await post(nina, "/api/neighbourhoods/oudwijk/polls", { question: "Q?", options: ["a", "b"] }), 403, "forbidden");
    const anna = await login(DELINDE, "anna@delinde.example");
    await expectError(await call(DELINDE, `/api/polls/${poll.id}/votes`, { method: "POST", cookie: anna, json: { options: [0] } }), 404, "not_found");
    await expectError(await post(residents[0]!, "/api/neighbourhoods/oudwijk/polls", { question: "Q?", options: ["a", "b"], closesAt: iso(Date.now() - DAY) }), 422, "invalid_input");
    await expectError(await post(residents[0]!, "/api/neighbourhoods/oudwijk/polls", { question: "Q?", options: ["a"] }), 422, "invalid_input");
    await expectError(await call(tenant.host, `/api/polls/${poll.id}/votes`, { method: "POST", cookie: residents[0]!, body: "options=1", headers: { "content-type": "application/x-www-form-urlencoded" } }), 415, "unsupported_media_type");
    expect(await tenant.db.select().from(tenantSchema.pollVotes).where(eq(tenantSchema.pollVotes.pollId, poll.id))).toEqual([]);
  });
});

describe("the liveability pulse and the insight dashboard", () => {
  let pulseId = "";

  it("lets only staff start a pulse, one at a time per neighbourhood", async () => {
    const period = { opensAt: iso(Date.now() - DAY), closesAt: iso(Date.now() + 30 * DAY) };
    await expectError(await post(residents[0]!, "/api/neighbourhoods/oudwijk/pulses", period), 403, "forbidden");
    await expectError(await post(tenant.adminCookie, "/api/neighbourhoods/oudwijk/pulses", { opensAt: period.closesAt, closesAt: period.opensAt }), 422, "invalid_input");
    const created = await post(tenant.adminCookie, "/api/neighbourhoods/oudwijk/pulses", period);
    expect(created.status, await created.clone().text()).toBe(201);
    pulseId = (await json(created)).pulse.id;
    await expectError(await post(moderator, "/api/neighbourhoods/oudwijk/pulses", { opensAt: iso(Date.now()), closesAt: iso(Date.now() + 60 * DAY) }), 409, "conflict");
    const hub = await json(await call(tenant.host, "/api/neighbourhoods/oudwijk/participation", { cookie: residents[0]! }));
    expect(hub.pulse).toMatchObject({ id: pulseId, answered: false });
  });

  it("takes one response per member per period; bad scores, non-members and other corporations are refused", async () => {
    const first = await post(residents[0]!, `/api/pulses/${pulseId}/responses`, { scores: SCORES, comment: "Meer bankjes graag", shareComment: true });
    expect(first.status, await first.clone().text()).toBe(201);
    await expectError(await post(residents[0]!, `/api/pulses/${pulseId}/responses`, { scores: { ...SCORES, safety: 1 } }), 409, "already_answered");
    await expectError(await post(residents[1]!, `/api/pulses/${pulseId}/responses`, { scores: { ...SCORES, safety: 6 } }), 422, "invalid_input");
    await expectError(await post(residents[1]!, `/api/pulses/${pulseId}/responses`, { scores: { safety: 3 } }), 422, "invalid_input");
    await expectError(await post(nina, `/api/pulses/${pulseId}/responses`, { scores: SCORES }), 403, "forbidden");
    await expectError(await post(tenant.adminCookie, `/api/pulses/${pulseId}/responses`, { scores: SCORES }), 403, "forbidden");
    const anna = await login(DELINDE, "anna@delinde.example");
    await expectError(await call(DELINDE, `/api/pulses/${pulseId}/responses`, { method: "POST", cookie: anna, json: { scores: SCORES } }), 404, "not_found");
    const rows = await tenant.db.select().from(tenantSchema.pulseResponses).where(eq(tenantSchema.pulseResponses.pulseId, pulseId));
    expect(rows.map((row) => row.safety)).toEqual([4]);
  });

  it("refuses responses to a pulse that is not open", async () => {
    const later = await post(tenant.adminCookie, "/api/neighbourhoods/oudwijk/pulses", { opensAt: iso(Date.now() + 100 * DAY), closesAt: iso(Date.now() + 130 * DAY) });
    const id = (await json(later)).pulse.id;
    await expectError(await post(residents[0]!, `/api/pulses/${id}/responses`, { scores: SCORES }), 409, "participation_closed");
  });

  it("hides every figure of fewer than five people, also in the CSV, and is for staff only", async () => {
    await expectError(await call(tenant.host, "/api/insight/neighbourhoods/oudwijk", { cookie: residents[0]! }), 403, "forbidden");
    for (const cookie of residents.slice(1, 4)) expect((await post(cookie, `/api/pulses/${pulseId}/responses`, { scores: SCORES, comment: "geheim", shareComment: false })).status).toBe(201);
    const few = await json(await call(tenant.host, "/api/insight/neighbourhoods/oudwijk", { cookie: moderator }));
    expect(few.pulse).toMatchObject({ id: pulseId, respondents: "< 5", themes: { safety: "< 5", maintenance: "< 5" } });
    expect(few.participation).toBe("< 5");
    expect(few.comments).toEqual([]);
    const csv = await call(tenant.host, "/api/insight/neighbourhoods/oudwijk?format=csv", { cookie: moderator });
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const text = await csv.text();
    expect(text).toContain("pulse_score");
    expect(text).toContain("< 5");
    expect(text).not.toContain(",4\r\n");

    expect((await post(residents[4]!, `/api/pulses/${pulseId}/responses`, { scores: { ...SCORES, safety: 2 } })).status).toBe(201);
    const enough = await json(await call(tenant.host, "/api/insight/neighbourhoods/oudwijk", { cookie: moderator }));
    expect(enough.pulse).toMatchObject({ respondents: 5, themes: { safety: 3.6, social_contact: 5 } });
    // 5 of the 8 neighbours (6 residents, the ambassador and Rik) answered.
    expect(enough.members).toBe(8);
    expect(enough.participation).toBe(63);
    expect(enough.comments).toEqual(["Meer bankjes graag"]);
    await expectError(await call(tenant.host, "/api/insight/neighbourhoods/bestaat-niet", { cookie: moderator }), 404, "not_found");
  });
});

describe("What first?", () => {
  it("takes a ranking once, and shows the neighbourhood's result when the round closes", async () => {
    await expectError(await post(residents[0]!, "/api/neighbourhoods/oudwijk/priorities", { mode: "rank", closesAt: iso(Date.now() + DAY) }), 403, "forbidden");
    const created = await post(tenant.adminCookie, "/api/neighbourhoods/oudwijk/priorities", { mode: "rank", closesAt: iso(Date.now() + DAY) });
    expect(created.status, await created.clone().text()).toBe(201);
    const id = (await json(created)).round.id;
    await expectError(await post(tenant.adminCookie, "/api/neighbourhoods/oudwijk/priorities", { mode: "points", closesAt: iso(Date.now() + DAY) }), 409, "conflict");
    const ranking = ["nuisance", "safety", "cleanliness", "social_contact", "facilities", "green_and_play", "maintenance"];
    await expectError(await post(residents[0]!, `/api/priorities/${id}/answers`, { points: { safety: 100 } }), 422, "invalid_input");
    await expectError(await post(residents[0]!, `/api/priorities/${id}/answers`, { ranking: ranking.slice(1) }), 422, "invalid_input");
    for (const cookie of residents.slice(0, 5)) expect((await post(cookie, `/api/priorities/${id}/answers`, { ranking })).status).toBe(201);
    await expectError(await post(residents[0]!, `/api/priorities/${id}/answers`, { ranking }), 409, "already_answered");
    await expectError(await post(nina, `/api/priorities/${id}/answers`, { ranking }), 403, "forbidden");
    const open = await json(await call(tenant.host, `/api/priorities/${id}`, { cookie: residents[0]! }));
    expect(open.round).toMatchObject({ answered: true, closed: false, result: null });
    await tenant.db.update(tenantSchema.priorityRounds).set({ closesAt: Date.now() - 1 }).where(eq(tenantSchema.priorityRounds.id, id));
    await expectError(await post(residents[5]!, `/api/priorities/${id}/answers`, { ranking }), 409, "participation_closed");
    const closed = await json(await call(tenant.host, `/api/priorities/${id}`, { cookie: residents[5]! }));
    expect(closed.round.result[0]).toEqual({ theme: "nuisance", points: 35, place: 1 });
    const insight = await json(await call(tenant.host, "/api/insight/neighbourhoods/oudwijk", { cookie: tenant.adminCookie }));
    expect(insight.priorities).toMatchObject({ participants: 5, ranking: [{ theme: "nuisance", points: 35, place: 1 }, { theme: "safety" }, { theme: "cleanliness" }, {}, {}, {}, {}] });
  });
});

describe("demo data", () => {
  it("gives residents, prospective residents and staff something to see", async () => {
    const els = await login(DELINDE, "els@delinde.example");
    const parkzicht = await json(await call(DELINDE, "/api/neighbourhoods/parkzicht/participation", { cookie: els }));
    expect(parkzicht.polls[0]).toMatchObject({ question: "Wat willen jullie samen in de binnentuin?", multiple: true, canVote: true, results: null });
    expect(parkzicht.pulse).toMatchObject({ answered: false });
    const joop = await login(DELINDE, "joop@delinde.example");
    const lindenhof = await json(await call(DELINDE, "/api/neighbourhoods/lindenhof/participation", { cookie: joop }));
    expect(lindenhof.pulse).toMatchObject({ answered: true });
    expect(lindenhof.priority).toMatchObject({ mode: "points", closed: false });
    const admin = await login(DELINDE, "beheer@delinde.example");
    const insight = await json(await call(DELINDE, "/api/insight/neighbourhoods/lindenhof", { cookie: admin }));
    expect(insight.trend.length).toBe(2);
    // Other tests add members to Lindenhof, so only the demo's answers are stable: three last period.
    expect(insight.trend[1]).toMatchObject({ respondents: "< 5", themes: { safety: "< 5" } });
  });
});
