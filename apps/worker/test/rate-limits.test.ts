import { CLIENT_SOURCE_HEADER } from "@buurtplein/core";
import { describe, expect, it } from "vitest";
import { controlSchema, tenantSchema } from "@buurtplein/db";
import { call, control, json, login, randomIp, tenantDb } from "./helpers.ts";
import { DELINDE, TEST_PASSWORD, createRecoveryCode, createTestUser, newestMail, tokenFromMail } from "./account-fixtures.ts";

function expectLimited(response: Response, maxSeconds = 60 * 60) {
  expect(response.status).toBe(429);
  const retryAfter = Number(response.headers.get("retry-after"));
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(maxSeconds);
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
  return call(DELINDE, "/api/auth/login", { method: "POST", json: { identifier, password }, headers: { [CLIENT_SOURCE_HEADER]: ip } });
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

  it("limits failed logins per account and source (10 per 15 minutes): that source waits, the owner elsewhere gets in", async () => {
    await inOneWindow(15 * MINUTE, async () => {
      const user = await createTestUser("delinde");
      const stranger = randomIp();
      for (let i = 0; i < 10; i++) expect((await loginAttempt(user.email!, "fout-wachtwoord", stranger)).status).toBe(401);
      expectLimited(await loginAttempt(user.email!, TEST_PASSWORD, stranger));
      expectLimited(await loginAttempt(user.email!, "fout-wachtwoord", stranger));
      // The stranger's wrong passwords do not lock the owner out.
      expect((await loginAttempt(user.email!, TEST_PASSWORD)).status).toBe(200);
    });
  });

  it("also for an account without e-mail: a stranger's wrong passwords for the login name do not lock it", async () => {
    await inOneWindow(15 * MINUTE, async () => {
      const loginName = `gerrit-${crypto.randomUUID().slice(0, 6)}`;
      await createTestUser("delinde", { email: null, loginName });
      const stranger = randomIp();
      for (let i = 0; i < 12; i++) await loginAttempt(loginName, "fout-wachtwoord", stranger);
      expectLimited(await loginAttempt(loginName, TEST_PASSWORD, stranger));
      expect((await loginAttempt(loginName, TEST_PASSWORD)).status).toBe(200);
    });
  });

  it("stops a distributed attack at 50 failures per account an hour; a login link still gets the owner in", async () => {
    await inOneWindow(60 * MINUTE, async () => {
      const user = await createTestUser("delinde");
      for (let i = 0; i < 50; i++) expect((await loginAttempt(user.email!, `fout-${i}`, randomIp())).status).toBe(401);
      expectLimited(await loginAttempt(user.email!, TEST_PASSWORD, randomIp()));
      // Asking for a login link and using it count no password failures.
      expect((await call(DELINDE, "/api/auth/magic-link", { method: "POST", json: { email: user.email } })).status).toBe(202);
      const token = tokenFromMail((await newestMail(DELINDE, user.email!))!.text);
      const verified = await call(DELINDE, "/api/auth/magic-link/verify", { method: "POST", json: { token } });
      expect(verified.status).toBe(200);
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

  it("limits login-link e-mails per address and source (5 per hour), also for addresses without an account; the owner elsewhere still gets one", async () => {
    await inOneWindow(60 * MINUTE, async () => {
      const user = await createTestUser("delinde");
      for (const email of [user.email!, `niemand-${crypto.randomUUID().slice(0, 8)}@delinde.example`]) {
        const stranger = randomIp();
        const ask = (from: string) => call(DELINDE, "/api/auth/magic-link", { method: "POST", json: { email }, headers: { [CLIENT_SOURCE_HEADER]: from } });
        for (let i = 0; i < 5; i++) expect((await ask(stranger)).status).toBe(202);
        expectLimited(await ask(stranger));
        expect((await ask(randomIp())).status).toBe(202);
      }
    });
  });

  it("limits login-link e-mails per address from all sources together (20 per hour): no flooded inbox", async () => {
    await inOneWindow(60 * MINUTE, async () => {
      const email = `veel-${crypto.randomUUID().slice(0, 8)}@delinde.example`;
      const ask = () => call(DELINDE, "/api/auth/magic-link", { method: "POST", json: { email } });
      for (let i = 0; i < 20; i++) expect((await ask()).status).toBe(202);
      expectLimited(await ask());
    });
  });

  it("limits login-link requests per IP (20 per hour)", async () => {
    await inOneWindow(60 * MINUTE, async () => {
      const ip = randomIp();
      const ask = () =>
        call(DELINDE, "/api/auth/magic-link", { method: "POST", json: { email: `x-${crypto.randomUUID().slice(0, 8)}@delinde.example` }, headers: { [CLIENT_SOURCE_HEADER]: ip } });
      for (let i = 0; i < 20; i++) expect((await ask()).status).toBe(202);
      expectLimited(await ask());
    });
  });

  it("limits recovery attempts per IP (10 per 15 minutes) and wrong codes per login name and source (5 per hour)", async () => {
    await inOneWindow(15 * MINUTE, async () => {
      const ip = randomIp();
      const attempt = (loginName: string, code: string, from = ip) =>
        call(DELINDE, "/api/auth/recover", { method: "POST", json: { loginName, code, newPassword: "een-nieuw-wachtwoord" }, headers: { [CLIENT_SOURCE_HEADER]: from } });
      for (let i = 0; i < 10; i++) expect((await attempt(`niemand-${i}-${crypto.randomUUID().slice(0, 4)}`, "AAAA-BBBB")).status).toBe(400);
      expectLimited(await attempt("iemand", "AAAA-BBBB"));

      const loginName = `wim-${crypto.randomUUID().slice(0, 6)}`;
      const user = await createTestUser("delinde", { email: null, loginName });
      await createRecoveryCode("delinde", user.id, "GOED-CODE");
      const stranger = randomIp();
      for (let i = 0; i < 5; i++) expect((await attempt(loginName, `FOUT-${i}000`, stranger)).status).toBe(400);
      expectLimited(await attempt(loginName, "GOED-CODE", stranger));
      // The owner, from their own address, still gets in with the code from the corporation.
      expect((await attempt(loginName, "GOED-CODE", randomIp())).status).toBe(200);
    });
  });

  it("stops a distributed attack on recovery codes at 100 wrong codes a day; a new code from staff works at once", async () => {
    const loginName = `bep-${crypto.randomUUID().slice(0, 6)}`;
    const user = await createTestUser("delinde", { email: null, loginName });
    await createRecoveryCode("delinde", user.id, "OUDE-CODE");
    const day = 24 * 60 * MINUTE;
    // A hundred wrong codes from many sources already came in today (sending them would be slow).
    await (await tenantDb("delinde"))
      .insert(tenantSchema.rateLimits)
      .values({ key: `recover:fail:${loginName}`, windowStart: Math.floor(Date.now() / day) * day, count: 100 });
    const attempt = (code: string) => call(DELINDE, "/api/auth/recover", { method: "POST", json: { loginName, code, newPassword: "een-nieuw-wachtwoord" } });
    expectLimited(await attempt("OUDE-CODE"), 24 * 60 * 60);

    const moderator = await login(DELINDE, "sanne@delinde.example");
    const issued = await call(DELINDE, `/api/members/${user.id}/recovery-code`, { method: "POST", cookie: moderator, json: {} });
    expect(issued.status).toBe(200);
    const { recoveryCode } = await json(issued);
    expect((await attempt(recoveryCode)).status).toBe(200);
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
      headers: { [CLIENT_SOURCE_HEADER]: ip },
      json: { name: "Te Veel Wonen", slug, adminName: "Tineke Test", adminEmail: "tineke@test.example", adminPassword: "een-lang-wachtwoord" },
    });
    expectLimited(response);
    expect((await json(await call("localhost:8787", `/api/signup/slug?slug=${slug}`))).available).toBe(true);
  });

  it("buckets by the source the web worker sets, never by CF-Connecting-IP or X-Forwarded-For from the request", async () => {
    await inOneWindow(15 * MINUTE, async () => {
      const source = randomIp();
      const spoofed = () => ({ [CLIENT_SOURCE_HEADER]: source, "cf-connecting-ip": randomIp(), "x-forwarded-for": randomIp(), "x-real-ip": randomIp() });
      const attempt = () =>
        call(DELINDE, "/api/auth/login", { method: "POST", json: { identifier: `onbekend-${crypto.randomUUID().slice(0, 8)}`, password: "fout" }, headers: spoofed() });
      for (let i = 0; i < 30; i++) expect((await attempt()).status).toBe(401);
      expectLimited(await attempt());
    });
  });

  it("refuses a flood of writes from one source before any database work (Workers Rate Limiting: 60 per 10 seconds)", async () => {
    const source = randomIp();
    // 121 writes at once: whichever 10-second window(s) they fall in, one window gets more than 60.
    const responses = await Promise.all(
      Array.from({ length: 121 }, () => call(DELINDE, "/api/auth/logout", { method: "POST", headers: { [CLIENT_SOURCE_HEADER]: source } })),
    );
    const limited = responses.filter((response) => response.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(limited[0]!.headers.get("retry-after")).toBe("10");
    expect((await json(limited[0]!)).error.code).toBe("rate_limited");
    expect(responses.filter((response) => response.status === 200).length).toBeGreaterThanOrEqual(60);
    // Another source is not affected.
    expect((await call(DELINDE, "/api/auth/logout", { method: "POST" })).status).toBe(200);
  });
});
