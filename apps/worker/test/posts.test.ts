// One post after posting, replies and reactions through the API: every route with good and bad input,
// and "staff see only what residents share" across every route that reads posts or replies.
import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { tenantSchema } from "@buurtplein/db";
import { call, json, login, tenantDb, uniqueSlug } from "./helpers.ts";
import { createTestUser, loginAs, type TestUser } from "./account-fixtures.ts";
import { contentLimitRules } from "../src/community/content-rate-limits.ts";

const DELINDE = "delinde.localhost:8787";
const HAVENSTAD = "havenstad.localhost:8787";
const { posts, replies, reactions, auditLog, neighbourhoods, memberships, rateLimits } = tenantSchema;

interface Member {
  user: TestUser;
  cookie: string;
}

/** A resident of their own in a demo neighbourhood (no other test's limits or memberships touched). */
async function member(neighbourhood = "lindenhof", slug: "delinde" | "havenstad" = "delinde"): Promise<Member> {
  const user = await createTestUser(slug, { neighbourhood, street: "Teststraat" });
  return { user, cookie: await loginAs(slug === "delinde" ? DELINDE : HAVENSTAD, user.email!) };
}

async function post(who: Member, body: Record<string, unknown>, where = "lindenhof", host = DELINDE): Promise<string> {
  const response = await call(host, `/api/neighbourhoods/${where}/posts`, { method: "POST", cookie: who.cookie, json: { kind: "message", body: "Hallo buren", ...body } });
  expect(response.status, await response.clone().text()).toBe(201);
  return (await json(response)).post.id;
}

/**
 * A moderator of its own: posts count against a member's posting limit (5 per 10 minutes), so tests
 * that post as staff must not share the demo moderator with other test files.
 */
async function moderator(): Promise<string> {
  const user = await createTestUser("delinde", { role: "moderator" });
  return loginAs(DELINDE, user.email!);
}

const get = (path: string, cookie: string, host = DELINDE) => call(host, path, { cookie });
const send = (method: string, path: string, cookie: string, body?: unknown, host = DELINDE) => call(host, path, { method, cookie, ...(body === undefined ? {} : { json: body }) });

async function postRow(id: string) {
  const [row] = await (await tenantDb("delinde")).select().from(posts).where(eq(posts.id, id));
  return row;
}

describe("a post's own page", () => {
  it("answers the post with its replies, counts and author (never an e-mail address)", async () => {
    const anna = await member();
    const joop = await member();
    const id = await post(anna, { kind: "help_request", title: "Wie helpt tillen?", body: "Zaterdag een kast." });
    expect((await send("POST", `/api/posts/${id}/replies`, joop.cookie, { body: "Ik kom om tien uur." })).status).toBe(201);
    expect((await send("POST", `/api/posts/${id}/reactions`, joop.cookie, { kind: "heart" })).status).toBe(200);
    const response = await get(`/api/posts/${id}`, anna.cookie);
    expect(response.status).toBe(200);
    const { post: answer } = await json(response);
    expect(answer).toMatchObject({ id, kind: "help_request", title: "Wie helpt tillen?", mine: true, replyCount: 1, editedAt: null, solvedAt: null, myReaction: null });
    expect(answer.reactions).toEqual({ heart: 1, thumbs_up: 0, thanks: 0, smile: 0 });
    expect(answer.neighbourhood).toEqual({ slug: "lindenhof", name: "Lindenhof", archived: false });
    expect(answer.replies).toHaveLength(1);
    expect(answer.replies[0]).toMatchObject({ body: "Ik kom om tien uur.", authorName: joop.user.displayName, authorStreet: "Teststraat", mine: false });
    const text = JSON.stringify(answer);
    expect(text).not.toContain("@delinde.example");
    expect(text).not.toContain(joop.user.id);
  });

  it("is 404 for an unknown id, a malformed id, another corporation's post and a neighbourhood one is not in", async () => {
    const anna = await member();
    const id = await post(anna, {});
    expect((await get(`/api/posts/${crypto.randomUUID()}`, anna.cookie)).status).toBe(404);
    expect((await get(`/api/posts/${"x".repeat(100)}`, anna.cookie)).status).toBe(404);
    expect((await get(`/api/posts/${id}`, await login(HAVENSTAD, "pieter@havenstad.example"), HAVENSTAD)).status).toBe(404);
    const parkzicht = await member("parkzicht");
    const response = await get(`/api/posts/${id}`, parkzicht.cookie);
    expect(response.status).toBe(404);
    expect((await json(response)).error.code).toBe("not_found");
    expect((await call(DELINDE, `/api/posts/${id}`)).status).toBe(401);
  });
});

describe("changing a post", () => {
  it("lets the author edit the text: the post shows it was edited", async () => {
    const anna = await member();
    const id = await post(anna, { title: "Oud", body: "Eerste versie" });
    const response = await send("PATCH", `/api/posts/${id}`, anna.cookie, { title: "", body: "Tweede versie" });
    expect(response.status).toBe(200);
    const { post: answer } = await json(response);
    expect(answer).toMatchObject({ title: null, body: "Tweede versie" });
    expect(answer.editedAt).toBeGreaterThan(0);
    const feed = await json(await get("/api/neighbourhoods/lindenhof/posts", anna.cookie));
    expect(feed.posts.find((item: { id: string }) => item.id === id).editedAt).toBe(answer.editedAt);
  });

  it.each([
    ["a body that is too long", { body: "x".repeat(5001) }],
    ["an empty body", { body: "  " }],
    ["nothing to change", {}],
    ["a field that cannot change", { authorId: "someone" }],
    ["sharing that is not on or off", { visibleToCorporation: "ja" }],
    ["skills on a message", { skills: ["groceries"] }],
    ["solved on a message", { solved: true }],
  ])("refuses %s with 422 and changes nothing", async (_label, body) => {
    const anna = await member();
    const id = await post(anna, { body: "Blijft zo" });
    const response = await send("PATCH", `/api/posts/${id}`, anna.cookie, body);
    expect(response.status).toBe(422);
    expect((await json(response)).error.code).toBe("invalid_input");
    expect(await postRow(id)).toMatchObject({ body: "Blijft zo", editedAt: null, solvedAt: null });
  });

  it("refuses someone else's post (403) and another corporation's (404), changing nothing", async () => {
    const anna = await member();
    const joop = await member();
    const id = await post(anna, { body: "Van Anna" });
    const refused = await send("PATCH", `/api/posts/${id}`, joop.cookie, { body: "Van Joop" });
    expect(refused.status).toBe(403);
    expect((await json(refused)).error.code).toBe("forbidden");
    expect((await send("PATCH", `/api/posts/${id}`, await login(HAVENSTAD, "pieter@havenstad.example"), { body: "Van Pieter" }, HAVENSTAD)).status).toBe(404);
    expect((await send("DELETE", `/api/posts/${id}`, joop.cookie)).status).toBe(403);
    expect(await postRow(id)).toMatchObject({ body: "Van Anna", editedAt: null });
  });

  it("marks a help request solved by its author, or by staff at the help desk (audited), not by a neighbour", async () => {
    const anna = await member();
    const joop = await member();
    const id = await post(anna, { kind: "help_request", body: "Wie haalt mijn pakketje?", visibleToCorporation: true });
    expect((await send("PATCH", `/api/posts/${id}`, joop.cookie, { solved: true })).status).toBe(403);
    const solved = await json(await send("PATCH", `/api/posts/${id}`, anna.cookie, { solved: true }));
    expect(solved.post.solvedAt).toBeGreaterThan(0);
    expect(solved.post.editedAt).toBeNull();
    const staff = await moderator();
    expect((await send("PATCH", `/api/posts/${id}`, staff, { solved: false })).status).toBe(200);
    expect((await postRow(id))!.solvedAt).toBeNull();
    const logged = await (await tenantDb("delinde")).select().from(auditLog).where(and(eq(auditLog.subject, id), eq(auditLog.action, "post.marked_unsolved")));
    expect(logged).toHaveLength(1);
  });

  it("lets staff pin an announcement above the feed, and only staff", async () => {
    const staff = await moderator();
    const created = await call(DELINDE, "/api/neighbourhoods/lindenhof/posts", { method: "POST", cookie: staff, json: { kind: "announcement", title: "Vastgezet", body: "Belangrijk" } });
    const { id } = (await json(created)).post;
    const anna = await member();
    expect((await send("PATCH", `/api/posts/${id}`, anna.cookie, { pinned: true })).status).toBe(403);
    expect((await send("PATCH", `/api/posts/${id}`, staff, { pinned: true })).status).toBe(200);
    const feed = await json(await get("/api/neighbourhoods/lindenhof/posts", anna.cookie));
    expect(feed.pinned.map((item: { id: string }) => item.id)).toContain(id);
    expect(feed.posts.map((item: { id: string }) => item.id)).not.toContain(id);
    expect((await send("PATCH", `/api/posts/${id}`, staff, { pinned: false })).status).toBe(200);
    const after = await json(await get("/api/neighbourhoods/lindenhof/posts", anna.cookie));
    expect(after.pinned.map((item: { id: string }) => item.id)).not.toContain(id);
    const message = await post(anna, {});
    const notPinnable = await send("PATCH", `/api/posts/${message}`, anna.cookie, { pinned: true });
    expect(notPinnable.status).toBe(403);
  });

  it("deletes the author's own post with its replies and reactions", async () => {
    const anna = await member();
    const joop = await member();
    const id = await post(anna, {});
    await send("POST", `/api/posts/${id}/replies`, joop.cookie, { body: "Goed idee" });
    await send("POST", `/api/posts/${id}/reactions`, joop.cookie, { kind: "thanks" });
    const response = await send("DELETE", `/api/posts/${id}`, anna.cookie);
    expect(response.status).toBe(200);
    expect((await get(`/api/posts/${id}`, anna.cookie)).status).toBe(404);
    const db = await tenantDb("delinde");
    expect(await db.select().from(replies).where(eq(replies.postId, id))).toEqual([]);
    expect(await db.select().from(reactions).where(eq(reactions.postId, id))).toEqual([]);
  });
});

describe("pinned announcements", () => {
  it("shows at most three: a new pin lets go of the oldest, which returns to the feed", async () => {
    const db = await tenantDb("delinde");
    const slug = uniqueSlug("mededelingen");
    const neighbourhoodId = crypto.randomUUID();
    await db.insert(neighbourhoods).values({ id: neighbourhoodId, slug, name: "Mededelingenbuurt" });
    const staff = await moderator();
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const created = await send("POST", `/api/neighbourhoods/${slug}/posts`, staff, { kind: "announcement", body: `Mededeling ${i}` });
      ids.push((await json(created)).post.id);
    }
    for (const id of ids) expect((await send("PATCH", `/api/posts/${id}`, staff, { pinned: true })).status).toBe(200);
    const feed = await json(await get(`/api/neighbourhoods/${slug}/posts`, staff));
    expect(feed.pinned.map((post: { id: string }) => post.id)).toEqual([ids[3], ids[2], ids[1]]);
    expect(feed.posts.map((post: { id: string }) => post.id)).toEqual([ids[0]]);
  });
});

describe("safety posts and help offered", () => {
  it("needs where, when and what someone did; stores nothing else", async () => {
    const anna = await member();
    const missing = await send("POST", "/api/neighbourhoods/lindenhof/posts", anna.cookie, { kind: "safety", body: "Autodeuren geprobeerd" });
    expect(missing.status).toBe(422);
    const safety = { where: "Parkeerplaats Hofstraat", when: "2026-11-30T22:15", behaviour: "Voelde aan autodeuren", appearance: "wordt niet bewaard" };
    const id = await post(anna, { kind: "safety", body: "Autodeuren geprobeerd", safety });
    const { post: answer } = await json(await get(`/api/posts/${id}`, anna.cookie));
    expect(answer.details).toEqual({ safety: { where: "Parkeerplaats Hofstraat", when: "2026-11-30T22:15", behaviour: "Voelde aan autodeuren" } });
  });

  it("lets help offered carry skills from the fixed list", async () => {
    const anna = await member();
    expect((await send("POST", "/api/neighbourhoods/lindenhof/posts", anna.cookie, { kind: "offer", body: "x", skills: ["jongleren"] })).status).toBe(422);
    const id = await post(anna, { kind: "offer", body: "Ik help graag", skills: ["groceries", "computer_help"] });
    const feed = await json(await get("/api/neighbourhoods/lindenhof/posts", anna.cookie));
    expect(feed.posts.find((item: { id: string }) => item.id === id).details).toEqual({ skills: ["groceries", "computer_help"] });
    const changed = await json(await send("PATCH", `/api/posts/${id}`, anna.cookie, { skills: [] }));
    expect(changed.post.details).toBeNull();
  });
});

describe("replies", () => {
  it("are one level, 201, and editable and deletable by their author only", async () => {
    const anna = await member();
    const joop = await member();
    const id = await post(anna, {});
    const created = await send("POST", `/api/posts/${id}/replies`, joop.cookie, { body: "  Ik ook!  " });
    expect(created.status).toBe(201);
    const { reply } = await json(created);
    expect(reply).toMatchObject({ body: "Ik ook!", postId: id });
    expect((await send("PATCH", `/api/posts/${id}/replies/${reply.id}`, anna.cookie, { body: "Overgenomen" })).status).toBe(403);
    expect((await send("DELETE", `/api/posts/${id}/replies/${reply.id}`, anna.cookie)).status).toBe(403);
    const edited = await send("PATCH", `/api/posts/${id}/replies/${reply.id}`, joop.cookie, { body: "Ik ook, zaterdag." });
    expect(edited.status).toBe(200);
    const { post: answer } = await json(await get(`/api/posts/${id}`, anna.cookie));
    expect(answer.replies[0]).toMatchObject({ body: "Ik ook, zaterdag." });
    expect(answer.replies[0].editedAt).toBeGreaterThan(0);
    expect((await send("DELETE", `/api/posts/${id}/replies/${reply.id}`, joop.cookie)).status).toBe(200);
    expect((await json(await get(`/api/posts/${id}`, anna.cookie))).post.replies).toEqual([]);
  });

  it.each([
    ["an empty body", { body: " " }, 422],
    ["a body that is too long", { body: "x".repeat(2001) }, 422],
    ["no body at all", {}, 422],
  ])("refuses %s and places nothing", async (_label, body, status) => {
    const anna = await member();
    const id = await post(anna, {});
    const response = await send("POST", `/api/posts/${id}/replies`, anna.cookie, body);
    expect(response.status).toBe(status);
    expect(await (await tenantDb("delinde")).select().from(replies).where(eq(replies.postId, id))).toEqual([]);
  });

  it("cannot be placed by a non-member, on another corporation's post, or on an unknown reply id", async () => {
    const anna = await member();
    const id = await post(anna, {});
    const outsider = await member("parkzicht");
    expect((await send("POST", `/api/posts/${id}/replies`, outsider.cookie, { body: "Hoi" })).status).toBe(404);
    expect((await send("POST", `/api/posts/${id}/replies`, await login(HAVENSTAD, "fatima@havenstad.example"), { body: "Hoi" }, HAVENSTAD)).status).toBe(404);
    expect((await send("PATCH", `/api/posts/${id}/replies/${crypto.randomUUID()}`, anna.cookie, { body: "Hoi" })).status).toBe(404);
    expect(await (await tenantDb("delinde")).select().from(replies).where(eq(replies.postId, id))).toEqual([]);
  });

  it("are limited per member: 429 with Retry-After, nothing placed", async () => {
    const anna = await member();
    const id = await post(anna, {});
    const rule = contentLimitRules("reply", anna.user.id)[0]!;
    await (await tenantDb("delinde")).insert(rateLimits).values({ key: rule.key, windowStart: Math.floor(Date.now() / rule.windowMs) * rule.windowMs, count: rule.limit });
    const response = await send("POST", `/api/posts/${id}/replies`, anna.cookie, { body: "Nog één" });
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await json(response)).error.message).toContain("reacties");
    expect(await (await tenantDb("delinde")).select().from(replies).where(eq(replies.postId, id))).toEqual([]);
  });
});

describe("reactions", () => {
  it("set, change and take back one reaction per person; counts without names", async () => {
    const anna = await member();
    const joop = await member();
    const id = await post(anna, {});
    const first = await send("POST", `/api/posts/${id}/reactions`, joop.cookie, { kind: "heart" });
    expect(first.status).toBe(200);
    expect(await json(first)).toEqual({ reaction: "heart", reactions: { heart: 1, thumbs_up: 0, thanks: 0, smile: 0 } });
    expect(await json(await send("POST", `/api/posts/${id}/reactions`, joop.cookie, { kind: "thanks" }))).toEqual({ reaction: "thanks", reactions: { heart: 0, thumbs_up: 0, thanks: 1, smile: 0 } });
    await send("POST", `/api/posts/${id}/reactions`, anna.cookie, { kind: "thanks" });
    const feed = await json(await get("/api/neighbourhoods/lindenhof/posts", joop.cookie));
    expect(feed.posts.find((item: { id: string }) => item.id === id)).toMatchObject({ reactions: { thanks: 2 }, myReaction: "thanks" });
    expect(await json(await send("POST", `/api/posts/${id}/reactions`, joop.cookie, { kind: "thanks" }))).toMatchObject({ reaction: null, reactions: { thanks: 1 } });
  });

  it("refuses an unknown kind (422), staff (403) and non-members (404), changing nothing", async () => {
    const anna = await member();
    const id = await post(anna, { visibleToCorporation: true });
    expect((await send("POST", `/api/posts/${id}/reactions`, anna.cookie, { kind: "angry" })).status).toBe(422);
    expect((await send("POST", `/api/posts/${id}/reactions`, anna.cookie, {})).status).toBe(422);
    expect((await send("POST", `/api/posts/${id}/reactions`, await moderator(), { kind: "heart" })).status).toBe(403);
    expect((await send("POST", `/api/posts/${id}/reactions`, (await member("parkzicht")).cookie, { kind: "heart" })).status).toBe(404);
    expect(await (await tenantDb("delinde")).select().from(reactions).where(eq(reactions.postId, id))).toEqual([]);
  });

  it("are limited per member", async () => {
    const anna = await member();
    const id = await post(anna, {});
    const rule = contentLimitRules("reaction", anna.user.id)[0]!;
    await (await tenantDb("delinde")).insert(rateLimits).values({ key: rule.key, windowStart: Math.floor(Date.now() / rule.windowMs) * rule.windowMs, count: rule.limit });
    expect((await send("POST", `/api/posts/${id}/reactions`, anna.cookie, { kind: "heart" })).status).toBe(429);
  });
});

describe("staff see only what residents share, through every route", () => {
  it("cannot read, count or touch an unshared post or the replies written while it was not shared", async () => {
    const anna = await member();
    const joop = await member();
    const staff = await moderator();
    const id = await post(anna, { title: "Alleen voor buren", body: "Niet voor de corporatie" });
    await send("POST", `/api/posts/${id}/replies`, joop.cookie, { body: "Geheime reactie" });

    // Feed, page, changes, replies, reactions: all as if the post did not exist.
    const feed = await json(await get("/api/neighbourhoods/lindenhof/posts", staff));
    expect(JSON.stringify(feed)).not.toContain("Niet voor de corporatie");
    expect((await get(`/api/posts/${id}`, staff)).status).toBe(404);
    expect((await send("PATCH", `/api/posts/${id}`, staff, { solved: true })).status).toBe(404);
    expect((await send("DELETE", `/api/posts/${id}`, staff)).status).toBe(404);
    expect((await send("POST", `/api/posts/${id}/replies`, staff, { body: "Meelezen" })).status).toBe(404);
    expect((await send("POST", `/api/posts/${id}/reactions`, staff, { kind: "heart" })).status).toBe(404);

    // The author shares it afterwards: staff read the post, but not the reply written before.
    expect((await send("PATCH", `/api/posts/${id}`, anna.cookie, { visibleToCorporation: true })).status).toBe(200);
    const shared = await json(await get(`/api/posts/${id}`, staff));
    expect(shared.access).toBe("shared_only");
    expect(shared.post.replies).toEqual([]);
    expect(shared.post.replyCount).toBe(0);
    const staffReply = await send("POST", `/api/posts/${id}/replies`, staff, { body: "Dank voor het delen" });
    expect(staffReply.status).toBe(201);
    expect((await json(staffReply)).reply.sharedWithCorporation).toBe(true);
    const { reply } = await json(await send("POST", `/api/posts/${id}/replies`, joop.cookie, { body: "Nu gedeeld" }));
    const again = await json(await get(`/api/posts/${id}`, staff));
    expect(again.post.replies.map((item: { body: string }) => item.body)).toEqual(["Dank voor het delen", "Nu gedeeld"]);
    const staffFeed = await json(await get("/api/neighbourhoods/lindenhof/posts", staff));
    expect(staffFeed.posts.find((item: { id: string }) => item.id === id).replyCount).toBe(2);
    const residentFeed = await json(await get("/api/neighbourhoods/lindenhof/posts", anna.cookie));
    expect(residentFeed.posts.find((item: { id: string }) => item.id === id).replyCount).toBe(3);

    // Sharing switched off again: gone for staff, replies included.
    await send("PATCH", `/api/posts/${id}`, anna.cookie, { visibleToCorporation: false });
    expect((await get(`/api/posts/${id}`, staff)).status).toBe(404);
    expect((await send("PATCH", `/api/posts/${id}/replies/${reply.id}`, staff, { body: "x" })).status).toBe(404);
    expect(JSON.stringify(await json(await get("/api/neighbourhoods/lindenhof/posts", staff)))).not.toContain("Nu gedeeld");
  });
});

describe("an archived neighbourhood", () => {
  it("keeps its history readable but takes no posts, replies, reactions or edits; deleting still works", async () => {
    const db = await tenantDb("delinde");
    const slug = uniqueSlug("archief");
    const neighbourhoodId = crypto.randomUUID();
    await db.insert(neighbourhoods).values({ id: neighbourhoodId, slug, name: "Archiefbuurt" });
    const resident = await createTestUser("delinde");
    await db.insert(memberships).values({ userId: resident.id, neighbourhoodId, status: "active" });
    const cookie = await loginAs(DELINDE, resident.email!);
    const id = await post({ user: resident, cookie }, { kind: "help_request", body: "Van voor het archief" }, slug);
    const second = await post({ user: resident, cookie }, { body: "Ook oud" }, slug);
    await db.update(neighbourhoods).set({ archivedAt: Date.now() }).where(eq(neighbourhoods.id, neighbourhoodId));

    const feed = await json(await get(`/api/neighbourhoods/${slug}/posts`, cookie));
    expect(feed.neighbourhood.archived).toBe(true);
    expect(feed.posts).toHaveLength(2);
    for (const [method, path, body] of [
      ["POST", `/api/neighbourhoods/${slug}/posts`, { kind: "message", body: "Nieuw" }],
      ["POST", `/api/posts/${id}/replies`, { body: "Nieuw" }],
      ["POST", `/api/posts/${id}/reactions`, { kind: "heart" }],
      ["PATCH", `/api/posts/${id}`, { body: "Nieuw" }],
      ["PATCH", `/api/posts/${id}`, { solved: true }],
    ] as const) {
      const response = await send(method, path, cookie, body);
      expect(response.status, `${method} ${path}`).toBe(409);
      expect((await json(response)).error.code).toBe("neighbourhood_archived");
    }
    expect(await postRow(id)).toMatchObject({ body: "Van voor het archief", solvedAt: null, editedAt: null });
    expect(await db.select().from(posts).where(eq(posts.neighbourhoodId, neighbourhoodId))).toHaveLength(2);
    expect((await send("PATCH", `/api/posts/${id}`, cookie, { visibleToCorporation: false })).status).toBe(200);
    expect((await send("DELETE", `/api/posts/${second}`, cookie)).status).toBe(200);
  });
});

describe("deleting an account", () => {
  it("removes replies and reactions with remove_posts, and the replies under my posts", async () => {
    const anna = await member();
    const joop = await member();
    const annasPost = await post(anna, {});
    const joopsPost = await post(joop, {});
    await send("POST", `/api/posts/${joopsPost}/replies`, anna.cookie, { body: "Van Anna, weg met haar account" });
    await send("POST", `/api/posts/${joopsPost}/reactions`, anna.cookie, { kind: "heart" });
    await send("POST", `/api/posts/${annasPost}/replies`, joop.cookie, { body: "Onder Anna's bericht" });
    const deleted = await send("POST", "/api/me/delete", anna.cookie, { mode: "remove_posts", confirm: "VERWIJDER" });
    expect(deleted.status).toBe(200);
    const db = await tenantDb("delinde");
    expect(await db.select().from(replies).where(eq(replies.authorId, anna.user.id))).toEqual([]);
    expect(await db.select().from(replies).where(eq(replies.postId, annasPost))).toEqual([]);
    expect(await db.select().from(reactions).where(eq(reactions.userId, anna.user.id))).toEqual([]);
    const { post: joops } = await json(await get(`/api/posts/${joopsPost}`, joop.cookie));
    expect(joops.replies).toEqual([]);
    expect(joops.reactions.heart).toBe(0);
  });

  it("keeps replies without a name with anonymise_posts", async () => {
    const anna = await member();
    const joop = await member();
    const id = await post(joop, {});
    await send("POST", `/api/posts/${id}/replies`, anna.cookie, { body: "Blijft zonder naam" });
    expect((await send("POST", "/api/me/delete", anna.cookie, { mode: "anonymise_posts", confirm: "VERWIJDER" })).status).toBe(200);
    const { post: answer } = await json(await get(`/api/posts/${id}`, joop.cookie));
    expect(answer.replies).toHaveLength(1);
    expect(answer.replies[0]).toMatchObject({ body: "Blijft zonder naam", authorName: null, authorStreet: null, mine: false });
  });

  it("puts my replies and reactions in the download of my data, without others' names", async () => {
    const anna = await member();
    const joop = await member();
    const id = await post(joop, { body: "Van Joop" });
    await send("POST", `/api/posts/${id}/replies`, anna.cookie, { body: "Mijn reactie voor de download" });
    await send("POST", `/api/posts/${id}/reactions`, anna.cookie, { kind: "smile" });
    const exported = await json(await get("/api/me/export", anna.cookie));
    expect(exported.replies).toEqual([expect.objectContaining({ postId: id, body: "Mijn reactie voor de download" })]);
    expect(exported.reactions).toEqual([expect.objectContaining({ postId: id, kind: "smile" })]);
    expect(JSON.stringify(exported)).not.toContain(joop.user.displayName);
  });
});

describe("every post route, from outside the post's neighbourhood or corporation", () => {
  it("answers 404 to a member of another neighbourhood and to another corporation, and changes nothing", async () => {
    const anna = await member();
    const joop = await member();
    const id = await post(anna, { kind: "help_request", body: "Onaangeroerd" });
    const { reply } = await json(await send("POST", `/api/posts/${id}/replies`, joop.cookie, { body: "Ook onaangeroerd" }));
    const outsider = await member("parkzicht");
    const pieter = await login(HAVENSTAD, "pieter@havenstad.example");
    const routes = [
      ["GET", `/api/posts/${id}`, undefined],
      ["PATCH", `/api/posts/${id}`, { body: "Anders", solved: true }],
      ["DELETE", `/api/posts/${id}`, undefined],
      ["POST", `/api/posts/${id}/replies`, { body: "Ik ook" }],
      ["PATCH", `/api/posts/${id}/replies/${reply.id}`, { body: "Anders" }],
      ["DELETE", `/api/posts/${id}/replies/${reply.id}`, undefined],
      ["POST", `/api/posts/${id}/reactions`, { kind: "heart" }],
    ] as const;
    for (const [method, path, body] of routes) {
      const outside = await send(method, path, outsider.cookie, body);
      expect(outside.status, `${method} ${path} (other neighbourhood)`).toBe(404);
      const foreign = await send(method, path, pieter, body, HAVENSTAD);
      expect(foreign.status, `${method} ${path} (other corporation)`).toBe(404);
    }
    expect(await postRow(id)).toMatchObject({ body: "Onaangeroerd", solvedAt: null, editedAt: null });
    const db = await tenantDb("delinde");
    expect((await db.select().from(replies).where(eq(replies.postId, id))).map((row) => row.body)).toEqual(["Ook onaangeroerd"]);
    expect(await db.select().from(reactions).where(eq(reactions.postId, id))).toEqual([]);
  });

  it("refuses a reply edit that is empty or too long, keeping the reply", async () => {
    const anna = await member();
    const id = await post(anna, {});
    const { reply } = await json(await send("POST", `/api/posts/${id}/replies`, anna.cookie, { body: "Zoals het was" }));
    for (const body of [{ body: "" }, { body: "x".repeat(2001) }, {}]) {
      expect((await send("PATCH", `/api/posts/${id}/replies/${reply.id}`, anna.cookie, body)).status).toBe(422);
    }
    const [row] = await (await tenantDb("delinde")).select().from(replies).where(eq(replies.id, reply.id));
    expect(row).toMatchObject({ body: "Zoals het was", editedAt: null });
  });
});
