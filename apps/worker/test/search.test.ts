// GET /api/search: FTS5 over posts and replies, accents folded, snippets escaped with <mark>, only the
// neighbourhoods one may open, staff only what is shared; kept in sync by triggers; rebuild route.
import { describe, expect, it } from "vitest";
import { tenantSchema } from "@buurtplein/db";
import { call, json, login, tenantDb } from "./helpers.ts";
import { createTestUser, loginAs } from "./account-fixtures.ts";

const DELINDE = "delinde.localhost:8787";

async function member(neighbourhood = "lindenhof"): Promise<string> {
  const user = await createTestUser("delinde", { neighbourhood, street: "Zoekstraat" });
  return loginAs(DELINDE, user.email!);
}

/** A word no other post has. */
const unique = () => `zk${crypto.randomUUID().replaceAll("-", "").slice(0, 12)}`;

async function post(cookie: string, body: string, extra: Record<string, unknown> = {}): Promise<string> {
  const response = await call(DELINDE, "/api/neighbourhoods/lindenhof/posts", { method: "POST", cookie, json: { kind: "message", body, ...extra } });
  expect(response.status, await response.clone().text()).toBe(201);
  return (await json(response)).post.id;
}

async function search(cookie: string, q: string, cursor?: string) {
  const response = await call(DELINDE, `/api/search?q=${encodeURIComponent(q)}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`, { cookie });
  expect(response.status, await response.clone().text()).toBe(200);
  return json(response);
}

describe("search", () => {
  it("finds posts and replies with and without accents, newest first, with escaped highlighted snippets", async () => {
    const anna = await member();
    const joop = await member();
    const word = unique();
    const postId = await post(anna, `Koffie in het café <b>${word}</b> & taart`, { title: `Buurtcafé ${word}` });
    const reply = await call(DELINDE, `/api/posts/${postId}/replies`, { method: "POST", cookie: joop, json: { body: `Ik kom naar het cafe ${word}!` } });
    expect(reply.status).toBe(201);
    const replyId = (await json(reply)).reply.id;

    for (const q of [`cafe ${word}`, `café ${word}`, `CAFÉ ${word}`]) {
      const { results } = await search(joop, q);
      expect(results.map((result: { type: string; id: string }) => [result.type, result.id])).toEqual([
        ["reply", replyId],
        ["post", postId],
      ]);
    }
    const { results } = await search(joop, `cafe ${word}`);
    expect(results[1]).toMatchObject({ postId, url: `/buurt/lindenhof/berichten/${postId}`, neighbourhood: { slug: "lindenhof", name: "Lindenhof" }, title: `Buurtcafé ${word}` });
    expect(results[0]).toMatchObject({ postId, type: "reply" });
    // The text's own HTML is escaped; only our <mark> is markup.
    const snippets = results.map((result: { snippet: string }) => result.snippet).join(" ");
    expect(snippets).toContain("&lt;b&gt;");
    expect(snippets).not.toContain("<b>");
    expect(snippets).toMatch(/<mark>caf[eé]<\/mark>/);
    expect(results[0].snippetParts.some((part: { hit: boolean; text: string }) => part.hit && part.text === word)).toBe(true);
  });

  it("does not find posts of a neighbourhood one is not in, nor unshared posts for staff", async () => {
    const anna = await member();
    const word = unique();
    const unshared = await post(anna, `Geheime moestuin ${word}`);
    const shared = await post(anna, `Gedeelde moestuin ${word}`, { visibleToCorporation: true });
    const found = async (cookie: string) => (await search(cookie, word)).results.map((result: { id: string }) => result.id);
    expect(await found(await member("parkzicht"))).toEqual([]);
    expect(await found(await login(DELINDE, "sanne@delinde.example"))).toEqual([shared]);
    expect(await found(await member())).toEqual([shared, unshared]);
    // Another corporation searches its own database.
    const havenstad = await login("havenstad.localhost:8787", "pieter@havenstad.example");
    const response = await call("havenstad.localhost:8787", `/api/search?q=${word}`, { cookie: havenstad });
    expect((await json(response)).results).toEqual([]);
    expect((await call(DELINDE, `/api/search?q=${word}`)).status).toBe(401);
  });

  it("follows edits and deletions (triggers), pages with a cursor, and refuses bad input", async () => {
    const anna = await member();
    const word = unique();
    const other = unique();
    const ids: string[] = [];
    for (let index = 0; index < 3; index++) ids.push(await post(anna, `Rommelmarkt ${word} nummer ${index}`));
    const first = await search(anna, word);
    expect(first.results.map((result: { id: string }) => result.id)).toEqual([...ids].reverse());
    expect(first.nextCursor).toBeNull();

    expect((await call(DELINDE, `/api/posts/${ids[0]}`, { method: "PATCH", cookie: anna, json: { body: `Rommelmarkt ${other}` } })).status).toBe(200);
    expect((await search(anna, word)).results).toHaveLength(2);
    expect((await search(anna, other)).results.map((result: { id: string }) => result.id)).toEqual([ids[0]]);
    expect((await call(DELINDE, `/api/posts/${ids[1]}`, { method: "DELETE", cookie: anna })).status).toBe(200);
    expect((await search(anna, word)).results.map((result: { id: string }) => result.id)).toEqual([ids[2]]);

    expect((await search(anna, "")).results).toEqual([]);
    expect((await search(anna, '"*()')).results).toEqual([]);
    const tooLong = await call(DELINDE, `/api/search?q=${"a".repeat(201)}`, { cookie: anna });
    expect(tooLong.status).toBe(422);
    expect((await call(DELINDE, `/api/search?q=x&cursor=nope`, { cookie: anna })).status).toBe(400);
  });

  it("pages 20 at a time, and the rebuild route gives the same answers", async () => {
    const anna = await member();
    const word = unique();
    // 21 posts straight into the database (the posting limit is for people): the triggers index them.
    const client = await tenantDb("delinde");
    const neighbourhood = (await client.select().from(tenantSchema.neighbourhoods)).find((row) => row.slug === "lindenhof")!;
    const now = Date.now();
    await client.insert(tenantSchema.posts).values(
      Array.from({ length: 21 }, (_, index) => ({ id: crypto.randomUUID(), neighbourhoodId: neighbourhood.id, kind: "message", body: `Bulk ${word} ${index}`, createdAt: now + index, updatedAt: now + index })),
    );
    const page1 = await search(anna, word);
    expect(page1.results).toHaveLength(20);
    expect(page1.results[0].snippet).toContain("20");
    const page2 = await search(anna, word, page1.nextCursor);
    expect(page2.results).toHaveLength(1);
    expect(page2.nextCursor).toBeNull();
    const rebuilt = await call(DELINDE, "/api/dev/search/rebuild", { method: "POST" });
    expect(rebuilt.status).toBe(200);
    expect((await json(rebuilt)).indexed).toBeGreaterThan(21);
    expect((await search(anna, word)).results.map((result: { id: string }) => result.id)).toEqual(page1.results.map((result: { id: string }) => result.id));
  });
});
