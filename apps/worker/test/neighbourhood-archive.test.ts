// An archived neighbourhood keeps its history but takes no new posts or members, and is left out of
// every list: posting, invites (new and existing), joining, the help desk, approval and the lists of
// residents and staff all respect it, with the code neighbourhood_archived. Bringing it back undoes that.
import { describe, expect, it } from "vitest";
import { and, count, eq } from "drizzle-orm";
import { hashPassword } from "@buurtplein/core";
import { tenantSchema } from "@buurtplein/db";
import { call, json, login } from "./helpers.ts";
import { createFreshTenant, createInvite, joinBody, join, NEW_PASSWORD } from "./invite-fixtures.ts";

const { posts, users, memberships, invites } = tenantSchema;

async function expectArchived(response: Response, what: string) {
  expect(response.status, what).toBe(409);
  expect((await json(response)).error.code, what).toBe("neighbourhood_archived");
}

describe("an archived neighbourhood", () => {
  it("keeps its history, takes nothing new, is hidden from lists, and takes part again once brought back", async () => {
    const tenant = await createFreshTenant();
    const rik = await login(tenant.host, "rik@proef.example", NEW_PASSWORD);
    const amber = await login(tenant.host, "amber@proef.example", NEW_PASSWORD);
    const nina = await login(tenant.host, "nina@proef.example", NEW_PASSWORD);
    const posted = await call(tenant.host, "/api/neighbourhoods/oudwijk/posts", { method: "POST", cookie: rik, json: { kind: "message", body: "Van voor het archief" } });
    expect(posted.status).toBe(201);
    const invite = await createInvite(tenant.host, { neighbourhood: "oudwijk" }, tenant.adminCookie);
    const complex = await call(tenant.host, "/api/neighbourhoods/oudwijk/complexes", { method: "POST", cookie: tenant.adminCookie, json: { code: "OW-1", name: "Oudwijk blok 1" } });
    expect(complex.status).toBe(201);
    // Someone waits for approval in Oudwijk.
    const waiting = crypto.randomUUID();
    await tenant.db.insert(users).values({ id: waiting, email: `wacht-${waiting.slice(0, 6)}@proef.example`, displayName: "Wachtende Buur", role: "resident", status: "pending", passwordHash: await hashPassword(NEW_PASSWORD) });
    await tenant.db.insert(memberships).values({ userId: waiting, neighbourhoodId: tenant.neighbourhoods.oudwijk });

    const archived = await call(tenant.host, "/api/neighbourhoods/oudwijk/archive", { method: "POST", cookie: tenant.adminCookie });
    expect(archived.status).toBe(200);
    expect((await json(archived)).neighbourhood).toMatchObject({ slug: "oudwijk", archived: true });
    const postsBefore = (await tenant.db.select({ n: count() }).from(posts))[0]!.n;
    const usersBefore = (await tenant.db.select({ n: count() }).from(users))[0]!.n;
    const invitesBefore = (await tenant.db.select({ n: count() }).from(invites))[0]!.n;

    // History stays readable.
    const feed = await json(await call(tenant.host, "/api/neighbourhoods/oudwijk/posts", { cookie: rik }));
    expect(feed.neighbourhood.archived).toBe(true);
    expect(feed.posts.map((post: { body: string }) => post.body)).toContain("Van voor het archief");

    // Nothing new: posts, announcements, invites, personal invites, joining, help desk, approval.
    await expectArchived(await call(tenant.host, "/api/neighbourhoods/oudwijk/posts", { method: "POST", cookie: rik, json: { kind: "message", body: "Hallo?" } }), "post");
    await expectArchived(await call(tenant.host, "/api/neighbourhoods/oudwijk/posts", { method: "POST", cookie: tenant.adminCookie, json: { kind: "announcement", title: "Nieuws", body: "Nieuws" } }), "announcement");
    await expectArchived(await call(tenant.host, "/api/invites", { method: "POST", cookie: tenant.adminCookie, json: { neighbourhood: "oudwijk", label: "Nieuwe brief" } }), "invite");
    await expectArchived(await call(tenant.host, "/api/invites/personal", { method: "POST", cookie: rik, json: { neighbourhood: "oudwijk" } }), "personal invite");
    await expectArchived(await call(tenant.host, `/api/join/${invite.code}`), "join look-up");
    await expectArchived(await join(tenant.host, joinBody(invite.code)), "join");
    await expectArchived(await call(tenant.host, "/api/join/existing-account", { method: "POST", cookie: nina, json: { invite: invite.code } }), "join with an account");
    await expectArchived(await call(tenant.host, "/api/members/register", { method: "POST", cookie: amber, json: { neighbourhood: "oudwijk", displayName: "Hulp Buur", consent: true } }), "help desk");
    await expectArchived(await call(tenant.host, `/api/members/${waiting}/approve`, { method: "POST", cookie: tenant.adminCookie }), "approval");
    await expectArchived(await call(tenant.host, "/api/neighbourhoods/oudwijk/complexes", { method: "POST", cookie: tenant.adminCookie, json: { code: "OW-2", name: "Oudwijk blok 2" } }), "new complex");

    expect((await tenant.db.select({ n: count() }).from(posts))[0]!.n).toBe(postsBefore);
    expect((await tenant.db.select({ n: count() }).from(users))[0]!.n).toBe(usersBefore);
    expect((await tenant.db.select({ n: count() }).from(invites))[0]!.n).toBe(invitesBefore);
    const [stillWaiting] = await tenant.db.select().from(users).where(eq(users.id, waiting));
    expect(stillWaiting?.status).toBe("pending");
    const [ninaInOudwijk] = await tenant.db
      .select()
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(users.email, "nina@proef.example"), eq(memberships.neighbourhoodId, tenant.neighbourhoods.oudwijk)));
    expect(ninaInOudwijk).toBeUndefined();

    // Hidden from the resident's and staff's lists, the site's viewer and the invite form's complexes.
    expect((await json(await call(tenant.host, "/api/neighbourhoods", { cookie: rik }))).neighbourhoods).toEqual([]);
    expect((await json(await call(tenant.host, "/api/site", { cookie: rik }))).viewer.neighbourhoods).toEqual([]);
    expect((await json(await call(tenant.host, "/api/neighbourhoods", { cookie: tenant.adminCookie }))).neighbourhoods.map((row: { slug: string }) => row.slug)).toEqual(["nieuwbouw"]);
    const complexes = await json(await call(tenant.host, "/api/invites/complexes", { cookie: tenant.adminCookie }));
    expect(complexes.complexes).toEqual([]);
    expect((await call(tenant.host, "/api/invites/personal", { cookie: rik })).status).toBe(403);

    // Archiving twice is harmless; bringing it back makes everything work again.
    expect((await call(tenant.host, "/api/neighbourhoods/oudwijk/archive", { method: "POST", cookie: tenant.adminCookie })).status).toBe(200);
    const back = await call(tenant.host, "/api/neighbourhoods/oudwijk/unarchive", { method: "POST", cookie: tenant.adminCookie });
    expect((await json(back)).neighbourhood.archived).toBe(false);
    expect((await call(tenant.host, `/api/join/${invite.code}`)).status).toBe(200);
    expect((await call(tenant.host, "/api/neighbourhoods/oudwijk/posts", { method: "POST", cookie: rik, json: { kind: "message", body: "Weer terug" } })).status).toBe(201);
    expect((await json(await call(tenant.host, "/api/site", { cookie: rik }))).viewer.neighbourhoods.map((row: { slug: string }) => row.slug)).toEqual(["oudwijk"]);
  });

  it("can be archived and brought back only by an admin", async () => {
    const tenant = await createFreshTenant();
    for (const email of ["mo@proef.example", "amber@proef.example", "rik@proef.example"]) {
      const cookie = await login(tenant.host, email, NEW_PASSWORD);
      for (const path of ["/api/neighbourhoods/oudwijk/archive", "/api/neighbourhoods/oudwijk/unarchive"]) {
        const response = await call(tenant.host, path, { method: "POST", cookie });
        expect(response.status, `${email} ${path}`).toBe(403);
      }
    }
    const detail = await json(await call(tenant.host, "/api/neighbourhoods/oudwijk", { cookie: tenant.adminCookie }));
    expect(detail.neighbourhood.archived).toBe(false);
    expect((await call(tenant.host, "/api/neighbourhoods/nergens/archive", { method: "POST", cookie: tenant.adminCookie })).status).toBe(404);
  });
});
