import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { hashLoginToken } from "@buurtplein/core";
import { tenantSchema } from "@buurtplein/db";
import { call, json, tenantDb } from "./helpers.ts";
import { DELINDE, HAVENSTAD, TEST_PASSWORD, createRecoveryCode, createTestUser, loginAs, newestMail, sessionCookie, tokenFromMail } from "./account-fixtures.ts";

async function requestLink(host: string, email: string, locale?: "nl" | "en") {
  return call(host, "/api/auth/magic-link", { method: "POST", json: { email, ...(locale ? { locale } : {}) } });
}

async function verify(host: string, token: string) {
  return call(host, "/api/auth/magic-link/verify", { method: "POST", json: { token } });
}

describe("magic link login", () => {
  it("e-mails a link; the link starts a session", async () => {
    const user = await createTestUser("delinde", { neighbourhood: "lindenhof" });
    const response = await requestLink(DELINDE, user.email!);
    expect(response.status).toBe(202);
    const mail = await newestMail(DELINDE, user.email!);
    expect(mail).toMatchObject({ to: user.email, tenantSlug: "delinde", subject: "Inloggen bij Buurtplein Woonstichting De Linde" });
    expect(mail!.text).toContain("http://delinde.localhost:8787/inloggen/link?token=");
    expect(mail!.html).toContain("Woonstichting De Linde");
    const token = tokenFromMail(mail!.text);
    expect(token.length).toBeGreaterThanOrEqual(22); // ≥ 128 bits

    // Only the SHA-256 is stored, valid for 15 minutes.
    const db = await tenantDb("delinde");
    const [row] = await db.select().from(tenantSchema.loginTokens).where(eq(tenantSchema.loginTokens.id, await hashLoginToken(token)));
    expect(row).toMatchObject({ userId: user.id, purpose: "magic_link", usedAt: null });
    expect(row!.expiresAt - row!.createdAt).toBeGreaterThan(14 * 60 * 1000);
    expect(row!.expiresAt - row!.createdAt).toBeLessThanOrEqual(15 * 60 * 1000 + 1000);

    const verified = await verify(DELINDE, token);
    expect(verified.status).toBe(200);
    expect((await json(verified)).user).toMatchObject({ id: user.id, displayName: user.displayName });
    const me = await json(await call(DELINDE, "/api/auth/me", { cookie: sessionCookie(verified) }));
    expect(me.user.id).toBe(user.id);
    expect(me.neighbourhoods).toEqual([{ slug: "lindenhof", name: "Lindenhof", kind: "existing" }]);
  });

  it("writes the e-mail in English when asked", async () => {
    const user = await createTestUser("havenstad");
    await requestLink(HAVENSTAD, user.email!, "en");
    const mail = await newestMail(HAVENSTAD, user.email!);
    expect(mail!.subject).toBe("Log in to Buurtplein Havenstad Wonen");
    expect(mail!.html).toContain('lang="en"');
  });

  it("works only once", async () => {
    const user = await createTestUser("delinde");
    await requestLink(DELINDE, user.email!);
    const token = tokenFromMail((await newestMail(DELINDE, user.email!))!.text);
    expect((await verify(DELINDE, token)).status).toBe(200);
    const again = await verify(DELINDE, token);
    expect(again.status).toBe(400);
    const error = (await json(again)).error;
    expect(error.code).toBe("login_link_invalid");
    expect(error.message).toMatch(/verlopen of al gebruikt/);
  });

  it("uses a link only once even when clicked twice at the same moment", async () => {
    const user = await createTestUser("delinde");
    await requestLink(DELINDE, user.email!);
    const token = tokenFromMail((await newestMail(DELINDE, user.email!))!.text);
    const statuses = (await Promise.all([verify(DELINDE, token), verify(DELINDE, token), verify(DELINDE, token)])).map((r) => r.status).sort();
    expect(statuses).toEqual([200, 400, 400]);
  });

  it("refuses an expired link", async () => {
    const user = await createTestUser("delinde");
    await requestLink(DELINDE, user.email!);
    const token = tokenFromMail((await newestMail(DELINDE, user.email!))!.text);
    const db = await tenantDb("delinde");
    await db
      .update(tenantSchema.loginTokens)
      .set({ expiresAt: Date.now() - 1000 })
      .where(eq(tenantSchema.loginTokens.id, await hashLoginToken(token)));
    const response = await verify(DELINDE, token);
    expect(response.status).toBe(400);
    expect((await json(response)).error.code).toBe("login_link_invalid");
  });

  it("refuses an unknown token and a token of another corporation", async () => {
    expect((await json(await verify(DELINDE, "x".repeat(43)))).error.code).toBe("login_link_invalid");
    const user = await createTestUser("delinde");
    await requestLink(DELINDE, user.email!);
    const token = tokenFromMail((await newestMail(DELINDE, user.email!))!.text);
    expect((await verify(HAVENSTAD, token)).status).toBe(400);
    expect((await verify(DELINDE, token)).status).toBe(200);
  });

  it("answers the same for an unknown e-mail, and sends nothing (no account enumeration)", async () => {
    const known = await createTestUser("delinde");
    const unknownEmail = `niemand-${crypto.randomUUID().slice(0, 8)}@delinde.example`;
    const a = await requestLink(DELINDE, known.email!);
    const b = await requestLink(DELINDE, unknownEmail);
    expect(a.status).toBe(202);
    expect(b.status).toBe(202);
    expect(await json(a)).toEqual(await json(b));
    expect(await newestMail(DELINDE, unknownEmail)).toBeNull();
  });

  it("sends nothing to a pending account, and a pending account cannot log in (waiting for approval)", async () => {
    const pending = await createTestUser("delinde", { status: "pending" });
    expect((await requestLink(DELINDE, pending.email!)).status).toBe(202);
    expect(await newestMail(DELINDE, pending.email!)).toBeNull();
    const response = await call(DELINDE, "/api/auth/login", { method: "POST", json: { identifier: pending.email, password: TEST_PASSWORD } });
    expect(response.status).toBe(403);
    const error = (await json(response)).error;
    expect(error.code).toBe("account_pending");
    expect(error.message).toMatch(/wacht nog op goedkeuring/);
  });

  it("refuses rejected and removed accounts, even with the right password", async () => {
    for (const status of ["rejected", "removed"]) {
      const user = await createTestUser("delinde", { status });
      const response = await call(DELINDE, "/api/auth/login", { method: "POST", json: { email: user.email, password: TEST_PASSWORD } });
      expect(response.status).toBe(403);
      expect(response.headers.getSetCookie()).toEqual([]);
    }
  });

  it("does not start a session when the account was suspended after the link was sent", async () => {
    const user = await createTestUser("delinde");
    await requestLink(DELINDE, user.email!);
    const token = tokenFromMail((await newestMail(DELINDE, user.email!))!.text);
    const db = await tenantDb("delinde");
    await db.update(tenantSchema.users).set({ status: "pending" }).where(eq(tenantSchema.users.id, user.id));
    const response = await verify(DELINDE, token);
    expect(response.status).toBe(403);
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  it("asks for a valid e-mail address", async () => {
    const response = await call(DELINDE, "/api/auth/magic-link", { method: "POST", json: { email: "geen-adres" } });
    expect(response.status).toBe(422);
    expect((await json(response)).error.details.fields.email).toBeTruthy();
  });
});

describe("password login with an identifier", () => {
  it("logs in with an e-mail address as identifier", async () => {
    const user = await createTestUser("delinde");
    const cookie = await loginAs(DELINDE, user.email!.toUpperCase());
    expect((await json(await call(DELINDE, "/api/auth/me", { cookie }))).user.id).toBe(user.id);
  });

  it("logs in with a login name (an account without e-mail)", async () => {
    const loginName = `anna-lindenhof-${crypto.randomUUID().slice(0, 4)}`;
    const user = await createTestUser("delinde", { email: null, loginName });
    const cookie = await loginAs(DELINDE, loginName);
    expect((await json(await call(DELINDE, "/api/auth/me", { cookie }))).user.id).toBe(user.id);
    // Case does not matter.
    await loginAs(DELINDE, loginName.toUpperCase());
  });

  it("still accepts { email, password }", async () => {
    const response = await call(DELINDE, "/api/auth/login", { method: "POST", json: { email: "anna@delinde.example", password: "buurtplein-demo" } });
    expect(response.status).toBe(200);
  });

  it("gives one answer for a wrong password and an unknown name", async () => {
    const user = await createTestUser("delinde", { email: null, loginName: `kees-${crypto.randomUUID().slice(0, 6)}` });
    const wrong = await call(DELINDE, "/api/auth/login", { method: "POST", json: { identifier: user.loginName, password: "fout-wachtwoord" } });
    const unknown = await call(DELINDE, "/api/auth/login", { method: "POST", json: { identifier: "bestaat-niet-123", password: "fout-wachtwoord" } });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await json(wrong)).toEqual(await json(unknown));
  });
});

describe("recovery codes (accounts without e-mail)", () => {
  async function recover(body: Record<string, unknown>) {
    return call(DELINDE, "/api/auth/recover", { method: "POST", json: body });
  }

  it("sets a new password with a one-time code and logs in; old sessions end", async () => {
    const loginName = `joop-${crypto.randomUUID().slice(0, 6)}`;
    const user = await createTestUser("delinde", { email: null, loginName });
    const oldSession = await loginAs(DELINDE, loginName);
    await createRecoveryCode("delinde", user.id, "KQ7M-XR4P");
    // Typed from paper: lower case, a space instead of the dash.
    const response = await recover({ loginName, code: "kq7m xr4p", newPassword: "mijn-nieuwe-wachtwoord" });
    expect(response.status).toBe(200);
    const cookie = sessionCookie(response);
    expect((await json(await call(DELINDE, "/api/auth/me", { cookie }))).user.id).toBe(user.id);
    expect((await call(DELINDE, "/api/auth/me", { cookie: oldSession })).status).toBe(401);
    // The new password works, the old one does not.
    expect((await call(DELINDE, "/api/auth/login", { method: "POST", json: { identifier: loginName, password: "mijn-nieuwe-wachtwoord" } })).status).toBe(200);
    expect((await call(DELINDE, "/api/auth/login", { method: "POST", json: { identifier: loginName, password: TEST_PASSWORD } })).status).toBe(401);
    // The code is used up.
    const again = await recover({ loginName, code: "KQ7M-XR4P", newPassword: "nog-een-ander-wachtwoord" });
    expect(again.status).toBe(400);
    expect((await json(again)).error.code).toBe("recovery_code_invalid");
  });

  it("refuses a wrong code, a code of someone else, and an expired code", async () => {
    const a = await createTestUser("delinde", { email: null, loginName: `a-${crypto.randomUUID().slice(0, 6)}` });
    const b = await createTestUser("delinde", { email: null, loginName: `b-${crypto.randomUUID().slice(0, 6)}` });
    await createRecoveryCode("delinde", a.id, "AAAA-BBBB");
    await createRecoveryCode("delinde", b.id, "CCCC-DDDD", { expiresInMs: -1000 });
    for (const body of [
      { loginName: a.loginName, code: "ZZZZ-ZZZZ" },
      { loginName: b.loginName, code: "AAAA-BBBB" },
      { loginName: b.loginName, code: "CCCC-DDDD" },
    ]) {
      const response = await recover({ ...body, newPassword: "een-nieuw-wachtwoord" });
      expect(response.status).toBe(400);
      expect((await json(response)).error.code).toBe("recovery_code_invalid");
    }
    const db = await tenantDb("delinde");
    const [row] = await db.select().from(tenantSchema.loginTokens).where(and(eq(tenantSchema.loginTokens.userId, a.id)));
    expect(row!.usedAt).toBeNull();
  });

  it("asks for a long enough new password", async () => {
    const response = await recover({ loginName: "iemand", code: "AAAA-BBBB", newPassword: "kort" });
    expect(response.status).toBe(422);
    expect((await json(response)).error.details.fields.newPassword).toMatch(/minstens 10 tekens/);
  });
});

describe("sessions", () => {
  it("logs out everywhere: every session of this person ends, others keep theirs", async () => {
    const user = await createTestUser("delinde");
    const other = await createTestUser("delinde");
    const phone = await loginAs(DELINDE, user.email!);
    const laptop = await loginAs(DELINDE, user.email!);
    const someoneElse = await loginAs(DELINDE, other.email!);
    const response = await call(DELINDE, "/api/auth/logout-everywhere", { method: "POST", cookie: phone });
    expect(response.status).toBe(200);
    expect((await json(response)).sessionsEnded).toBe(2);
    expect(response.headers.getSetCookie().join()).toMatch(/bp_session=;/);
    expect((await call(DELINDE, "/api/auth/me", { cookie: phone })).status).toBe(401);
    expect((await call(DELINDE, "/api/auth/me", { cookie: laptop })).status).toBe(401);
    expect((await call(DELINDE, "/api/auth/me", { cookie: someoneElse })).status).toBe(200);
  });

  it("needs a session to log out everywhere", async () => {
    expect((await call(DELINDE, "/api/auth/logout-everywhere", { method: "POST" })).status).toBe(401);
  });

  it("refuses an expired session and deletes its row", async () => {
    const user = await createTestUser("delinde");
    const cookie = await loginAs(DELINDE, user.email!);
    const db = await tenantDb("delinde");
    await db.update(tenantSchema.sessions).set({ expiresAt: Date.now() - 1000 }).where(eq(tenantSchema.sessions.userId, user.id));
    expect((await call(DELINDE, "/api/auth/me", { cookie })).status).toBe(401);
    expect(await db.select().from(tenantSchema.sessions).where(eq(tenantSchema.sessions.userId, user.id))).toEqual([]);
  });
});
