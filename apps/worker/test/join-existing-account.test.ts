// A member who is already logged in joins another neighbourhood of the same corporation with an invite:
// a membership and one use, no new account; already a member is said so; invite states answer as usual.
import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { tenantSchema } from "@buurtplein/db";
import { call, json, login } from "./helpers.ts";
import { newestMail } from "./account-fixtures.ts";
import { DELINDE, NEW_PASSWORD, createFreshTenant, createInvite } from "./invite-fixtures.ts";

const { users, memberships, invites, auditLog } = tenantSchema;

function joinExisting(host: string, invite: unknown, cookie?: string) {
  return call(host, "/api/join/existing-account", { method: "POST", json: { invite }, ...(cookie ? { cookie } : {}) });
}

describe("joining another neighbourhood with an existing account", () => {
  it("adds a membership, counts one use and makes no new account", async () => {
    const tenant = await createFreshTenant();
    const invite = await createInvite(tenant.host, { neighbourhood: "nieuwbouw", maxUses: 5 }, tenant.adminCookie);
    const rik = await login(tenant.host, "rik@proef.example", NEW_PASSWORD);
    const usersBefore = (await tenant.db.select({ id: users.id }).from(users)).length;

    const response = await joinExisting(tenant.host, invite.code.toLowerCase(), rik);
    expect(response.status).toBe(201);
    expect(await json(response)).toMatchObject({ status: "joined", neighbourhood: { slug: "nieuwbouw", name: "De Nieuwbouw" } });

    expect((await tenant.db.select({ id: users.id }).from(users)).length).toBe(usersBefore);
    const [row] = await tenant.db.select().from(invites).where(eq(invites.id, invite.id));
    expect(row!.uses).toBe(1);
    const me = await json(await call(tenant.host, "/api/auth/me", { cookie: rik }));
    expect(me.neighbourhoods.map((n: { slug: string }) => n.slug)).toEqual(["nieuwbouw", "oudwijk"]);
    // The same session now reads the new neighbourhood.
    expect((await call(tenant.host, "/api/neighbourhoods/nieuwbouw/posts", { cookie: rik })).status).toBe(200);
    const logged = await tenant.db.select().from(auditLog).where(eq(auditLog.action, "member.joined_neighbourhood"));
    expect(logged).toHaveLength(1);

    // Again: already a member, nothing counted.
    const again = await joinExisting(tenant.host, invite.token, rik);
    expect(again.status).toBe(200);
    expect(await json(again)).toMatchObject({ status: "already_member", neighbourhood: { slug: "nieuwbouw" } });
    const [after] = await tenant.db.select().from(invites).where(eq(invites.id, invite.id));
    expect(after!.uses).toBe(1);
  });

  it("says so when the person is already a member of the invite's neighbourhood", async () => {
    const tenant = await createFreshTenant();
    const invite = await createInvite(tenant.host, { neighbourhood: "oudwijk", maxUses: 1 }, tenant.adminCookie);
    const rik = await login(tenant.host, "rik@proef.example", NEW_PASSWORD);
    const response = await joinExisting(tenant.host, invite.code, rik);
    expect(response.status).toBe(200);
    expect((await json(response)).status).toBe("already_member");
    const [row] = await tenant.db.select().from(invites).where(eq(invites.id, invite.id));
    expect(row!.uses).toBe(0);
  });

  it("needs a session, refuses staff, and answers stale or unknown invites like a normal join", async () => {
    const tenant = await createFreshTenant();
    const invite = await createInvite(tenant.host, { neighbourhood: "nieuwbouw" }, tenant.adminCookie);
    const anonymous = await joinExisting(tenant.host, invite.code);
    expect(anonymous.status).toBe(401);

    const moderator = await login(tenant.host, "mo@proef.example", NEW_PASSWORD);
    expect((await joinExisting(tenant.host, invite.code, moderator)).status).toBe(403);

    const rik = await login(tenant.host, "rik@proef.example", NEW_PASSWORD);
    const revoked = await call(tenant.host, `/api/invites/${invite.id}/revoke`, { method: "POST", cookie: tenant.adminCookie });
    expect(revoked.status).toBe(200);
    const refused = await joinExisting(tenant.host, invite.code, rik);
    expect(refused.status).toBe(410);
    expect((await json(refused)).error.code).toBe("invite_revoked");

    // An invite of another corporation does not exist here.
    const other = await createInvite(DELINDE, { neighbourhood: "lindenhof" });
    const unknown = await joinExisting(tenant.host, other.code, rik);
    expect(unknown.status).toBe(404);
    expect((await json(unknown)).error.code).toBe("invite_not_found");

    const empty = await joinExisting(tenant.host, "", rik);
    expect(empty.status).toBe(422);
    const rows = await tenant.db.select().from(memberships).where(and(eq(memberships.neighbourhoodId, tenant.neighbourhoods.nieuwbouw)));
    expect(rows.map((row) => row.userId)).not.toContain((await json(await call(tenant.host, "/api/auth/me", { cookie: rik }))).user.id);
  });

  it("counts uses atomically: two members at once on a 1-use invite, exactly one gets in", async () => {
    const tenant = await createFreshTenant();
    const invite = await createInvite(tenant.host, { neighbourhood: "nieuwbouw", maxUses: 1 }, tenant.adminCookie);
    const cookies = await Promise.all(["rik@proef.example", "amber@proef.example"].map((email) => login(tenant.host, email, NEW_PASSWORD)));
    const answers = await Promise.all(cookies.map((cookie) => joinExisting(tenant.host, invite.token, cookie)));
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 410]);
    const joined = await tenant.db.select().from(memberships).where(eq(memberships.neighbourhoodId, tenant.neighbourhoods.nieuwbouw));
    // Nina (ambassador of De Nieuwbouw) plus exactly one of the two.
    expect(joined).toHaveLength(2);
    const [row] = await tenant.db.select().from(invites).where(eq(invites.id, invite.id));
    expect(row!.uses).toBe(1);
  });
});

describe("joining another neighbourhood while the corporation checks newcomers", () => {
  async function tenantWithApproval() {
    const tenant = await createFreshTenant();
    const setting = await call(tenant.host, "/api/settings/membership", { method: "PATCH", cookie: tenant.adminCookie, json: { requireMemberApproval: true } });
    expect(setting.status).toBe(200);
    const invite = await createInvite(tenant.host, { neighbourhood: "nieuwbouw", maxUses: 5 }, tenant.adminCookie);
    const rik = await login(tenant.host, "rik@proef.example", NEW_PASSWORD);
    return { tenant, invite, rik };
  }

  it("makes the request wait; only a reviewer of that neighbourhood lets it in, and then the feed opens", async () => {
    const { tenant, invite, rik } = await tenantWithApproval();
    const response = await joinExisting(tenant.host, invite.code, rik);
    expect(response.status).toBe(201);
    expect(await json(response)).toMatchObject({ status: "pending", neighbourhood: { slug: "nieuwbouw" } });

    // Waiting: no access yet, and shown as waiting.
    expect((await call(tenant.host, "/api/neighbourhoods/nieuwbouw/posts", { cookie: rik })).status).toBe(403);
    const me = await json(await call(tenant.host, "/api/auth/me", { cookie: rik }));
    expect(me.neighbourhoods.map((n: { slug: string }) => n.slug)).toEqual(["oudwijk"]);
    expect(me.pendingNeighbourhoods.map((n: { slug: string }) => n.slug)).toEqual(["nieuwbouw"]);
    const list = await json(await call(tenant.host, "/api/neighbourhoods", { cookie: rik }));
    expect(list.neighbourhoods.map((n: { slug: string }) => n.slug)).toEqual(["oudwijk"]);

    // Asking again changes nothing and counts no second use.
    const again = await joinExisting(tenant.host, invite.code, rik);
    expect(again.status).toBe(200);
    expect((await json(again)).status).toBe("already_pending");
    const [row] = await tenant.db.select().from(invites).where(eq(invites.id, invite.id));
    expect(row!.uses).toBe(1);

    // Amber is ambassador of Oudwijk, not of De Nieuwbouw: she does not see or decide this request.
    const amber = await login(tenant.host, "amber@proef.example", NEW_PASSWORD);
    const ambersQueue = await json(await call(tenant.host, "/api/members/pending", { cookie: amber }));
    expect(ambersQueue.members.map((m: { id: string }) => m.id)).not.toContain(me.user.id);
    expect((await call(tenant.host, `/api/members/${me.user.id}/approve`, { method: "POST", cookie: amber })).status).toBe(404);

    // Nina, ambassador of De Nieuwbouw, sees it as a request for an extra neighbourhood and approves it.
    const nina = await login(tenant.host, "nina@proef.example", NEW_PASSWORD);
    const queue = await json(await call(tenant.host, "/api/members/pending", { cookie: nina }));
    expect(queue.members).toContainEqual(expect.objectContaining({ id: me.user.id, kind: "extra_neighbourhood", neighbourhood: { slug: "nieuwbouw", name: "De Nieuwbouw" } }));
    const approved = await call(tenant.host, `/api/members/${me.user.id}/approve`, { method: "POST", cookie: nina, json: { neighbourhood: "nieuwbouw" } });
    expect(approved.status).toBe(200);
    expect(await json(approved)).toMatchObject({ kind: "extra_neighbourhood", mailed: true });
    expect((await call(tenant.host, "/api/neighbourhoods/nieuwbouw/posts", { cookie: rik })).status).toBe(200);
    expect((await call(tenant.host, `/api/members/${me.user.id}/approve`, { method: "POST", cookie: nina })).status).toBe(409);
    const mail = await newestMail(tenant.host, "rik@proef.example");
    expect(mail?.subject).toMatch(/De Nieuwbouw/);
    const logged = await tenant.db.select().from(auditLog).where(and(eq(auditLog.action, "member.neighbourhood_approved"), eq(auditLog.subject, me.user.id)));
    expect(logged).toHaveLength(1);
  });

  it("withdraws a rejected request with the reviewer's message, and keeps the other neighbourhood", async () => {
    const { tenant, invite, rik } = await tenantWithApproval();
    await joinExisting(tenant.host, invite.token, rik);
    const me = await json(await call(tenant.host, "/api/auth/me", { cookie: rik }));
    const moderator = await login(tenant.host, "mo@proef.example", NEW_PASSWORD);
    const rejected = await call(tenant.host, `/api/members/${me.user.id}/reject`, {
      method: "POST",
      cookie: moderator,
      json: { message: "Deze brief was voor de nieuwe bewoners van De Nieuwbouw." },
    });
    expect(rejected.status).toBe(200);
    expect(await json(rejected)).toMatchObject({ kind: "extra_neighbourhood", member: { status: "active" } });
    const rows = await tenant.db.select().from(memberships).where(eq(memberships.userId, me.user.id));
    expect(rows.map((row) => row.status)).toEqual(["active"]);
    expect((await call(tenant.host, "/api/neighbourhoods/oudwijk/posts", { cookie: rik })).status).toBe(200);
    expect((await call(tenant.host, "/api/neighbourhoods/nieuwbouw/posts", { cookie: rik })).status).toBe(403);
    const mail = await newestMail(tenant.host, "rik@proef.example");
    expect(mail?.text).toContain("Deze brief was voor de nieuwe bewoners van De Nieuwbouw.");
  });
});
