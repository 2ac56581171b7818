import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { tenantSchema } from "@buurtplein/db";
import { call, json, login, tenantDb } from "./helpers.ts";
import { DELINDE, HAVENSTAD, TEST_PASSWORD, createTestUser, loginAs } from "./account-fixtures.ts";
import { createFreshTenant } from "./invite-fixtures.ts";

async function post(cookie: string, body: string) {
  const response = await call(DELINDE, "/api/neighbourhoods/lindenhof/posts", { method: "POST", cookie, json: { kind: "message", body } });
  expect(response.status).toBe(201);
  return (await json(response)).post?.id as string | undefined;
}

async function postsBy(authorId: string | null, body: string) {
  const db = await tenantDb("delinde");
  return db
    .select()
    .from(tenantSchema.posts)
    .where(and(eq(tenantSchema.posts.body, body), authorId === null ? undefined : eq(tenantSchema.posts.authorId, authorId)));
}

describe("my profile", () => {
  it("shows my e-mail address to me, and lets me change my name and street", async () => {
    const user = await createTestUser("delinde", { neighbourhood: "lindenhof", street: "Lindenstraat" });
    const cookie = await loginAs(DELINDE, user.email!);
    expect((await json(await call(DELINDE, "/api/me", { cookie }))).user).toMatchObject({ email: user.email, street: "Lindenstraat" });
    const response = await call(DELINDE, "/api/me", { method: "PATCH", cookie, json: { displayName: "Nieuwe Naam", street: "Hofstraat" } });
    expect(response.status).toBe(200);
    expect((await json(response)).user).toMatchObject({ displayName: "Nieuwe Naam", street: "Hofstraat" });
    const cleared = await call(DELINDE, "/api/me", { method: "PATCH", cookie, json: { displayName: "Nieuwe Naam", street: "" } });
    expect((await json(cleared)).user.street).toBeNull();
  });

  it("refuses a house number in the street with a friendly message", async () => {
    const user = await createTestUser("delinde");
    const cookie = await loginAs(DELINDE, user.email!);
    const response = await call(DELINDE, "/api/me", { method: "PATCH", cookie, json: { displayName: "Anna", street: "Lindenstraat 12" } });
    expect(response.status).toBe(422);
    expect((await json(response)).error.details.fields.street).toMatch(/zonder huisnummer/);
  });

  it("needs a session", async () => {
    expect((await call(DELINDE, "/api/me")).status).toBe(401);
    expect((await call(DELINDE, "/api/me/export")).status).toBe(401);
  });
});

describe("download my data", () => {
  it("contains my own data, and nothing of others", async () => {
    const user = await createTestUser("delinde", { neighbourhood: "lindenhof", street: "Lindenstraat" });
    const other = await createTestUser("delinde", { neighbourhood: "lindenhof", street: "Hofstraat" });
    const cookie = await loginAs(DELINDE, user.email!);
    const otherCookie = await loginAs(DELINDE, other.email!);
    const mine = `Mijn eigen bericht ${crypto.randomUUID()}`;
    const theirs = `Iemand anders ${crypto.randomUUID()}`;
    await post(cookie, mine);
    await post(otherCookie, theirs);

    const db = await tenantDb("delinde");
    const [lindenhof] = await db.select().from(tenantSchema.neighbourhoods).where(eq(tenantSchema.neighbourhoods.slug, "lindenhof"));
    const inviteCode = `T${crypto.randomUUID().slice(0, 7).toUpperCase()}`;
    const secretToken = `tok-${crypto.randomUUID()}`;
    await db.insert(tenantSchema.invites).values({ id: crypto.randomUUID(), kind: "personal", token: secretToken, code: inviteCode, neighbourhoodId: lindenhof!.id, createdById: user.id });
    await db.insert(tenantSchema.invites).values({ id: crypto.randomUUID(), kind: "personal", token: `tok-${crypto.randomUUID()}`, code: `O${crypto.randomUUID().slice(0, 7)}`, neighbourhoodId: lindenhof!.id, createdById: other.id });
    const [admin] = await db.select().from(tenantSchema.users).where(eq(tenantSchema.users.email, "beheer@delinde.example"));
    await db.insert(tenantSchema.auditLog).values({ id: crypto.randomUUID(), actorId: admin!.id, action: "member.viewed", subject: user.id, details: { reason: "test" } });
    await db.insert(tenantSchema.auditLog).values({ id: crypto.randomUUID(), actorId: admin!.id, action: "member.viewed", subject: other.id, details: { reason: "not yours" } });

    const response = await call(DELINDE, "/api/me/export", { cookie });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="buurtplein-gegevens.json"');
    expect(response.headers.get("content-type")).toMatch(/application\/json/);
    const text = await response.text();
    const data = JSON.parse(text);
    expect(data.profile).toMatchObject({ displayName: user.displayName, email: user.email, street: "Lindenstraat", role: "resident", hasPassword: true });
    expect(data.neighbourhoods).toEqual([{ name: "Lindenhof", joinedAt: expect.any(String) }]);
    expect(data.posts.map((p: { body: string }) => p.body)).toEqual([mine]);
    expect(data.posts[0]).toMatchObject({ neighbourhood: "Lindenhof", kind: "message" });
    expect(data.sessions).toHaveLength(1);
    expect(data.sessions[0]).toEqual({ startedAt: expect.any(String), lastSeenAt: expect.any(String), expiresAt: expect.any(String), thisDevice: true });
    expect(data.invitesYouMade).toEqual([expect.objectContaining({ code: inviteCode, neighbourhood: "Lindenhof", kind: "personal" })]);
    expect(data.auditLogAboutYou).toEqual([{ action: "member.viewed", by: "admin", details: { reason: "test" }, at: expect.any(String) }]);
    expect(data.notificationPreferences).toEqual({ digest: "daily", digestHour: 8, quietStart: null, quietEnd: null });
    expect(data.notifications).toEqual([]);

    // Nothing of the other person, no secrets.
    for (const foreign of [theirs, other.email!, other.displayName, "Hofstraat", "not yours", admin!.displayName, admin!.email!]) {
      expect(text).not.toContain(foreign);
    }
    expect(text).not.toContain(cookie.split("=")[1]!);
    expect(text).not.toContain(secretToken);
    expect(text).not.toContain("pbkdf2");
  });
});

describe("delete my account", () => {
  it("removes my posts, memberships and sessions when I choose remove_posts; I am logged out", async () => {
    const user = await createTestUser("delinde", { neighbourhood: "lindenhof" });
    const cookie = await loginAs(DELINDE, user.email!);
    const laptop = await loginAs(DELINDE, user.email!);
    const body = `Verdwijnt met mij ${crypto.randomUUID()}`;
    await post(cookie, body);
    const response = await call(DELINDE, "/api/me/delete", { method: "POST", cookie, json: { mode: "remove_posts", confirm: "VERWIJDER" } });
    expect(response.status).toBe(200);
    expect(await json(response)).toMatchObject({ ok: true, mode: "remove_posts", posts: 1 });
    expect(response.headers.getSetCookie().join()).toMatch(/bp_session=;/);

    const db = await tenantDb("delinde");
    expect(await db.select().from(tenantSchema.users).where(eq(tenantSchema.users.id, user.id))).toEqual([]);
    expect(await db.select().from(tenantSchema.memberships).where(eq(tenantSchema.memberships.userId, user.id))).toEqual([]);
    expect(await db.select().from(tenantSchema.sessions).where(eq(tenantSchema.sessions.userId, user.id))).toEqual([]);
    expect(await postsBy(null, body)).toEqual([]);
    const [entry] = await db.select().from(tenantSchema.auditLog).where(and(eq(tenantSchema.auditLog.subject, user.id), eq(tenantSchema.auditLog.action, "account.deleted")));
    expect(entry).toMatchObject({ actorId: null, details: { by: "self", mode: "remove_posts", posts: 1 } });
    expect(JSON.stringify(entry)).not.toContain(user.email!);

    expect((await call(DELINDE, "/api/auth/me", { cookie: laptop })).status).toBe(401);
    const again = await call(DELINDE, "/api/auth/login", { method: "POST", json: { email: user.email, password: TEST_PASSWORD } });
    expect(again.status).toBe(401);
  });

  it("keeps my posts without my name when I choose anonymise_posts (shown as Oud-buurtbewoner)", async () => {
    const user = await createTestUser("delinde", { neighbourhood: "lindenhof" });
    const cookie = await loginAs(DELINDE, user.email!);
    const body = `Blijft staan zonder naam ${crypto.randomUUID()}`;
    await post(cookie, body);
    const response = await call(DELINDE, "/api/me/delete", { method: "POST", cookie, json: { mode: "anonymise_posts", confirm: "verwijder" } });
    expect(response.status).toBe(200);
    const [kept] = await postsBy(null, body);
    expect(kept).toMatchObject({ authorId: null, status: "published" });
    const anna = await login(DELINDE, "anna@delinde.example");
    const feed = await json(await call(DELINDE, "/api/neighbourhoods/lindenhof/posts", { cookie: anna }));
    const shown = feed.posts.find((p: { body: string }) => p.body === body);
    expect(shown).toMatchObject({ authorName: null, authorStreet: null });
  });

  it("needs the word VERWIJDER and a choice, and deletes nothing otherwise", async () => {
    const user = await createTestUser("delinde");
    const cookie = await loginAs(DELINDE, user.email!);
    for (const bad of [{ mode: "remove_posts", confirm: "ja" }, { mode: "alles", confirm: "VERWIJDER" }, {}]) {
      const response = await call(DELINDE, "/api/me/delete", { method: "POST", cookie, json: bad });
      expect(response.status).toBe(422);
    }
    expect((await call(DELINDE, "/api/auth/me", { cookie })).status).toBe(200);
  });

  it("does not let the last admin delete themself", async () => {
    // A corporation of its own: the demo corporation's admins change while other test files run.
    const tenant = await createFreshTenant();
    const cookie = tenant.adminCookie;
    const response = await call(tenant.host, "/api/me/delete", { method: "POST", cookie, json: { mode: "anonymise_posts", confirm: "VERWIJDER" } });
    expect(response.status).toBe(409);
    expect((await json(response)).error.message).toMatch(/enige beheerder/);
  });
});

describe("an admin removes a member", () => {
  it("removes the member and their data, and records it in the audit log", async () => {
    const user = await createTestUser("delinde", { neighbourhood: "lindenhof" });
    const cookie = await loginAs(DELINDE, user.email!);
    const body = `Door beheer verwijderd ${crypto.randomUUID()}`;
    await post(cookie, body);
    const admin = await login(DELINDE, "beheer@delinde.example");

    // Found by name: other test files add people, so the first page alone need not hold this one.
    const list = await json(await call(DELINDE, `/api/members?q=${encodeURIComponent(user.displayName)}`, { cookie: admin }));
    const listed = list.members.find((m: { id: string }) => m.id === user.id);
    expect(listed).toMatchObject({ displayName: user.displayName, role: "resident", neighbourhoods: ["Lindenhof"] });
    expect(JSON.stringify(list)).not.toContain("@delinde.example");

    const response = await call(DELINDE, `/api/members/${user.id}/remove`, { method: "POST", cookie: admin, json: { mode: "remove_posts", confirm: "VERWIJDER" } });
    expect(response.status).toBe(200);
    expect((await call(DELINDE, "/api/auth/me", { cookie })).status).toBe(401);
    expect(await postsBy(null, body)).toEqual([]);
    const db = await tenantDb("delinde");
    const [adminRow] = await db.select().from(tenantSchema.users).where(eq(tenantSchema.users.email, "beheer@delinde.example"));
    const [entry] = await db.select().from(tenantSchema.auditLog).where(and(eq(tenantSchema.auditLog.subject, user.id), eq(tenantSchema.auditLog.action, "member.removed")));
    expect(entry).toMatchObject({ actorId: adminRow!.id, details: { mode: "remove_posts", posts: 1 } });
    expect((await call(DELINDE, `/api/members/${user.id}`, { cookie: admin })).status).toBe(404);
  });

  it("is for admins only, needs confirmation, and stays within the corporation", async () => {
    const user = await createTestUser("delinde");
    const moderator = await login(DELINDE, "sanne@delinde.example");
    const resident = await login(DELINDE, "anna@delinde.example");
    const confirm = { mode: "anonymise_posts", confirm: "VERWIJDER" };
    expect((await call(DELINDE, `/api/members/${user.id}/remove`, { method: "POST", cookie: moderator, json: confirm })).status).toBe(403);
    expect((await call(DELINDE, `/api/members/${user.id}/remove`, { method: "POST", cookie: resident, json: confirm })).status).toBe(403);
    // Moderators may look people up (to give a new recovery code), not remove them.
    const moderatorList = await call(DELINDE, "/api/members", { cookie: moderator });
    expect(moderatorList.status).toBe(200);
    expect(await json(moderatorList)).toMatchObject({ canRemove: false, canResetAccess: true });
    expect((await call(DELINDE, "/api/members", { cookie: resident })).status).toBe(403);
    const admin = await login(DELINDE, "beheer@delinde.example");
    expect((await call(DELINDE, `/api/members/${user.id}/remove`, { method: "POST", cookie: admin, json: { mode: "anonymise_posts", confirm: "nee" } })).status).toBe(422);
    const havenstadAdmin = await login(HAVENSTAD, "beheer@havenstad.example");
    expect((await call(HAVENSTAD, `/api/members/${user.id}/remove`, { method: "POST", cookie: havenstadAdmin, json: confirm })).status).toBe(404);
    // Still there.
    expect((await call(DELINDE, `/api/members/${user.id}`, { cookie: admin })).status).toBe(200);
    // Not yourself through this route.
    const me = await json(await call(DELINDE, "/api/auth/me", { cookie: admin }));
    expect((await call(DELINDE, `/api/members/${me.user.id}/remove`, { method: "POST", cookie: admin, json: confirm })).status).toBe(409);
  });
});
