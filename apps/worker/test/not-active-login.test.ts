// A person who is still waiting for approval, or who was rejected, hears why they cannot get in, with
// the reviewer's note, whichever way they log in (password, login link, recovery code); and only after
// the secret they typed or clicked was proven right. A wrong secret tells nothing about the account.
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { generateLoginToken, hashLoginToken, MAGIC_LINK_TTL_MS } from "@buurtplein/core";
import { tenantSchema } from "@buurtplein/db";
import { call, json, tenantDb } from "./helpers.ts";
import { DELINDE, TEST_PASSWORD, createRecoveryCode, createTestUser, newestMail } from "./account-fixtures.ts";

const NOTE = "We kennen je niet uit Lindenhof. Bel ons even, dan kijken we samen.";
const EXPECTED_CODE = { pending: "account_pending", rejected: "account_rejected" } as const;

async function personWaitingOrRejected(status: "pending" | "rejected", options: { email?: string | null; loginName?: string | null } = {}) {
  const user = await createTestUser("delinde", { status, ...options });
  const db = await tenantDb("delinde");
  await db.update(tenantSchema.users).set({ reviewNote: NOTE }).where(eq(tenantSchema.users.id, user.id));
  return user;
}

/** A login link as the e-mail would carry it (a link made before the account stopped being active). */
async function magicLinkToken(userId: string): Promise<string> {
  const token = generateLoginToken();
  const db = await tenantDb("delinde");
  await db.insert(tenantSchema.loginTokens).values({ id: await hashLoginToken(token), userId, purpose: "magic_link", expiresAt: Date.now() + MAGIC_LINK_TTL_MS });
  return token;
}

async function expectRefusedWithNote(response: Response, status: "pending" | "rejected") {
  expect(response.status).toBe(403);
  expect(response.headers.getSetCookie()).toEqual([]);
  const { error } = await json(response);
  expect(error.code).toBe(EXPECTED_CODE[status]);
  expect(error.details).toEqual({ reviewNote: NOTE });
  expect(error.message).toContain(NOTE);
}

describe("logging in while pending or rejected", () => {
  for (const status of ["pending", "rejected"] as const) {
    it(`password: ${status}, with the reviewer's note only after the right password`, async () => {
      const user = await personWaitingOrRejected(status);
      const refused = await call(DELINDE, "/api/auth/login", { method: "POST", json: { identifier: user.email, password: TEST_PASSWORD } });
      await expectRefusedWithNote(refused, status);

      const wrong = await call(DELINDE, "/api/auth/login", { method: "POST", json: { identifier: user.email, password: "niet-mijn-wachtwoord" } });
      expect(wrong.status).toBe(401);
      expect(JSON.stringify(await json(wrong))).not.toContain("Lindenhof");
    });

    it(`login link: ${status}, with the reviewer's note; the link is used up`, async () => {
      const user = await personWaitingOrRejected(status);
      const token = await magicLinkToken(user.id);
      const refused = await call(DELINDE, "/api/auth/magic-link/verify", { method: "POST", json: { token } });
      await expectRefusedWithNote(refused, status);

      const again = await call(DELINDE, "/api/auth/magic-link/verify", { method: "POST", json: { token } });
      expect(again.status).toBe(400);
      expect(JSON.stringify(await json(again))).not.toContain("Lindenhof");
    });

    it(`recovery code: ${status}, with the reviewer's note only after the right code; password unchanged`, async () => {
      const loginName = `wachter-${crypto.randomUUID().slice(0, 8)}`;
      const user = await personWaitingOrRejected(status, { email: null, loginName });
      // Token ids are the code's hash, so every run needs a code of its own.
      const code = crypto.randomUUID().replaceAll("-", "").slice(0, 12).toUpperCase();
      await createRecoveryCode("delinde", user.id, code);
      const db = await tenantDb("delinde");
      const [before] = await db.select({ passwordHash: tenantSchema.users.passwordHash }).from(tenantSchema.users).where(eq(tenantSchema.users.id, user.id));

      const wrong = await call(DELINDE, "/api/auth/recover", { method: "POST", json: { loginName, code: "ZZZZ-ZZZZ-ZZZY", newPassword: "een-nieuw-wachtwoord" } });
      expect(wrong.status).toBe(400);
      expect(JSON.stringify(await json(wrong))).not.toContain("Lindenhof");

      const refused = await call(DELINDE, "/api/auth/recover", { method: "POST", json: { loginName, code: code.toLowerCase(), newPassword: "een-nieuw-wachtwoord" } });
      await expectRefusedWithNote(refused, status);
      const [after] = await db.select({ passwordHash: tenantSchema.users.passwordHash }).from(tenantSchema.users).where(eq(tenantSchema.users.id, user.id));
      expect(after!.passwordHash).toBe(before!.passwordHash);
    });
  }

  it("without a note: the same code, no details", async () => {
    const user = await createTestUser("delinde", { status: "rejected" });
    const refused = await call(DELINDE, "/api/auth/login", { method: "POST", json: { identifier: user.email, password: TEST_PASSWORD } });
    expect(refused.status).toBe(403);
    const { error } = await json(refused);
    expect(error.code).toBe("account_rejected");
    expect(error.details).toBeUndefined();
  });
});

describe("asking for a login link while pending or rejected", () => {
  async function askForLink(email: string) {
    const response = await call(DELINDE, "/api/auth/magic-link", { method: "POST", json: { email } });
    expect(response.status).toBe(202);
    return (await json(response)).message as string;
  }

  it("answers on the site exactly as for anyone, and e-mails why there is no link", async () => {
    const unknownAnswer = await askForLink(`niemand-${crypto.randomUUID().slice(0, 8)}@delinde.example`);

    const waiting = await personWaitingOrRejected("pending", { email: undefined });
    await (await tenantDb("delinde")).insert(tenantSchema.memberships).values({ userId: waiting.id, neighbourhoodId: await lindenhofId() });
    expect(await askForLink(waiting.email!)).toBe(unknownAnswer);
    const waitingMail = await newestMail(DELINDE, waiting.email!);
    expect(waitingMail?.subject).toBe("Je aanmelding voor Lindenhof wacht nog op goedkeuring");
    expect(waitingMail?.text).not.toContain("/inloggen/link");

    const rejected = await personWaitingOrRejected("rejected", { email: undefined });
    await (await tenantDb("delinde")).insert(tenantSchema.memberships).values({ userId: rejected.id, neighbourhoodId: await lindenhofId() });
    expect(await askForLink(rejected.email!)).toBe(unknownAnswer);
    const rejectedMail = await newestMail(DELINDE, rejected.email!);
    expect(rejectedMail?.subject).toBe("Je aanmelding voor Lindenhof is niet goedgekeurd");
    expect(rejectedMail?.text).toContain(NOTE);
    expect(rejectedMail?.text).not.toContain("/inloggen/link");
  });
});

async function lindenhofId(): Promise<string> {
  const [row] = await (await tenantDb("delinde")).select({ id: tenantSchema.neighbourhoods.id }).from(tenantSchema.neighbourhoods).where(eq(tenantSchema.neighbourhoods.slug, "lindenhof"));
  return row!.id;
}
