// Recovery through a moderator: a resident without e-mail forgot their password; staff find them in
// the member list and hand over a new one-time recovery code on paper.
import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { tenantSchema } from "@buurtplein/db";
import { call, json, login, tenantDb } from "./helpers.ts";
import { createTestUser, DELINDE, HAVENSTAD, TEST_PASSWORD } from "./account-fixtures.ts";

function loginName(prefix: string): string {
  return `${prefix}.${crypto.randomUUID().slice(0, 8)}`;
}

async function issue(cookie: string, id: string, host = DELINDE) {
  return call(host, `/api/members/${id}/recovery-code`, { method: "POST", cookie, json: {} });
}

async function recover(name: string, code: string, newPassword: string) {
  return call(DELINDE, "/api/auth/recover", { method: "POST", json: { loginName: name, code, newPassword } });
}

describe("a new recovery code from the corporation", () => {
  it("lets a resident without e-mail set a new password with the code a moderator gave; older codes stop working", async () => {
    const name = loginName("greet");
    const user = await createTestUser("delinde", { email: null, loginName: name, neighbourhood: "lindenhof" });
    const moderator = await login(DELINDE, "sanne@delinde.example");

    const first = await issue(moderator, user.id);
    expect(first.status).toBe(200);
    const firstBody = await json(first);
    expect(firstBody).toMatchObject({ member: { id: user.id, loginName: name } });
    expect(firstBody.recoveryCode).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(firstBody.recoveryCodeExpiresAt).toBeGreaterThan(Date.now() + 13 * 24 * 60 * 60 * 1000);

    // Issued again (the first slip got lost): only the newest code works.
    const second = await json(await issue(moderator, user.id));
    expect(second.recoveryCode).not.toBe(firstBody.recoveryCode);
    expect((await recover(name, firstBody.recoveryCode, "een-nieuw-wachtwoord")).status).toBe(400);
    const recovered = await recover(name, second.recoveryCode.toLowerCase().replaceAll("-", " "), "een-nieuw-wachtwoord");
    expect(recovered.status).toBe(200);

    expect((await call(DELINDE, "/api/auth/login", { method: "POST", json: { identifier: name, password: TEST_PASSWORD } })).status).toBe(401);
    expect((await call(DELINDE, "/api/auth/login", { method: "POST", json: { identifier: name, password: "een-nieuw-wachtwoord" } })).status).toBe(200);
    // Single use.
    expect((await recover(name, second.recoveryCode, "nog-een-wachtwoord")).status).toBe(400);

    const db = await tenantDb("delinde");
    const entries = await db
      .select()
      .from(tenantSchema.auditLog)
      .where(and(eq(tenantSchema.auditLog.subject, user.id), eq(tenantSchema.auditLog.action, "member.recovery_code_issued")));
    expect(entries).toHaveLength(2);
  });

  it("is for staff only, never for a staff account, and only for accounts that log in with a login name", async () => {
    const target = await createTestUser("delinde", { email: null, loginName: loginName("kees"), neighbourhood: "lindenhof" });
    const ambassador = await login(DELINDE, "mohamed@delinde.example");
    const resident = await login(DELINDE, "anna@delinde.example");
    expect((await issue(ambassador, target.id)).status).toBe(403);
    expect((await issue(resident, target.id)).status).toBe(403);
    expect((await call(DELINDE, `/api/members/${target.id}/recovery-code`, { method: "POST", json: {} })).status).toBe(401);

    const moderator = await login(DELINDE, "sanne@delinde.example");
    const admin = await createTestUser("delinde", { email: null, loginName: loginName("beheer"), role: "admin" });
    const staffAnswer = await issue(moderator, admin.id);
    expect(staffAnswer.status).toBe(403);
    expect((await json(staffAnswer)).error.message).toMatch(/Moderatoren en beheerders/);

    const withEmail = await createTestUser("delinde", { neighbourhood: "lindenhof" });
    const emailAnswer = await issue(moderator, withEmail.id);
    expect(emailAnswer.status).toBe(409);
    expect((await json(emailAnswer)).error.code).toBe("conflict");

    const pending = await createTestUser("delinde", { email: null, loginName: loginName("wacht"), status: "pending", neighbourhood: "lindenhof" });
    expect((await issue(moderator, pending.id)).status).toBe(409);

    expect((await issue(moderator, crypto.randomUUID())).status).toBe(404);
    // Another corporation's staff cannot reach this person.
    const havenstadModerator = await login(HAVENSTAD, "yasmina@havenstad.example");
    expect((await issue(havenstadModerator, target.id, HAVENSTAD)).status).toBe(404);
  });
});

describe("the member list for staff", () => {
  it("finds people by name or login name, shows no e-mail addresses, and pages by 50", async () => {
    const moderator = await login(DELINDE, "sanne@delinde.example");
    const marker = crypto.randomUUID().slice(0, 6);
    const withoutEmail = await createTestUser("delinde", { email: null, loginName: `zoek${marker}.lindenhof`, neighbourhood: "lindenhof" });
    const list = await json(await call(DELINDE, `/api/members?q=${encodeURIComponent(`ZOEK${marker}`)}`, { cookie: moderator }));
    expect(list.members).toHaveLength(1);
    expect(list.members[0]).toMatchObject({ id: withoutEmail.id, loginName: `zoek${marker}.lindenhof`, hasEmail: false, canGetRecoveryCode: true, neighbourhoods: ["Lindenhof"] });
    expect(list).toMatchObject({ total: 1, page: 1, pageSize: 50 });

    const everyone = await json(await call(DELINDE, "/api/members", { cookie: moderator }));
    expect(JSON.stringify(everyone)).not.toContain("@delinde.example");
    const anna = everyone.members.find((member: { displayName: string }) => member.displayName === "Anna de Vries");
    expect(anna).toMatchObject({ hasEmail: true, canGetRecoveryCode: false });

    // "%" and "_" are searched for as themselves, not as wildcards.
    expect((await json(await call(DELINDE, "/api/members?q=%25", { cookie: moderator }))).members).toEqual([]);
    expect((await json(await call(DELINDE, "/api/members?q=_", { cookie: moderator }))).total).toBe(0);

    const db = await tenantDb("delinde");
    const prefix = `Pagina ${marker}`;
    await db.insert(tenantSchema.users).values(
      Array.from({ length: 55 }, (_, index) => ({ id: crypto.randomUUID(), displayName: `${prefix} ${String(index).padStart(2, "0")}`, role: "resident", status: "active" })),
    );
    const first = await json(await call(DELINDE, `/api/members?q=${encodeURIComponent(prefix)}`, { cookie: moderator }));
    const second = await json(await call(DELINDE, `/api/members?q=${encodeURIComponent(prefix)}&page=2`, { cookie: moderator }));
    expect(first.total).toBe(55);
    expect(first.members).toHaveLength(50);
    expect(second.members.map((member: { displayName: string }) => member.displayName)).toEqual([50, 51, 52, 53, 54].map((index) => `${prefix} ${index}`));
    // A page number that makes no sense is page 1.
    expect((await json(await call(DELINDE, `/api/members?q=${encodeURIComponent(prefix)}&page=abc`, { cookie: moderator }))).page).toBe(1);
  });
});
