import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { tenantSchema } from "@buurtplein/db";
import { call, json, login, tenantDb, uniqueSlug } from "./helpers.ts";
import { createTestUser, loginAs } from "./account-fixtures.ts";
import { CONTENT_LIMIT_DEFAULTS, contentLimitRules } from "../src/community/content-rate-limits.ts";

const DELINDE = "delinde.localhost:8787";
const HAVENSTAD = "havenstad.localhost:8787";

describe("neighbourhood feed", () => {
  it("shows members the whole feed of their neighbourhood, newest first", async () => {
    const cookie = await login(DELINDE, "anna@delinde.example");
    const feed = await json(await call(DELINDE, "/api/neighbourhoods/lindenhof/posts", { cookie }));
    expect(feed.access).toBe("full");
    expect(feed.posts.length).toBeGreaterThanOrEqual(7);
    const times = feed.posts.map((post: { createdAt: number }) => post.createdAt);
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    // A neighbour's profile shows the street at most: never an e-mail address.
    expect(JSON.stringify(feed)).not.toContain("@delinde.example");
  });

  it("keeps a neighbourhood closed to residents of another neighbourhood", async () => {
    const cookie = await login(DELINDE, "anna@delinde.example");
    const response = await call(DELINDE, "/api/neighbourhoods/parkzicht/posts", { cookie });
    expect(response.status).toBe(403);
    expect((await json(response)).error.code).toBe("forbidden");
  });

  it("shows staff only what residents shared with the corporation, and announcements", async () => {
    const cookie = await login(DELINDE, "sanne@delinde.example");
    const feed = await json(await call(DELINDE, "/api/neighbourhoods/lindenhof/posts", { cookie }));
    expect(feed.access).toBe("shared_only");
    expect(feed.posts.length).toBeGreaterThan(0);
    for (const post of feed.posts) expect(post.visibleToCorporation || post.kind === "announcement").toBe(true);
    expect(feed.posts.some((post: { title: string }) => post.title === "Wie kent een goede fietsenmaker?")).toBe(false);
  });

  it("needs a login", async () => {
    const response = await call(DELINDE, "/api/neighbourhoods/lindenhof/posts");
    expect(response.status).toBe(401);
  });

  it("answers an unknown neighbourhood with 404", async () => {
    const cookie = await login(DELINDE, "anna@delinde.example");
    expect((await call(DELINDE, "/api/neighbourhoods/nergens/posts", { cookie })).status).toBe(404);
  });

  it("never shows a neighbourhood of one corporation on another's host", async () => {
    const cookie = await login(HAVENSTAD, "pieter@havenstad.example");
    const response = await call(HAVENSTAD, "/api/neighbourhoods/lindenhof/posts", { cookie });
    expect(response.status).toBe(404);
    const list = await json(await call(HAVENSTAD, "/api/neighbourhoods", { cookie }));
    expect(list.neighbourhoods.map((n: { slug: string }) => n.slug)).toEqual(["kadekwartier"]);
  });

  it("lets a member post, and the post appears on top", async () => {
    const cookie = await login(DELINDE, "joop@delinde.example");
    const created = await call(DELINDE, "/api/neighbourhoods/lindenhof/posts", {
      method: "POST",
      cookie,
      json: { kind: "offer", title: "Boormachine te leen", body: "Wie hem nodig heeft: bel even aan." },
    });
    expect(created.status).toBe(201);
    const { post } = await json(created);
    const feed = await json(await call(DELINDE, "/api/neighbourhoods/lindenhof/posts", { cookie }));
    expect(feed.posts[0].id).toBe(post.id);
    expect(feed.posts[0].authorName).toBe("Joop Hendriks");
    expect(feed.posts[0].authorStreet).toBe("Lindenplein");
  });

  it.each([
    ["an empty body", { kind: "message", body: "   " }, 422],
    ["an unknown kind", { kind: "advert", body: "Koop nu!" }, 422],
    ["a body that is too long", { kind: "message", body: "x".repeat(5001) }, 422],
  ])("refuses %s and keeps the feed as it was", async (_label, body, status) => {
    const cookie = await login(DELINDE, "anna@delinde.example");
    const before = await json(await call(DELINDE, "/api/neighbourhoods/lindenhof/posts", { cookie }));
    const response = await call(DELINDE, "/api/neighbourhoods/lindenhof/posts", { method: "POST", cookie, json: body });
    expect(response.status).toBe(status);
    expect((await json(response)).error.details.fields).toBeTruthy();
    const after = await json(await call(DELINDE, "/api/neighbourhoods/lindenhof/posts", { cookie }));
    expect(after.posts[0].id).toBe(before.posts[0].id);
  });

  it("lets only staff post announcements", async () => {
    const resident = await login(DELINDE, "anna@delinde.example");
    const refused = await call(DELINDE, "/api/neighbourhoods/lindenhof/posts", { method: "POST", cookie: resident, json: { kind: "announcement", body: "Ik ben de baas" } });
    expect(refused.status).toBe(403);
    const staff = await login(DELINDE, "sanne@delinde.example");
    const accepted = await call(DELINDE, "/api/neighbourhoods/parkzicht/posts", { method: "POST", cookie: staff, json: { kind: "announcement", body: "Bouwvergadering op 3 december." } });
    expect(accepted.status).toBe(201);
  });

  it("pages through the feed with a cursor, without gaps or repeats", async () => {
    const cookie = await login(HAVENSTAD, "fatima@havenstad.example");
    // 22 posts straight into the database: through the API one member may post only 5 in 10 minutes.
    const db = await tenantDb("havenstad");
    const [neighbourhood] = await db.select().from(tenantSchema.neighbourhoods).where(eq(tenantSchema.neighbourhoods.slug, "kadekwartier"));
    const [author] = await db.select().from(tenantSchema.users).where(eq(tenantSchema.users.email, "fatima@havenstad.example"));
    const start = Date.now();
    await db.insert(tenantSchema.posts).values(
      Array.from({ length: 22 }, (_, i) => ({ id: crypto.randomUUID(), neighbourhoodId: neighbourhood!.id, authorId: author!.id, kind: "message", body: `Bericht ${i}`, createdAt: start + i, updatedAt: start + i })),
    );
    const first = await json(await call(HAVENSTAD, "/api/neighbourhoods/kadekwartier/posts", { cookie }));
    expect(first.posts).toHaveLength(20);
    expect(first.nextCursor).toBeTruthy();
    const second = await json(await call(HAVENSTAD, `/api/neighbourhoods/kadekwartier/posts?cursor=${first.nextCursor}`, { cookie }));
    const ids = [...first.posts, ...second.posts].map((post: { id: string }) => post.id);
    expect(new Set(ids).size).toBe(ids.length);
    // Kadekwartier's demo posts but its pinned announcement (answered apart, above the feed).
    expect(ids.length).toBeGreaterThanOrEqual(22 + 4);
    const bad = await call(HAVENSTAD, "/api/neighbourhoods/kadekwartier/posts?cursor=nonsense", { cookie });
    expect(bad.status).toBe(400);
  });

  it("pages through posts that share a millisecond without repeats or gaps, for members and for staff", async () => {
    // A neighbourhood of its own with 45 posts: 41 written in the same millisecond, two just before
    // and two just after; every third one shared with the corporation.
    const db = await tenantDb("delinde");
    const slug = uniqueSlug("gelijktijdig");
    const neighbourhoodId = crypto.randomUUID();
    await db.insert(tenantSchema.neighbourhoods).values({ id: neighbourhoodId, slug, name: "Gelijktijdig" });
    // A resident of its own: the demo residents' memberships are what other test files expect.
    const resident = await createTestUser("delinde");
    await db.insert(tenantSchema.memberships).values({ userId: resident.id, neighbourhoodId, status: "active" });
    const moment = Date.now() - 60_000;
    const inserted = Array.from({ length: 45 }, (_, i) => ({
      id: crypto.randomUUID(),
      neighbourhoodId,
      authorId: resident.id,
      kind: "message",
      body: `Tegelijk ${i}`,
      visibleToCorporation: i % 3 === 0,
      createdAt: i < 2 ? moment - 1 : i < 4 ? moment + 1 : moment,
      updatedAt: moment,
    }));
    await db.insert(tenantSchema.posts).values(inserted);
    const newestFirst = (posts: typeof inserted) =>
      [...posts].sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1)).map((post) => post.id);

    async function readAll(cookie: string): Promise<string[]> {
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const path: string = `/api/neighbourhoods/${slug}/posts${cursor ? `?cursor=${cursor}` : ""}`;
        const page = await json<{ posts: { id: string }[]; nextCursor: string | null }>(await call(DELINDE, path, { cookie }));
        expect(page.posts.length).toBeLessThanOrEqual(20);
        ids.push(...page.posts.map((post) => post.id));
        cursor = page.nextCursor;
      } while (cursor);
      return ids;
    }

    expect(await readAll(await loginAs(DELINDE, resident.email!))).toEqual(newestFirst(inserted));
    expect(await readAll(await login(DELINDE, "sanne@delinde.example"))).toEqual(
      newestFirst(inserted.filter((post) => post.visibleToCorporation)),
    );
  });

  it("limits posts per member (5 per 10 minutes): 429 rate_limited with Retry-After; other members can still post", async () => {
    const user = await createTestUser("delinde", { neighbourhood: "lindenhof" });
    const cookie = await loginAs(DELINDE, user.email!);
    const post = (i: number, session = cookie) => call(DELINDE, "/api/neighbourhoods/lindenhof/posts", { method: "POST", cookie: session, json: { kind: "message", body: `Nog een bericht ${i}` } });
    // Eleven at script speed: whichever 10-minute window(s) they fall in, one gets more than five.
    const statuses: number[] = [];
    let limited: Response | null = null;
    for (let i = 0; i < 11; i++) {
      const response = await post(i);
      statuses.push(response.status);
      if (response.status === 429) limited ??= response;
    }
    expect(statuses.filter((status) => status === 201).length).toBeLessThanOrEqual(10);
    expect(limited).not.toBeNull();
    const retryAfter = Number(limited!.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(10 * 60);
    const { error } = await json(limited!);
    expect(error.code).toBe("rate_limited");
    expect(error.message).toContain("berichten");
    // Nothing refused was placed.
    const [neighbourhood] = await (await tenantDb("delinde")).select().from(tenantSchema.neighbourhoods).where(eq(tenantSchema.neighbourhoods.slug, "lindenhof"));
    const placed = await (await tenantDb("delinde")).select().from(tenantSchema.posts).where(eq(tenantSchema.posts.authorId, user.id));
    expect(placed).toHaveLength(statuses.filter((status) => status === 201).length);
    expect(placed.every((row) => row.neighbourhoodId === neighbourhood!.id)).toBe(true);

    const neighbour = await createTestUser("delinde", { neighbourhood: "lindenhof" });
    expect((await post(99, await loginAs(DELINDE, neighbour.email!))).status).toBe(201);
  });

  it("limits posts per member per day (30)", async () => {
    const user = await createTestUser("delinde", { neighbourhood: "lindenhof" });
    const day = contentLimitRules("post", user.id).find((rule) => rule.windowMs === 24 * 60 * 60 * 1000)!;
    await (await tenantDb("delinde"))
      .insert(tenantSchema.rateLimits)
      .values({ key: day.key, windowStart: Math.floor(Date.now() / day.windowMs) * day.windowMs, count: day.limit });
    const response = await call(DELINDE, "/api/neighbourhoods/lindenhof/posts", { method: "POST", cookie: await loginAs(DELINDE, user.email!), json: { kind: "message", body: "Nog één" } });
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("has ready-made limits for replies and reports, counted apart from posts", () => {
    expect(CONTENT_LIMIT_DEFAULTS.post.map((rule) => rule.limit)).toEqual([5, 30]);
    const keys = (["post", "reply", "report"] as const).flatMap((action) => contentLimitRules(action, "u1").map((rule) => rule.key));
    expect(new Set(keys).size).toBe(keys.length);
    expect(contentLimitRules("reply", "u1")[0]).toMatchObject({ limit: 20, windowMs: 10 * 60 * 1000 });
    expect(contentLimitRules("report", "u1")[0]).toMatchObject({ limit: 10, windowMs: 60 * 60 * 1000 });
  });
});
