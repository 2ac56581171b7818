import { describe, expect, it } from "vitest";
import { controlSchema } from "@buurtplein/db";
import { call, control, json, randomIp } from "./helpers.ts";
import { DELINDE, TEST_PASSWORD, createRecoveryCode, createTestUser } from "./account-fixtures.ts";

function expectLimited(response: Response) {
  expect(response.status).toBe(429);
  const retryAfter = Number(response.headers.get("retry-after"));
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(60 * 60);
}

const MINUTE = 60 * 1000;

/**
 * Fixed windows: a test that counts hits must not straddle the start of a new window (its count would
 * start again). Runs the test again, once, in the new window if that happened.
 */
async function inOneWindow(windowMs: number, test: () => Promise<void>): Promise<void> {
  const window = () => Math.floor(Date.now() / windowMs);
  const started = window();
  try {
    await test();
  } catch (error) {
    if (window() === started) throw error;
    await test();
  }
}

function loginAttempt(identifier: string, password: string, ip = randomIp()) {
  return call(DELINDE, "/api/auth/login", { method: "POST", json: { identifier, password }, headers: { "cf-connecting-ip": ip } });
}

describe("rate limits", () => {
  it("limits password logins per IP (30 per 15 minutes)", async () => {
    await inOneWindow(15 * MINUTE, async () => {
      const ip = randomIp();
      for (let i = 0; i < 30; i++) {
        const response = await loginAttempt(`onbekend-${crypto.randomUUID().slice(0, 8)}`, "fout", ip);
        expect(response.status).toBe(401);
      }
      const limited = await loginAttempt("anna@delinde.example", "buurtplein-demo", ip);
      expectLimited(limited);
      expect((await json(limited)).error.code).toBe("rate_limited");
      // Another visitor is not affected.
      expect((await loginAttempt("anna@delinde.example", "buurtplein-demo")).status).toBe(200);
    });
  });

  it("limits failed logins per account (10 per 15 minutes), whatever the IP, even with the right password", async () => {
    await inOneWindow(15 * MINUTE, async () => {
      const user = await createTestUser("delinde");
      for (let i = 0; i < 10; i++) expect((await loginAttempt(user.email!, "fout-wachtwoord")).status).toBe(401);
      expectLimited(await loginAttempt(user.email!, TEST_PASSWORD));
      expectLimited(await loginAttempt(user.email!, "fout-wachtwoord"));
    });
  });

  it("forgets failed logins after a successful one", async () => {
    await inOneWindow(15 * MINUTE, async () => {
      const user = await createTestUser("delinde");
      for (let i = 0; i < 9; i++) expect((await loginAttempt(user.email!, "fout-wachtwoord")).status).toBe(401);
      expect((await loginAttempt(user.email!, TEST_PASSWORD)).status).toBe(200);
      for (let i = 0; i < 9; i++) expect((await loginAttempt(user.email!, "fout-wachtwoord")).status).toBe(401);
      expect((await loginAttempt(user.email!, TEST_PASSWORD)).status).toBe(200);
    });
  });

  it("limits login-link e-mails per address (5 per hour), also for addresses without an account", async () => {
    await inOneWindow(60 * MINUTE, async () => {
      for (const email of [(await createTestUser("delinde")).email!, `niemand-${crypto.randomUUID().slice(0, 8)}@delinde.example`]) {
        for (let i = 0; i < 5; i++) expect((await call(DELINDE, "/api/auth/magic-link", { method: "POST", json: { email } })).status).toBe(202);
        expectLimited(await call(DELINDE, "/api/auth/magic-link", { method: "POST", json: { email } }));
      }
    });
  });

  it("limits login-link requests per IP (20 per hour)", async () => {
    await inOneWindow(60 * MINUTE, async () => {
      const ip = randomIp();
      const ask = () =>
        call(DELINDE, "/api/auth/magic-link", { method: "POST", json: { email: `x-${crypto.randomUUID().slice(0, 8)}@delinde.example` }, headers: { "cf-connecting-ip": ip } });
      for (let i = 0; i < 20; i++) expect((await ask()).status).toBe(202);
      expectLimited(await ask());
    });
  });

  it("limits recovery attempts per IP (10 per 15 minutes) and wrong codes per login name (5 per hour)", async () => {
    await inOneWindow(15 * MINUTE, async () => {
      const ip = randomIp();
      const attempt = (loginName: string, code: string, from = ip) =>
        call(DELINDE, "/api/auth/recover", { method: "POST", json: { loginName, code, newPassword: "een-nieuw-wachtwoord" }, headers: { "cf-connecting-ip": from } });
      for (let i = 0; i < 10; i++) expect((await attempt(`niemand-${i}-${crypto.randomUUID().slice(0, 4)}`, "AAAA-BBBB")).status).toBe(400);
      expectLimited(await attempt("iemand", "AAAA-BBBB"));

      const loginName = `wim-${crypto.randomUUID().slice(0, 6)}`;
      const user = await createTestUser("delinde", { email: null, loginName });
      await createRecoveryCode("delinde", user.id, "GOED-CODE");
      for (let i = 0; i < 5; i++) expect((await attempt(loginName, `FOUT-${i}000`, randomIp())).status).toBe(400);
      expectLimited(await attempt(loginName, "GOED-CODE", randomIp()));
    });
  });

  it("limits corporation sign-ups per IP on the apex (10 per hour)", async () => {
    const ip = randomIp();
    const windowMs = 60 * 60 * 1000;
    // Ten sign-ups already came from this IP in this hour (provisioning ten databases would be slow).
    await control()
      .insert(controlSchema.rateLimits)
      .values({ key: `signup:ip:${ip}`, windowStart: Math.floor(Date.now() / windowMs) * windowMs, count: 10 });
    const slug = `limiet-${crypto.randomUUID().slice(0, 8)}`;
    const response = await call("localhost:8787", "/api/signup", {
      method: "POST",
      headers: { "cf-connecting-ip": ip },
      json: { name: "Te Veel Wonen", slug, adminName: "Tineke Test", adminEmail: "tineke@test.example", adminPassword: "een-lang-wachtwoord" },
    });
    expectLimited(response);
    expect((await json(await call("localhost:8787", `/api/signup/slug?slug=${slug}`))).available).toBe(true);
  });
});
