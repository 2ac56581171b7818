// Reports and moderation through the API: reporting (once, rate limited, only what one can read), the
// one queue (ambassadors their neighbourhood, moderators all), hide / restore / warn / suspend with a
// reason the author reads, the appeal (once, to another moderator), the public record, the kindness
// prompt and its word list. Bad input answers a stable code and changes nothing.
import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { tenantSchema } from "@buurtplein/db";
import { call, json, login, tenantDb, uniqueSlug } from "./helpers.ts";
import { createTestUser, loginAs, type TestUser } from "./account-fixtures.ts";

const DELINDE = "delinde.localhost:8787";
const HAVENSTAD = "havenstad.localhost:8787";
const { posts, reports, moderationActions, auditLog, notifications, neighbourhoods, tenantSettings } = tenantSchema;

interface Person {
  user: TestUser;
  cookie: string;
}

async function person(options: { neighbourhood?: string; role?: string } = {}): Promise<Person> {
  const user = await createTestUser("delinde", { neighbourhood: options.neighbourhood, role: options.role ?? "resident", street: "Teststraat" });
  return { user, cookie: await loginAs(DELINDE, user.email!) };
}
const resident = (neighbourhood = "lindenhof") => person({ neighbourhood });
const moderator = () => person({ role: "moderator" });
const ambassador = (neighbourhood = "lindenhof") => person({ neighbourhood, role: "ambassador" });

const send = (method: string, path: string, cookie: string | undefined, body?: unknown, host = DELINDE) =>
  call(host, path, { method, ...(cookie ? { cookie } : {}), ...(body === undefined ? {} : { json: body }) });

async function post(who: Person, body = "Hallo buren", where = "lindenhof", postAnyway = false): Promise<string> {
  const response = await send("POST", `/api/neighbourhoods/${where}/posts`, who.cookie, { kind: "message", title: "Testbericht", body, postAnyway });
  expect(response.status, await response.clone().text()).toBe(201);
  return (await json(response)).post.id;
}

async function reply(who: Person, postId: string, body = "Eens!", postAnyway = false): Promise<string> {
  const response = await send("POST", `/api/posts/${postId}/replies`, who.cookie, { body, postAnyway });
  expect(response.status, await response.clone().text()).toBe(201);
  return (await json(response)).reply.id;
}

async function hide(who: Person, targetType: string, targetId: string, reason = "Dit is kwetsend voor buren.", houseRule?: number) {
  return send("POST", "/api/moderation/hide", who.cookie, { targetType, targetId, reason, ...(houseRule ? { houseRule } : {}) });
}

async function db() {
  return tenantDb("delinde");
}

async function status(id: string) {
  const [row] = await (await db()).select({ status: posts.status }).from(posts).where(eq(posts.id, id));
  return row?.status;
}

async function reportCount(targetId: string) {
  return (await (await db()).select().from(reports).where(eq(reports.targetId, targetId))).length;
}

async function actionCount(targetId: string) {
  return (await (await db()).select().from(moderationActions).where(eq(moderationActions.targetId, targetId))).length;
}

async function code(response: Response) {
  return (await json(response)).error.code;
}

describe("reports", () => {
  it("takes a report of a post, reply or member once per person, and says it was received", async () => {
    const author = await resident();
    const reporter = await resident();
    const id = await post(author);
    const replyId = await reply(author, id);
    const response = await send("POST", "/api/reports", reporter.cookie, { targetType: "post", targetId: id, reason: "Scheldwoorden", houseRule: 2 });
    expect(response.status).toBe(201);
    expect((await json(response)).report).toMatchObject({ targetType: "post", targetId: id, status: "open" });
    expect((await send("POST", "/api/reports", reporter.cookie, { targetType: "reply", targetId: replyId, reason: "Pesterig" })).status).toBe(201);
    expect((await send("POST", "/api/reports", reporter.cookie, { targetType: "member", targetId: author.user.id, reason: "Pest steeds" })).status).toBe(201);
    const again = await send("POST", "/api/reports", reporter.cookie, { targetType: "post", targetId: id, reason: "Nog een keer" });
    expect(again.status).toBe(409);
    expect(await code(again)).toBe("already_reported");
    expect(await reportCount(id)).toBe(1);
  });

  it("refuses a wrong target type, no reason, unknown, another corporation's and unreadable targets, and one's own post — nothing stored", async () => {
    const author = await resident();
    const reporter = await resident();
    const id = await post(author);
    const wrongType = await send("POST", "/api/reports", reporter.cookie, { targetType: "group", targetId: id, reason: "Waarom" });
    expect(wrongType.status).toBe(422);
    expect(await code(wrongType)).toBe("invalid_input");
    expect((await send("POST", "/api/reports", reporter.cookie, { targetType: "post", targetId: id, reason: "" })).status).toBe(422);
    expect((await send("POST", "/api/reports", reporter.cookie, { targetType: "post", targetId: id, reason: "Waarom", houseRule: 42 })).status).toBe(422);
    expect(await code(await send("POST", "/api/reports", reporter.cookie, { targetType: "post", targetId: crypto.randomUUID(), reason: "Waarom" }))).toBe("not_found");
    // A post id of Havenstad means nothing in De Linde's database.
    const pieter = await login(HAVENSTAD, "pieter@havenstad.example");
    const [havenstadPost] = await (await tenantDb("havenstad")).select({ id: posts.id }).from(posts).limit(1);
    expect((await send("POST", "/api/reports", reporter.cookie, { targetType: "post", targetId: havenstadPost!.id, reason: "Waarom" })).status).toBe(404);
    expect((await send("POST", "/api/reports", pieter, { targetType: "post", targetId: id, reason: "Waarom" }, HAVENSTAD)).status).toBe(404);
    // Someone of another neighbourhood cannot read it, so cannot report it.
    const parkzicht = await resident("parkzicht");
    expect((await send("POST", "/api/reports", parkzicht.cookie, { targetType: "post", targetId: id, reason: "Waarom" })).status).toBe(404);
    expect((await send("POST", "/api/reports", parkzicht.cookie, { targetType: "member", targetId: author.user.id, reason: "Waarom" })).status).toBe(404);
    expect(await code(await send("POST", "/api/reports", author.cookie, { targetType: "post", targetId: id, reason: "Waarom" }))).toBe("bad_request");
    expect((await send("POST", "/api/reports", undefined, { targetType: "post", targetId: id, reason: "Waarom" })).status).toBe(401);
    expect(await reportCount(id)).toBe(0);
  });
});

describe("the moderation queue", () => {
  it("shows moderators every neighbourhood and ambassadors only their own; residents get 403", async () => {
    const lindenhof = await resident();
    const parkzicht = await resident("parkzicht");
    const reporterL = await resident();
    const reporterP = await resident("parkzicht");
    const inLindenhof = await post(lindenhof);
    const inParkzicht = await post(parkzicht, "Hallo", "parkzicht");
    expect((await send("POST", "/api/reports", reporterL.cookie, { targetType: "post", targetId: inLindenhof, reason: "Niet aardig", houseRule: 1 })).status).toBe(201);
    expect((await send("POST", "/api/reports", reporterP.cookie, { targetType: "post", targetId: inParkzicht, reason: "Niet aardig" })).status).toBe(201);
    const staffQueue = await json(await send("GET", "/api/moderation/queue", (await moderator()).cookie));
    const staffIds = staffQueue.items.map((item: { targetId: string }) => item.targetId);
    expect(staffIds).toEqual(expect.arrayContaining([inLindenhof, inParkzicht]));
    const item = staffQueue.items.find((entry: { targetId: string }) => entry.targetId === inLindenhof);
    expect(item).toMatchObject({ targetType: "post", reportCount: 1, neighbourhoodSlug: "lindenhof", text: "Hallo buren", authorName: lindenhof.user.displayName });
    expect(item.reasons).toEqual([{ reason: "Niet aardig", houseRule: 1 }]);
    expect(JSON.stringify(staffQueue)).not.toContain(reporterL.user.id);
    const ambassadorIds = (await json(await send("GET", "/api/moderation/queue", (await ambassador()).cookie))).items.map((entry: { targetId: string }) => entry.targetId);
    expect(ambassadorIds).toContain(inLindenhof);
    expect(ambassadorIds).not.toContain(inParkzicht);
    const forbidden = await send("GET", "/api/moderation/queue", lindenhof.cookie);
    expect(forbidden.status).toBe(403);
    expect(await code(forbidden)).toBe("forbidden");
  });
});

describe("hiding", () => {
  it("hides a post for everyone but its author, who sees the reason; audit log and a notification", async () => {
    const author = await resident();
    const neighbour = await resident();
    const mod = await moderator();
    const id = await post(author, "Die buurman is een sukkel", "lindenhof", true);
    const response = await hide(mod, "post", id, "Je noemt een buurman een scheldnaam. Dat past niet bij de huisregels.", 2);
    expect(response.status).toBe(200);
    expect((await json(response)).decision).toMatchObject({ action: "hide", targetType: "post", targetId: id, houseRule: 2 });
    // The author: the post with the reason.
    const mine = await json(await send("GET", `/api/posts/${id}`, author.cookie));
    expect(mine.post.moderation).toMatchObject({ reason: "Je noemt een buurman een scheldnaam. Dat past niet bij de huisregels.", houseRule: 2, appealedAt: null });
    // Everyone else: gone from the post page, the feed, replies and reactions.
    expect((await send("GET", `/api/posts/${id}`, neighbour.cookie)).status).toBe(404);
    expect((await send("GET", `/api/posts/${id}`, mod.cookie)).status).toBe(404);
    const feed = await json(await send("GET", "/api/neighbourhoods/lindenhof/posts", neighbour.cookie));
    expect(JSON.stringify(feed)).not.toContain(id);
    expect((await send("POST", `/api/posts/${id}/replies`, neighbour.cookie, { body: "Hoi" })).status).toBe(404);
    expect((await send("POST", `/api/posts/${id}/reactions`, neighbour.cookie, { kind: "heart" })).status).toBe(404);
    // The author cannot change it any more, only delete it.
    const edit = await send("PATCH", `/api/posts/${id}`, author.cookie, { body: "Anders gezegd" });
    expect(edit.status).toBe(409);
    expect(await code(edit)).toBe("content_hidden");
    const database = await db();
    const [entry] = await database.select().from(auditLog).where(and(eq(auditLog.action, "moderation.hide"), eq(auditLog.subject, id)));
    expect(entry?.actorId).toBe(mod.user.id);
    const told = await database.select().from(notifications).where(and(eq(notifications.userId, author.user.id), eq(notifications.kind, "moderation_outcome")));
    expect(told).toHaveLength(1);
    // Hiding twice is a conflict, nothing new recorded.
    expect((await hide(mod, "post", id)).status).toBe(409);
    expect(await actionCount(id)).toBe(1);
  });

  it("hides a reply for everyone but its author, in the post page and the counts", async () => {
    const author = await resident();
    const replier = await resident();
    const neighbour = await resident();
    const id = await post(author);
    const replyId = await reply(replier, id, "Wat een idioot bericht", true);
    expect((await hide(await ambassador(), "reply", replyId)).status).toBe(200);
    const others = await json(await send("GET", `/api/posts/${id}`, neighbour.cookie));
    expect(others.post.replies).toHaveLength(0);
    expect(others.post.replyCount).toBe(0);
    const own = await json(await send("GET", `/api/posts/${id}`, replier.cookie));
    expect(own.post.replies).toHaveLength(1);
    expect(own.post.replies[0].moderation.reason).toBe("Dit is kwetsend voor buren.");
    expect((await send("PATCH", `/api/posts/${id}/replies/${replyId}`, replier.cookie, { body: "Sorry" })).status).toBe(409);
  });

  it("refuses residents, ambassadors outside their neighbourhood, unknown and another corporation's targets, wrong types — nothing changed", async () => {
    const author = await resident("parkzicht");
    const id = await post(author, "Hallo", "parkzicht");
    const residentTry = await hide(await resident("parkzicht"), "post", id);
    expect(residentTry.status).toBe(403);
    const outside = await hide(await ambassador("lindenhof"), "post", id);
    expect(outside.status).toBe(403);
    expect(await code(outside)).toBe("forbidden");
    const mod = await moderator();
    expect(await code(await hide(mod, "group", id))).toBe("invalid_input");
    expect(await code(await hide(mod, "member", author.user.id))).toBe("invalid_input");
    expect((await send("POST", "/api/moderation/hide", mod.cookie, { targetType: "post", targetId: id })).status).toBe(422);
    expect(await code(await hide(mod, "post", crypto.randomUUID()))).toBe("not_found");
    const [havenstadPost] = await (await tenantDb("havenstad")).select({ id: posts.id }).from(posts).limit(1);
    expect((await hide(mod, "post", havenstadPost!.id)).status).toBe(404);
    expect((await send("POST", "/api/moderation/warn", (await resident("parkzicht")).cookie, { userId: author.user.id, reason: "Let op je woorden" })).status).toBe(403);
    expect((await send("POST", "/api/moderation/suspend", (await ambassador("lindenhof")).cookie, { userId: author.user.id, reason: "Let op", days: 3 })).status).toBe(403);
    expect(await status(id)).toBe("published");
    expect(await actionCount(id)).toBe(0);
    expect(await actionCount(author.user.id)).toBe(0);
  });

  it("restores a hidden post for everyone", async () => {
    const author = await resident();
    const neighbour = await resident();
    const mod = await moderator();
    const id = await post(author);
    expect((await send("POST", "/api/moderation/restore", mod.cookie, { targetType: "post", targetId: id, reason: "Niets mis mee" })).status).toBe(409);
    expect((await hide(mod, "post", id)).status).toBe(200);
    expect((await send("POST", "/api/moderation/restore", mod.cookie, { targetType: "post", targetId: id, reason: "Toch niets mis mee" })).status).toBe(200);
    expect((await send("GET", `/api/posts/${id}`, neighbour.cookie)).status).toBe(200);
  });
});

describe("appeals", () => {
  it("lets the author appeal once; it goes to another moderator; overturning restores the post", async () => {
    const author = await resident();
    const neighbour = await resident();
    const mod = await moderator();
    const other = await moderator();
    const id = await post(author);
    const decisionId = (await json(await hide(mod, "post", id))).decision.id;
    const mine = await json(await send("GET", "/api/moderation/mine", author.cookie));
    expect(mine.decisions[0]).toMatchObject({ id: decisionId, action: "hide", postId: id, mayAppeal: true });
    // Someone else cannot appeal it.
    expect((await send("POST", `/api/moderation/decisions/${decisionId}/appeal`, neighbour.cookie, { body: "Ik vind het goed" })).status).toBe(404);
    expect((await send("POST", `/api/moderation/decisions/${decisionId}/appeal`, author.cookie, { body: "" })).status).toBe(422);
    const appeal = await send("POST", `/api/moderation/decisions/${decisionId}/appeal`, author.cookie, { body: "Ik bedoelde het als grap." });
    expect(appeal.status).toBe(201);
    const twice = await send("POST", `/api/moderation/decisions/${decisionId}/appeal`, author.cookie, { body: "Nog een keer" });
    expect(twice.status).toBe(409);
    expect(await code(twice)).toBe("already_appealed");
    const [row] = await (await db()).select().from(moderationActions).where(eq(moderationActions.id, decisionId));
    expect(row?.appealBody).toBe("Ik bedoelde het als grap.");
    expect(row?.appealReviewerId).not.toBe(mod.user.id);
    expect(row?.appealReviewerId).toBeTruthy();
    // Staff see it in the queue; ambassadors do not decide appeals.
    const queue = await json(await send("GET", "/api/moderation/queue", other.cookie));
    expect(queue.appeals.map((entry: { id: string }) => entry.id)).toContain(decisionId);
    expect((await send("POST", `/api/moderation/decisions/${decisionId}/appeal/decide`, (await ambassador()).cookie, { outcome: "overturned", reason: "Mag blijven" })).status).toBe(403);
    expect((await send("POST", `/api/moderation/decisions/${decisionId}/appeal/decide`, other.cookie, { outcome: "maybe", reason: "Mag blijven" })).status).toBe(422);
    expect((await send("POST", `/api/moderation/decisions/${decisionId}/appeal/decide`, other.cookie, { outcome: "overturned", reason: "Het was een grap, dat zien we nu." })).status).toBe(200);
    expect((await send("POST", `/api/moderation/decisions/${decisionId}/appeal/decide`, other.cookie, { outcome: "upheld", reason: "Toch niet" })).status).toBe(409);
    expect((await send("GET", `/api/posts/${id}`, neighbour.cookie)).status).toBe(200);
  });
});

describe("warnings and suspensions", () => {
  it("suspends a member: no posts, replies or reactions until the end, with a clear code", async () => {
    const member = await resident();
    const author = await resident();
    const id = await post(author);
    const mod = await moderator();
    expect((await send("POST", "/api/moderation/warn", mod.cookie, { userId: member.user.id, reason: "Blijf vriendelijk, alsjeblieft." })).status).toBe(200);
    expect((await send("POST", "/api/moderation/suspend", mod.cookie, { userId: member.user.id, reason: "Je bleef schelden.", days: 0 })).status).toBe(422);
    expect((await send("POST", "/api/moderation/suspend", mod.cookie, { userId: crypto.randomUUID(), reason: "Je bleef schelden.", days: 3 })).status).toBe(404);
    const suspended = await send("POST", "/api/moderation/suspend", mod.cookie, { userId: member.user.id, reason: "Je bleef schelden.", houseRule: 2, days: 7 });
    expect(suspended.status).toBe(200);
    const until = (await json(suspended)).decision.until;
    expect(until).toBeGreaterThan(Date.now() + 6 * 86_400_000);
    for (const attempt of [
      send("POST", "/api/neighbourhoods/lindenhof/posts", member.cookie, { kind: "message", body: "Hallo" }),
      send("POST", `/api/posts/${id}/replies`, member.cookie, { body: "Hoi" }),
      send("POST", `/api/posts/${id}/reactions`, member.cookie, { kind: "heart" }),
    ]) {
      const response = await attempt;
      expect(response.status).toBe(403);
      expect(await code(response)).toBe("member_suspended");
    }
    const decisions = (await json(await send("GET", "/api/moderation/mine", member.cookie))).decisions.map((entry: { action: string }) => entry.action);
    expect(decisions).toEqual(["suspend", "warn"]);
    // Reading still works.
    expect((await send("GET", `/api/posts/${id}`, member.cookie)).status).toBe(200);
  });
});

describe("the public record", () => {
  it("counts items hidden in the last 90 days per house rule, 1 to 4 as '< 5', never who", async () => {
    const database = await db();
    const slug = uniqueSlug("modbuurt");
    await database.insert(neighbourhoods).values({ id: crypto.randomUUID(), slug, name: "Moderatiebuurt" });
    const empty = await json(await send("GET", `/api/moderation/record/${slug}`, undefined));
    expect(empty).toMatchObject({ days: 90, total: 0, byRule: [] });
    const author = await resident(slug);
    const second = await resident(slug);
    const mod = await moderator();
    const ids = [];
    // Two authors: a member may place 5 posts per 10 minutes.
    for (let index = 0; index < 6; index += 1) ids.push(await post(index % 2 === 0 ? author : second, `Bericht ${index}`, slug));
    for (const id of ids.slice(0, 5)) expect((await hide(mod, "post", id, "Scheldwoorden", 2)).status).toBe(200);
    expect((await hide(mod, "post", ids[5]!, "Reclame", 5)).status).toBe(200);
    const record = await json(await send("GET", `/api/moderation/record/${slug}`, undefined));
    expect(record).toEqual({ neighbourhood: { slug, name: "Moderatiebuurt" }, days: 90, total: 6, byRule: [{ houseRule: 2, count: 5 }, { houseRule: 5, count: "< 5" }] });
    // A restored item no longer counts.
    expect((await send("POST", "/api/moderation/restore", mod.cookie, { targetType: "post", targetId: ids[0], reason: "Toch goed" })).status).toBe(200);
    const after = await json(await send("GET", `/api/moderation/record/${slug}`, undefined));
    expect(after.byRule).toEqual([{ houseRule: 2, count: "< 5" }, { houseRule: 5, count: "< 5" }]);
    expect(JSON.stringify(after)).not.toContain(author.user.displayName);
    expect((await send("GET", "/api/moderation/record/bestaat-niet", undefined)).status).toBe(404);
  });
});

describe("the kindness prompt", () => {
  it("asks before posting text from the word list; the author can still post", async () => {
    const author = await resident();
    const prompt = await send("POST", "/api/neighbourhoods/lindenhof/posts", author.cookie, { kind: "message", body: "Wat een idioot, die buurman" });
    expect(prompt.status).toBe(422);
    const body = await json(prompt);
    expect(body.error.code).toBe("kindness_prompt");
    expect(body.error.details.words).toEqual(["idioot"]);
    const id = await post(author, "Een fijne dag gewenst");
    const replyPrompt = await send("POST", `/api/posts/${id}/replies`, author.cookie, { body: "Shut up" });
    expect(await code(replyPrompt)).toBe("kindness_prompt");
    const anyway = await send("POST", "/api/neighbourhoods/lindenhof/posts", author.cookie, { kind: "message", body: "Wat een idioot, die buurman", postAnyway: true });
    expect(anyway.status).toBe(201);
  });

  it("lets admins change the word list (residents and moderators 403)", async () => {
    const admin = await login(DELINDE, "beheer@delinde.example");
    const database = await db();
    const [before] = await database.select({ words: tenantSettings.kindnessWords }).from(tenantSettings);
    try {
      expect((await send("PUT", "/api/moderation/words", (await resident()).cookie, { words: "mafkees" })).status).toBe(403);
      expect((await send("PUT", "/api/moderation/words", (await moderator()).cookie, { words: "mafkees" })).status).toBe(403);
      expect((await send("PUT", "/api/moderation/words", admin, { words: "x".repeat(61) })).status).toBe(422);
      expect((await json(await send("GET", "/api/moderation/words", admin))).isDefault).toBe(before?.words === null);
      const saved = await send("PUT", "/api/moderation/words", admin, { words: "mafkees\n prutser \n" });
      expect(await json(saved)).toEqual({ words: ["mafkees", "prutser"], isDefault: false });
      const author = await resident();
      expect(await code(await send("POST", "/api/neighbourhoods/lindenhof/posts", author.cookie, { kind: "message", body: "Een prutser!" }))).toBe("kindness_prompt");
      expect((await send("POST", "/api/neighbourhoods/lindenhof/posts", author.cookie, { kind: "message", body: "Een idioot" })).status).toBe(201);
    } finally {
      await database.update(tenantSettings).set({ kindnessWords: before?.words ?? null });
    }
  });
});

