import { CLIENT_SOURCE_HEADER } from "@buurtplein/core";
import { describe, expect, it } from "vitest";
import { eq, inArray } from "drizzle-orm";
import { tenantSchema } from "@buurtplein/db";
import { call, json, randomIp, tenantDb } from "./helpers.ts";
import { DELINDE, HAVENSTAD, NEW_PASSWORD, createFreshTenant, createInvite, join, joinBody, revokeInvite, sessionCookieOf } from "./invite-fixtures.ts";
import { TEST_PASSWORD, createTestUser, newestMail, tokenFromMail } from "./account-fixtures.ts";

const { users, memberships, invites, neighbourhoods } = tenantSchema;

async function inviteRow(slug: string, id: string) {
  const [row] = await (await tenantDb(slug)).select().from(invites).where(eq(invites.id, id));
  return row!;
}

async function usersWithEmails(slug: string, emails: string[]) {
  return (await tenantDb(slug)).select().from(users).where(inArray(users.email, emails));
}

async function expireInvite(slug: string, id: string) {
  await (await tenantDb(slug)).update(invites).set({ expiresAt: Date.now() - 1000 }).where(eq(invites.id, id));
}

describe("looking up an invite", () => {
  it("shows the neighbourhood, the corporation, the house rules and whether approval is needed", async () => {
    const invite = await createInvite(DELINDE, { neighbourhood: "lindenhof" });
    const response = await call(DELINDE, `/api/join/${invite.token}`);
    expect(response.status).toBe(200);
    const body = await json(response);
    expect(body.neighbourhood).toMatchObject({ slug: "lindenhof", name: "Lindenhof", kind: "existing", city: "Amersfoort" });
    expect(body.corporation.name).toBe("Woonstichting De Linde");
    expect(body.houseRules.nl.rules.length).toBeGreaterThanOrEqual(5);
    expect(body.houseRules.en.rules).toHaveLength(body.houseRules.nl.rules.length);
    expect(body.requiresApproval).toBe(false);
    expect(body.invite).toMatchObject({ state: "valid", role: "resident", kind: "neighbourhood", invitedBy: null });
    // A visitor learns nothing about who made it or how often it was used.
    expect(JSON.stringify(body)).not.toMatch(/sanne|uses|label/i);
  });

  it("accepts the code with or without dash, in lower case and with spaces", async () => {
    const invite = await createInvite(DELINDE, { neighbourhood: "lindenhof" });
    const compact = invite.code.replace("-", "");
    for (const typed of [invite.code, compact, invite.code.toLowerCase(), compact.toLowerCase(), `${compact.slice(0, 4)} ${compact.slice(4)}`]) {
      const response = await call(DELINDE, `/api/join/${encodeURIComponent(typed)}`);
      expect(response.status, typed).toBe(200);
      expect((await json(response)).neighbourhood.slug).toBe("lindenhof");
    }
  });

  it("answers each state that lets nobody in with its own clear error", async () => {
    const expired = await createInvite(DELINDE, { neighbourhood: "lindenhof" });
    await expireInvite("delinde", expired.id);
    const revoked = await createInvite(DELINDE, { neighbourhood: "lindenhof" });
    await revokeInvite(DELINDE, revoked.id);
    const usedUp = await createInvite(DELINDE, { neighbourhood: "lindenhof", maxUses: 1 });
    expect((await join(DELINDE, joinBody(usedUp.code))).status).toBe(202);

    const cases = [
      [expired.code, 410, "invite_expired", "verlopen"],
      [revoked.token, 410, "invite_revoked", "ingetrokken"],
      [usedUp.code.toLowerCase(), 410, "invite_used_up", "gebruikt"],
      ["ZZZZ-ZZZZ", 404, "invite_not_found", "kennen deze"],
      ["dit-is-geen-code", 404, "invite_not_found", "kennen deze"],
    ] as const;
    for (const [reference, status, code, words] of cases) {
      const response = await call(DELINDE, `/api/join/${encodeURIComponent(reference)}`);
      expect(response.status, reference).toBe(status);
      const { error } = await json(response);
      expect(error.code).toBe(code);
      expect(error.message).toContain(words);
      expect(error.message).toContain("nieuwe code");
    }
  });
});

describe("joining through an invite", () => {
  it("creates exactly one account and membership, counts one use and e-mails a login link (no session yet)", async () => {
    const invite = await createInvite(DELINDE, { neighbourhood: "lindenhof", maxUses: 5 });
    const body = joinBody(invite.token, { street: "Lindenstraat" });
    const response = await join(DELINDE, body);
    expect(response.status).toBe(202);
    const result = await json(response);
    expect(result).toMatchObject({ status: "check_email", neighbourhood: { slug: "lindenhof", name: "Lindenhof" } });
    expect(result.message).toContain("Kijk in je e-mail");
    expect(sessionCookieOf(response)).toBeNull();

    const [user, ...others] = await usersWithEmails("delinde", [body.email]);
    expect(others).toHaveLength(0);
    expect(user).toMatchObject({ status: "active", role: "resident", street: "Lindenstraat", joinedViaInviteId: invite.id, loginName: null });
    expect(user!.passwordHash).toMatch(/^pbkdf2-sha256\$/);
    const db = await tenantDb("delinde");
    const joined = await db.select({ slug: neighbourhoods.slug }).from(memberships).innerJoin(neighbourhoods, eq(neighbourhoods.id, memberships.neighbourhoodId)).where(eq(memberships.userId, user!.id));
    expect(joined).toEqual([{ slug: "lindenhof" }]);
    expect((await inviteRow("delinde", invite.id)).uses).toBe(1);

    // The welcome e-mail's link logs the new member in.
    const mail = await newestMail(DELINDE, body.email);
    expect(mail!.subject).toBe("Welkom in Lindenhof: log in op Buurtplein");
    const verified = await call(DELINDE, "/api/auth/magic-link/verify", { method: "POST", json: { token: tokenFromMail(mail!.text) } });
    expect(verified.status).toBe(200);
    const cookie = sessionCookieOf(verified)!;
    const me = await json(await call(DELINDE, "/api/auth/me", { cookie }));
    expect(me.neighbourhoods).toEqual([{ slug: "lindenhof", name: "Lindenhof", kind: "existing" }]);
    expect((await call(DELINDE, "/api/neighbourhoods/lindenhof/posts", { cookie })).status).toBe(200);
    // The password chosen works for a later login.
    const later = await call(DELINDE, "/api/auth/login", { method: "POST", json: { identifier: body.email, password: NEW_PASSWORD } });
    expect(later.status).toBe(200);
  });

  it("gives the role of the invite: prospective residents of a new build", async () => {
    const invite = await createInvite(HAVENSTAD, { neighbourhood: "nieuwe-werf", role: "prospective" });
    const response = await join(HAVENSTAD, joinBody(invite.code.toLowerCase().replace("-", " "), { email: "" }));
    expect(response.status).toBe(201);
    expect((await json(response)).user.role).toBe("prospective");
    const me = await json(await call(HAVENSTAD, "/api/auth/me", { cookie: sessionCookieOf(response)! }));
    expect(me.user.role).toBe("prospective");
    expect(me.neighbourhoods.map((n: { slug: string }) => n.slug)).toEqual(["nieuwe-werf"]);
  });

  it("joins without e-mail: a login name to write down, which works with the password", async () => {
    const invite = await createInvite(DELINDE, { neighbourhood: "lindenhof" });
    const response = await join(DELINDE, joinBody(invite.code, { email: "", displayName: "Gerrit van Dam" }));
    expect(response.status).toBe(201);
    const { user } = await json(response);
    expect(user.loginName).toMatch(/^gerrit-lindenhof-[2-9]{4}$/);
    expect(user.hasEmail).toBe(false);
    const [stored] = await (await tenantDb("delinde")).select().from(users).where(eq(users.loginName, user.loginName));
    expect(stored).toMatchObject({ email: null, displayName: "Gerrit van Dam" });

    // Login by login name: POST /api/auth/login with { identifier, password }.
    const login = await call(DELINDE, "/api/auth/login", { method: "POST", json: { identifier: user.loginName, password: NEW_PASSWORD } });
    expect(login.status).toBe(200);
    expect((await json(login)).user.displayName).toBe("Gerrit van Dam");
  });

  it("answers a known e-mail address exactly as a new one, changes nothing, and tells the owner by e-mail", async () => {
    const invite = await createInvite(DELINDE, { neighbourhood: "lindenhof" });
    const owner = await createTestUser("delinde");
    const known = await join(DELINDE, joinBody(invite.code, { email: owner.email!.toUpperCase() }));
    const fresh = await join(DELINDE, joinBody(invite.code));
    expect(known.status).toBe(fresh.status);
    expect(known.status).toBe(202);
    expect(await json(known)).toEqual(await json(fresh));
    expect(sessionCookieOf(known)).toBeNull();
    // Only the new address used the invite; the owner's account is untouched.
    expect((await inviteRow("delinde", invite.id)).uses).toBe(1);
    expect(await usersWithEmails("delinde", [owner.email!])).toHaveLength(1);
    const login = await call(DELINDE, "/api/auth/login", { method: "POST", json: { identifier: owner.email, password: TEST_PASSWORD } });
    expect(login.status).toBe(200);

    const mail = await newestMail(DELINDE, owner.email!);
    expect(mail!.subject).toBe("Iemand wilde meedoen in Lindenhof met jouw e-mailadres");
    expect(mail!.text).toContain(`buurtcode ${invite.code}`);
    expect(mail!.text).toContain("http://delinde.localhost:8787/inloggen");
    expect(mail!.text).not.toContain("token=");
  });

  it("answers a known address as a new one when the corporation checks newcomers too (pending)", async () => {
    const tenant = await createFreshTenant();
    const switched = await call(tenant.host, "/api/settings/membership", { method: "PATCH", cookie: tenant.adminCookie, json: { requireMemberApproval: true } });
    expect(switched.status).toBe(200);
    const invite = await createInvite(tenant.host, { neighbourhood: "oudwijk" }, tenant.adminCookie);
    const known = await join(tenant.host, joinBody(invite.code, { email: "ada@proef.example" }));
    const fresh = await join(tenant.host, joinBody(invite.code));
    expect(known.status).toBe(202);
    const answer = await json(known);
    expect(answer.status).toBe("pending");
    expect(answer).toEqual(await json(fresh));
  });

  it.each([
    ["no house rules accepted", { acceptHouseRules: false }, "acceptHouseRules"],
    ["a house number in the street", { street: "Lindenstraat 4" }, "street"],
    ["neither e-mail nor password", { email: "", password: "" }, "password"],
    ["a short password", { password: "kort" }, "password"],
    ["a one-letter name", { displayName: "A" }, "displayName"],
  ])("refuses %s (422) and creates nothing", async (_label, override, field) => {
    const invite = await createInvite(DELINDE, { neighbourhood: "lindenhof" });
    const body = joinBody(invite.code, override);
    const response = await join(DELINDE, body);
    expect(response.status).toBe(422);
    expect((await json(response)).error.details.fields[field]).toEqual(expect.any(String));
    expect((await inviteRow("delinde", invite.id)).uses).toBe(0);
    if (body.email) expect(await usersWithEmails("delinde", [body.email as string])).toHaveLength(0);
  });

  it("creates nothing for an expired, revoked, used-up or unknown invite", async () => {
    const expired = await createInvite(DELINDE, { neighbourhood: "lindenhof" });
    await expireInvite("delinde", expired.id);
    const revoked = await createInvite(DELINDE, { neighbourhood: "lindenhof" });
    await revokeInvite(DELINDE, revoked.id);
    const usedUp = await createInvite(DELINDE, { neighbourhood: "lindenhof", maxUses: 1 });
    expect((await join(DELINDE, joinBody(usedUp.token))).status).toBe(202);

    const attempts = [
      [expired.code, 410, "invite_expired"],
      [revoked.code, 410, "invite_revoked"],
      [usedUp.code, 410, "invite_used_up"],
      ["ZZZZ-ZZZZ", 404, "invite_not_found"],
    ] as const;
    const emails: string[] = [];
    for (const [reference, status, code] of attempts) {
      const body = joinBody(reference);
      emails.push(body.email);
      const response = await join(DELINDE, body);
      expect(response.status, reference).toBe(status);
      expect((await json(response)).error.code).toBe(code);
      expect(sessionCookieOf(response)).toBeNull();
    }
    expect(await usersWithEmails("delinde", emails)).toHaveLength(0);
    expect((await inviteRow("delinde", expired.id)).uses).toBe(0);
    expect((await inviteRow("delinde", revoked.id)).uses).toBe(0);
    expect((await inviteRow("delinde", usedUp.id)).uses).toBe(1);
  });

  it("lets exactly one of two people in at the same moment on a single-use invite", async () => {
    const invite = await createInvite(DELINDE, { neighbourhood: "lindenhof", maxUses: 1 });
    const bodies = [joinBody(invite.code), joinBody(invite.token)];
    const responses = await Promise.all(bodies.map((body) => join(DELINDE, body)));
    expect(responses.map((response) => response.status).sort()).toEqual([202, 410]);
    const loser = responses.find((response) => response.status === 410)!;
    expect((await json(loser)).error.code).toBe("invite_used_up");
    expect(await usersWithEmails("delinde", bodies.map((body) => body.email))).toHaveLength(1);
    expect((await inviteRow("delinde", invite.id)).uses).toBe(1);
  });

  it("never goes over max uses with many people at once", async () => {
    const invite = await createInvite(HAVENSTAD, { neighbourhood: "kadekwartier", maxUses: 3 });
    const bodies = Array.from({ length: 8 }, () => joinBody(invite.code));
    const responses = await Promise.all(bodies.map((body) => join(HAVENSTAD, body)));
    expect(responses.filter((response) => response.status === 202)).toHaveLength(3);
    expect(responses.filter((response) => response.status === 410)).toHaveLength(5);
    expect(await usersWithEmails("havenstad", bodies.map((body) => body.email))).toHaveLength(3);
    expect((await inviteRow("havenstad", invite.id)).uses).toBe(3);
  });
});

describe("rate limits on joining", () => {
  it("allows 20 join attempts per 10 minutes from one IP, then answers 429", async () => {
    const ip = randomIp();
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await join(DELINDE, { invite: "ZZZZ-ZZZZ" }, { [CLIENT_SOURCE_HEADER]: ip })).status);
    expect(statuses.slice(0, 20).every((status) => status === 422)).toBe(true);
    expect(statuses[20]).toBe(429);
    // Another visitor is not affected.
    expect((await join(DELINDE, { invite: "ZZZZ-ZZZZ" })).status).toBe(422);
  });

  it("allows 60 look-ups per 10 minutes from one IP, then answers 429 with Retry-After", async () => {
    const ip = randomIp();
    const responses = await Promise.all(Array.from({ length: 60 }, () => call(DELINDE, "/api/join/ZZZZ-ZZZZ", { headers: { [CLIENT_SOURCE_HEADER]: ip } })));
    expect(responses.every((response) => response.status === 404)).toBe(true);
    const blocked = await call(DELINDE, "/api/join/ZZZZ-ZZZZ", { headers: { [CLIENT_SOURCE_HEADER]: ip } });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});
