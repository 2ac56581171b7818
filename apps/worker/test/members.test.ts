import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { tenantSchema } from "@buurtplein/db";
import { call, json, login, tenantDb } from "./helpers.ts";
import { DELINDE, HAVENSTAD, NEW_PASSWORD, createFreshTenant, createInvite, join, joinBody, sessionCookieOf, userIdByEmail } from "./invite-fixtures.ts";

const { users, memberships, auditLog, loginTokens, neighbourhoods } = tenantSchema;

function loginWith(host: string, identifier: string, password = NEW_PASSWORD) {
  return call(host, "/api/auth/login", { method: "POST", json: { identifier, password } });
}

function setApproval(host: string, cookie: string, requireMemberApproval: unknown) {
  return call(host, "/api/settings/membership", { method: "PATCH", cookie, json: { requireMemberApproval } });
}

describe("approval of new members", () => {
  it("keeps people waiting when approval is on; a reviewer approves or rejects with a message", async () => {
    const tenant = await createFreshTenant();
    const switched = await setApproval(tenant.host, tenant.adminCookie, true);
    expect(switched.status).toBe(200);
    expect(await json(switched)).toEqual({ requireMemberApproval: true });
    expect(await json(await call(tenant.host, "/api/settings/membership", { cookie: tenant.adminCookie }))).toEqual({ requireMemberApproval: true });

    const invite = await createInvite(tenant.host, { neighbourhood: "oudwijk" }, tenant.adminCookie);
    expect((await json(await call(tenant.host, `/api/join/${invite.code}`))).requiresApproval).toBe(true);

    // Waiting: no session, a clear answer, and no login until approved.
    const first = joinBody(invite.code);
    const pending = await join(tenant.host, first);
    expect(pending.status).toBe(202);
    const answer = await json(pending);
    expect(answer.status).toBe("pending");
    const firstId = await userIdByEmail(tenant.host, first.email);
    expect(answer.message).toContain("beheerder");
    expect(sessionCookieOf(pending)).toBeNull();
    const refused = await loginWith(tenant.host, first.email);
    expect(refused.status).toBe(403);
    expect((await json(refused)).error.code).toBe("account_pending");

    const second = joinBody(invite.code, { email: "", displayName: "Wim Wachter" });
    const secondAnswer = await json(await join(tenant.host, second));
    expect(secondAnswer.status).toBe("pending");
    expect(secondAnswer.user.loginName).toMatch(/^wim-oudwijk-\d{4}$/);

    // The moderator sees both, with e-mail; the ambassador of Oudwijk too, without e-mail.
    const moderator = await login(tenant.host, "mo@proef.example", NEW_PASSWORD);
    const queue = await json(await call(tenant.host, "/api/members/pending", { cookie: moderator }));
    expect(queue.requireMemberApproval).toBe(true);
    expect(queue.canChangeSetting).toBe(false);
    const firstRow = queue.members.find((member: { displayName: string }) => member.displayName === first.displayName);
    expect(firstRow).toMatchObject({ email: first.email, neighbourhood: { slug: "oudwijk", name: "Oudwijk" }, invite: { kind: "neighbourhood", label: "Testbrief" } });
    expect(queue.members).toHaveLength(2);
    const ambassador = await login(tenant.host, "amber@proef.example", NEW_PASSWORD);
    const ambassadorQueue = await json(await call(tenant.host, "/api/members/pending", { cookie: ambassador }));
    expect(ambassadorQueue.members).toHaveLength(2);
    expect(ambassadorQueue.members.every((member: { email: string | null }) => member.email === null)).toBe(true);

    // Approve: the person can log in and reads the neighbourhood.
    const approved = await call(tenant.host, `/api/members/${firstId}/approve`, { method: "POST", cookie: moderator });
    expect(approved.status).toBe(200);
    expect((await json(approved)).member.status).toBe("active");
    const loggedIn = await loginWith(tenant.host, first.email);
    expect(loggedIn.status).toBe(200);
    const cookie = sessionCookieOf(loggedIn)!;
    expect((await call(tenant.host, "/api/neighbourhoods/oudwijk/posts", { cookie })).status).toBe(200);
    expect((await call(tenant.host, `/api/members/${firstId}/approve`, { method: "POST", cookie: moderator })).status).toBe(409);

    // Reject: needs a message, which is stored; the person cannot log in.
    const noMessage = await call(tenant.host, `/api/members/${secondAnswer.user.id}/reject`, { method: "POST", cookie: ambassador, json: { message: " " } });
    expect(noMessage.status).toBe(422);
    const rejected = await call(tenant.host, `/api/members/${secondAnswer.user.id}/reject`, {
      method: "POST",
      cookie: ambassador,
      json: { message: "We kennen je niet uit Oudwijk. Bel ons even, dan kijken we samen." },
    });
    expect(rejected.status).toBe(200);
    expect((await json(rejected)).member).toMatchObject({ status: "rejected", reviewNote: "We kennen je niet uit Oudwijk. Bel ons even, dan kijken we samen." });
    const [stored] = await tenant.db.select().from(users).where(eq(users.id, secondAnswer.user.id));
    expect(stored).toMatchObject({ status: "rejected", reviewNote: "We kennen je niet uit Oudwijk. Bel ons even, dan kijken we samen." });
    expect((await loginWith(tenant.host, secondAnswer.user.loginName)).status).toBe(403);
    expect((await json(await call(tenant.host, "/api/members/pending", { cookie: moderator }))).members).toHaveLength(0);

    const decisions = await tenant.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.action, "member.approved"));
    expect(decisions).toHaveLength(1);

    // Off again: the next person is in straight away.
    expect((await setApproval(tenant.host, tenant.adminCookie, false)).status).toBe(200);
    const third = await join(tenant.host, joinBody(invite.code, { email: "" }));
    expect((await json(third)).status).toBe("active");
    expect(sessionCookieOf(third)).not.toBeNull();
  });

  it("lets an ambassador review only their own neighbourhood; residents not at all", async () => {
    const tenant = await createFreshTenant();
    await setApproval(tenant.host, tenant.adminCookie, true);
    const invite = await createInvite(tenant.host, { neighbourhood: "nieuwbouw", role: "prospective" }, tenant.adminCookie);
    const { user } = await json(await join(tenant.host, joinBody(invite.code, { email: "" })));

    const amber = await login(tenant.host, "amber@proef.example", NEW_PASSWORD); // ambassador of Oudwijk
    expect((await json(await call(tenant.host, "/api/members/pending", { cookie: amber }))).members).toHaveLength(0);
    expect((await call(tenant.host, `/api/members/${user.id}/approve`, { method: "POST", cookie: amber })).status).toBe(404);

    const rik = await login(tenant.host, "rik@proef.example", NEW_PASSWORD); // resident
    expect((await call(tenant.host, "/api/members/pending", { cookie: rik })).status).toBe(403);
    expect((await call(tenant.host, `/api/members/${user.id}/approve`, { method: "POST", cookie: rik })).status).toBe(403);
    expect((await call(tenant.host, `/api/members/${user.id}/reject`, { method: "POST", cookie: rik, json: { message: "nee" } })).status).toBe(403);

    const nina = await login(tenant.host, "nina@proef.example", NEW_PASSWORD); // ambassador of De Nieuwbouw
    expect((await json(await call(tenant.host, "/api/members/pending", { cookie: nina }))).members).toHaveLength(1);
    expect((await call(tenant.host, `/api/members/${user.id}/approve`, { method: "POST", cookie: nina })).status).toBe(200);
  });

  it("lets only an admin switch approval", async () => {
    const tenant = await createFreshTenant();
    const moderator = await login(tenant.host, "mo@proef.example", NEW_PASSWORD);
    expect((await setApproval(tenant.host, moderator, true)).status).toBe(403);
    expect((await call(tenant.host, "/api/settings/membership", { cookie: moderator })).status).toBe(403);
    expect((await setApproval(tenant.host, tenant.adminCookie, "ja")).status).toBe(422);
    expect((await setApproval(tenant.host, "", true)).status).toBe(401);
    expect(await json(await call(tenant.host, "/api/settings/membership", { cookie: tenant.adminCookie }))).toEqual({ requireMemberApproval: false });
  });
});

describe("help desk registration", () => {
  it("registers a resident without e-mail: login name + recovery code on paper, consent and audit recorded", async () => {
    const sanne = await login(DELINDE, "sanne@delinde.example");
    const sanneId = (await json(await call(DELINDE, "/api/auth/me", { cookie: sanne }))).user.id;
    const response = await call(DELINDE, "/api/members/register", {
      method: "POST",
      cookie: sanne,
      json: { neighbourhood: "lindenhof", displayName: "Truus Bakker", street: "Hofstraat", consent: true },
    });
    expect(response.status).toBe(201);
    const result = await json(response);
    expect(result.member).toMatchObject({ displayName: "Truus Bakker", role: "resident", email: null });
    expect(result.member.loginName).toMatch(/^truus-lindenhof-[2-9]{4}$/);
    expect(result.recoveryCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(result.recoveryCodeExpiresAt - Date.now()).toBeGreaterThan(13 * 24 * 60 * 60 * 1000);

    const db = await tenantDb("delinde");
    const [user] = await db.select().from(users).where(eq(users.id, result.member.id));
    expect(user).toMatchObject({ status: "active", registeredById: sanneId, street: "Hofstraat", passwordHash: null });
    expect(user!.consentRecordedAt).toBeGreaterThan(Date.now() - 60_000);
    const [membership] = await db.select({ slug: neighbourhoods.slug }).from(memberships).innerJoin(neighbourhoods, eq(neighbourhoods.id, memberships.neighbourhoodId)).where(eq(memberships.userId, user!.id));
    expect(membership?.slug).toBe("lindenhof");
    const tokens = await db.select().from(loginTokens).where(eq(loginTokens.userId, user!.id));
    expect(tokens).toHaveLength(1);
    expect(tokens[0]).toMatchObject({ purpose: "recovery", usedAt: null });
    expect(tokens[0]!.id).not.toContain(result.recoveryCode.replace(/-/g, ""));
    const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.subject, user!.id), eq(auditLog.action, "member.registered")));
    expect(entry).toMatchObject({ actorId: sanneId });

    // At home: the resident chooses a password with the code, then logs in with the login name.
    const recovered = await call(DELINDE, "/api/auth/recover", {
      method: "POST",
      json: { loginName: result.member.loginName, code: result.recoveryCode.toLowerCase(), newPassword: NEW_PASSWORD },
    });
    expect(recovered.status).toBe(200);
    const loggedIn = await loginWith(DELINDE, result.member.loginName);
    expect(loggedIn.status).toBe(200);
    expect((await call(DELINDE, "/api/neighbourhoods/lindenhof/posts", { cookie: sessionCookieOf(loggedIn)! })).status).toBe(200);
  });

  it("registers a resident with e-mail (no recovery code), and refuses a taken e-mail", async () => {
    const cookie = await login(HAVENSTAD, "yasmina@havenstad.example");
    const email = `hulp-${crypto.randomUUID().slice(0, 8)}@example.org`;
    const response = await call(HAVENSTAD, "/api/members/register", { method: "POST", cookie, json: { neighbourhood: "nieuwe-werf", displayName: "Henk", email, consent: true } });
    expect(response.status).toBe(201);
    const result = await json(response);
    expect(result).toMatchObject({ member: { email, loginName: null, role: "prospective" }, recoveryCode: null });
    const again = await call(HAVENSTAD, "/api/members/register", { method: "POST", cookie, json: { neighbourhood: "kadekwartier", displayName: "Henk", email, consent: true } });
    expect(again.status).toBe(409);
    expect((await json(again)).error.code).toBe("email_taken");
  });

  it("needs consent, and creates nothing without it", async () => {
    const cookie = await login(DELINDE, "sanne@delinde.example");
    const email = `geen-akkoord-${crypto.randomUUID().slice(0, 8)}@example.org`;
    for (const consent of [false, undefined, "ja"]) {
      const response = await call(DELINDE, "/api/members/register", { method: "POST", cookie, json: { neighbourhood: "lindenhof", displayName: "Zonder Akkoord", email, consent } });
      expect(response.status).toBe(422);
      expect((await json(response)).error.details.fields.consent).toContain("akkoord");
    }
    expect(await (await tenantDb("delinde")).select().from(users).where(eq(users.email, email))).toHaveLength(0);
  });

  it("lets an ambassador register for their own neighbourhood only; residents not at all", async () => {
    const mohamed = await login(DELINDE, "mohamed@delinde.example");
    const own = await call(DELINDE, "/api/members/register", { method: "POST", cookie: mohamed, json: { neighbourhood: "lindenhof", displayName: "Buurvrouw Fien", consent: true } });
    expect(own.status).toBe(201);
    const other = await call(DELINDE, "/api/members/register", { method: "POST", cookie: mohamed, json: { neighbourhood: "parkzicht", displayName: "Buurman Ko", consent: true } });
    expect(other.status).toBe(403);
    const anna = await login(DELINDE, "anna@delinde.example");
    const resident = await call(DELINDE, "/api/members/register", { method: "POST", cookie: anna, json: { neighbourhood: "lindenhof", displayName: "Buurman Ko", consent: true } });
    expect(resident.status).toBe(403);
    const unknown = await call(DELINDE, "/api/members/register", { method: "POST", cookie: mohamed, json: { neighbourhood: "kadekwartier", displayName: "Buurman Ko", consent: true } });
    expect(unknown.status).toBe(422);
  });
});
