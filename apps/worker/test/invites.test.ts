import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { tenantSchema } from "@buurtplein/db";
import { call, json, login, tenantDb } from "./helpers.ts";
import { createTestUser, loginAs } from "./account-fixtures.ts";
import { DELINDE, HAVENSTAD, NEW_PASSWORD, createFreshTenant, createInvite, joinBody, join } from "./invite-fixtures.ts";

describe("staff invites", () => {
  it("lets a moderator create an invite with a code, a link and the branding for the letter", async () => {
    const cookie = await login(DELINDE, "sanne@delinde.example");
    const created = await call(DELINDE, "/api/invites", {
      method: "POST",
      cookie,
      json: { neighbourhood: "lindenhof", label: "Brief Lindenhof najaar", maxUses: 150, expiresOn: "2099-12-31" },
    });
    expect(created.status).toBe(201);
    const { invite } = await json(created);
    expect(invite.code).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);

    const detail = await json(await call(DELINDE, `/api/invites/${invite.id}`, { cookie }));
    expect(detail.invite).toMatchObject({ id: invite.id, code: invite.code, label: "Brief Lindenhof najaar", state: "valid", uses: 0, maxUses: 150, role: "resident" });
    expect(detail.invite.token).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    expect(detail.invite.link).toBe(`http://${DELINDE}/doe-mee/${detail.invite.token}`);
    expect(new Date(detail.invite.expiresAt).toISOString()).toBe("2099-12-31T23:00:00.000Z");
    expect(detail.neighbourhood).toEqual({ slug: "lindenhof", name: "Lindenhof", kind: "existing", city: "Amersfoort" });
    expect(detail.branding).toMatchObject({ displayName: "Woonstichting De Linde", primaryColor: "#1f6f5c" });
    expect(detail.branding.sponsorStatement).toContain("Bakkerij Van Dam");

    const [audited] = await (await tenantDb("delinde")).select().from(tenantSchema.auditLog).where(eq(tenantSchema.auditLog.subject, invite.id));
    expect(audited?.action).toBe("invite.created");
  });

  it("lists invites with state, uses and neighbourhood name", async () => {
    const cookie = await login(DELINDE, "beheer@delinde.example");
    const invite = await createInvite(DELINDE, { neighbourhood: "parkzicht", role: "prospective", label: "Poster Parkzicht" }, cookie);
    const list = await json(await call(DELINDE, "/api/invites", { cookie }));
    const row = list.invites.find((item: { id: string }) => item.id === invite.id);
    expect(row).toMatchObject({ code: invite.code, state: "valid", uses: 0, maxUses: null, role: "prospective", neighbourhood: { slug: "parkzicht", name: "Parkzicht" } });
    // The list never carries the link token: only the detail (for printing) does.
    expect(JSON.stringify(list)).not.toContain(invite.token);
  });

  it("pages through the list, newest first, without repeats", async () => {
    const tenant = await createFreshTenant();
    for (let i = 0; i < 22; i++) await createInvite(tenant.host, { neighbourhood: "oudwijk", label: `Brief ${i}` }, tenant.adminCookie);
    const first = await json(await call(tenant.host, "/api/invites", { cookie: tenant.adminCookie }));
    expect(first.invites).toHaveLength(20);
    expect(first.hasMore).toBe(true);
    expect(first.invites[0].label).toBe("Brief 21");
    const second = await json(await call(tenant.host, "/api/invites?page=2", { cookie: tenant.adminCookie }));
    expect(second.invites).toHaveLength(2);
    expect(second.hasMore).toBe(false);
    const ids = [...first.invites, ...second.invites].map((item: { id: string }) => item.id);
    expect(new Set(ids).size).toBe(22);
    const nonsense = await call(tenant.host, "/api/invites?page=abc", { cookie: tenant.adminCookie });
    expect(nonsense.status).toBe(200);
  });

  it.each([
    ["an unknown neighbourhood", { neighbourhood: "nergens" }, "neighbourhood"],
    ["prospective residents in an existing neighbourhood", { neighbourhood: "lindenhof", role: "prospective" }, "role"],
    ["an expiry date in the past", { neighbourhood: "lindenhof", expiresOn: "2020-01-01" }, "expiresOn"],
    ["a date that does not exist", { neighbourhood: "lindenhof", expiresOn: "2026-02-30" }, "expiresOn"],
    ["zero uses", { neighbourhood: "lindenhof", maxUses: 0 }, "maxUses"],
    ["more than 10,000 uses", { neighbourhood: "lindenhof", maxUses: 10_001 }, "maxUses"],
    ["no label", { neighbourhood: "lindenhof", label: "" }, "label"],
    ["a complex of nowhere", { neighbourhood: "lindenhof", complexId: "bestaat-niet" }, "complexId"],
    ["a neighbourhood of another corporation", { neighbourhood: "kadekwartier" }, "neighbourhood"],
  ])("refuses %s with a field message", async (_label, body, field) => {
    const cookie = await login(DELINDE, "sanne@delinde.example");
    const response = await call(DELINDE, "/api/invites", { method: "POST", cookie, json: { label: "Test", ...body } });
    expect(response.status).toBe(422);
    const { error } = await json(response);
    expect(error.code).toBe("invalid_input");
    expect(error.details.fields[field]).toEqual(expect.any(String));
  });

  it("revokes an invite: it stops working at once, and revoking twice is harmless", async () => {
    const invite = await createInvite(DELINDE, { neighbourhood: "lindenhof" });
    const cookie = await login(DELINDE, "sanne@delinde.example");
    const revoked = await call(DELINDE, `/api/invites/${invite.id}/revoke`, { method: "POST", cookie });
    expect(revoked.status).toBe(200);
    expect((await json(revoked)).invite.state).toBe("revoked");
    expect((await call(DELINDE, `/api/invites/${invite.id}/revoke`, { method: "POST", cookie })).status).toBe(200);
    const lookup = await call(DELINDE, `/api/join/${invite.code}`);
    expect(lookup.status).toBe(410);
    expect((await json(lookup)).error.code).toBe("invite_revoked");
    const list = await json(await call(DELINDE, "/api/invites", { cookie }));
    expect(list.invites.find((item: { id: string }) => item.id === invite.id)?.state).toBe("revoked");
  });

  it("answers an unknown invite id with 404", async () => {
    const cookie = await login(DELINDE, "sanne@delinde.example");
    expect((await call(DELINDE, "/api/invites/bestaat-niet", { cookie })).status).toBe(404);
    expect((await call(DELINDE, "/api/invites/bestaat-niet/revoke", { method: "POST", cookie })).status).toBe(404);
  });
});

describe("only staff manage invites", () => {
  it.each([
    ["a resident", "anna@delinde.example"],
    ["an ambassador", "mohamed@delinde.example"],
    ["a prospective resident", "els@delinde.example"],
  ])("refuses %s (403) on every staff route", async (_label, email) => {
    const invite = await createInvite(DELINDE, { neighbourhood: "lindenhof" });
    const cookie = await login(DELINDE, email);
    const attempts = [
      call(DELINDE, "/api/invites", { method: "POST", cookie, json: { neighbourhood: "lindenhof", label: "Stiekem" } }),
      call(DELINDE, "/api/invites", { cookie }),
      call(DELINDE, `/api/invites/${invite.id}`, { cookie }),
      call(DELINDE, `/api/invites/${invite.id}/revoke`, { method: "POST", cookie }),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.status).toBe(403);
      expect((await json(response)).error.code).toBe("forbidden");
    }
    expect((await json(await call(DELINDE, `/api/join/${invite.code}`))).invite.state).toBe("valid");
  });

  it("refuses partners (403) and visitors without a login (401)", async () => {
    const partner = await createTestUser("delinde", { role: "partner" });
    const cookie = await loginAs(DELINDE, partner.email!);
    expect((await call(DELINDE, "/api/invites", { cookie })).status).toBe(403);
    expect((await call(DELINDE, "/api/invites", { method: "POST", cookie, json: { neighbourhood: "lindenhof", label: "x" } })).status).toBe(403);
    expect((await call(DELINDE, "/api/invites")).status).toBe(401);
    expect((await call(DELINDE, "/api/invites", { method: "POST", json: { neighbourhood: "lindenhof", label: "x" } })).status).toBe(401);
  });
});

describe("tenant isolation of invites", () => {
  it("keeps a De Linde invite worthless on Havenstad", async () => {
    const invite = await createInvite(DELINDE, { neighbourhood: "lindenhof" });
    const yasmina = await login(HAVENSTAD, "yasmina@havenstad.example");
    expect((await call(HAVENSTAD, `/api/invites/${invite.id}`, { cookie: yasmina })).status).toBe(404);
    expect((await call(HAVENSTAD, `/api/invites/${invite.id}/revoke`, { method: "POST", cookie: yasmina })).status).toBe(404);
    for (const reference of [invite.code, invite.token]) {
      const lookup = await call(HAVENSTAD, `/api/join/${reference}`);
      expect(lookup.status).toBe(404);
      expect((await json(lookup)).error.code).toBe("invite_not_found");
    }
    const body = joinBody(invite.code);
    const joined = await join(HAVENSTAD, body);
    expect(joined.status).toBe(404);
    const havenstad = await tenantDb("havenstad");
    expect(await havenstad.select().from(tenantSchema.users).where(eq(tenantSchema.users.email, body.email))).toHaveLength(0);
    const delinde = await tenantDb("delinde");
    const [row] = await delinde.select().from(tenantSchema.invites).where(eq(tenantSchema.invites.id, invite.id));
    expect(row?.uses).toBe(0);
    // And Havenstad's list shows nothing of De Linde.
    const list = await json(await call(HAVENSTAD, "/api/invites", { cookie: yasmina }));
    expect(JSON.stringify(list)).not.toContain("Lindenhof");
  });
});

describe("personal invites", () => {
  it("lets a resident invite a neighbour: one use, 30 days, in their own neighbourhood", async () => {
    const member = await createTestUser("delinde", { neighbourhood: "lindenhof" });
    const cookie = await loginAs(DELINDE, member.email!);
    const before = await json(await call(DELINDE, "/api/invites/personal", { cookie }));
    expect(before.allowance).toMatchObject({ limit: 3, used: 0, remaining: 3 });
    expect(before.neighbourhoods).toEqual([{ slug: "lindenhof", name: "Lindenhof" }]);

    const created = await call(DELINDE, "/api/invites/personal", { method: "POST", cookie, json: {} });
    expect(created.status).toBe(201);
    const { invite, allowance } = await json(created);
    expect(invite).toMatchObject({ kind: "personal", maxUses: 1, uses: 0, state: "valid", role: "resident", neighbourhood: { slug: "lindenhof" } });
    expect(invite.expiresAt - Date.now()).toBeGreaterThan(29 * 24 * 60 * 60 * 1000);
    expect(invite.expiresAt - Date.now()).toBeLessThanOrEqual(30 * 24 * 60 * 60 * 1000);
    expect(invite.link).toMatch(new RegExp(`^http://${DELINDE}/doe-mee/[A-Za-z0-9_-]{22,}$`));
    expect(allowance).toMatchObject({ used: 1, remaining: 2 });

    // The neighbour sees who invited them, joins once; a second person cannot.
    const lookup = await json(await call(DELINDE, `/api/join/${invite.code}`));
    expect(lookup.invite.invitedBy).toBe(member.displayName);
    expect((await join(DELINDE, joinBody(invite.code))).status).toBe(202);
    const second = await join(DELINDE, joinBody(invite.code));
    expect(second.status).toBe(410);
    expect((await json(second)).error.code).toBe("invite_used_up");
  });

  it("shows personal invites in the staff list with their kind and maker; staff can revoke them", async () => {
    const tenant = await createFreshTenant();
    const rik = await login(tenant.host, "rik@proef.example", NEW_PASSWORD);
    const created = await call(tenant.host, "/api/invites/personal", { method: "POST", cookie: rik, json: {} });
    expect(created.status).toBe(201);
    const { invite } = await json(created);
    const letter = await createInvite(tenant.host, { neighbourhood: "oudwijk", label: "Brief Oudwijk" }, tenant.adminCookie);

    const list = await json(await call(tenant.host, "/api/invites", { cookie: tenant.adminCookie }));
    const personal = list.invites.find((item: { id: string }) => item.id === invite.id);
    expect(personal).toMatchObject({ kind: "personal", state: "valid", createdBy: { displayName: "Rik Resident" }, neighbourhood: { slug: "oudwijk" } });
    const neighbourhoodInvite = list.invites.find((item: { id: string }) => item.id === letter.id);
    expect(neighbourhoodInvite).toMatchObject({ kind: "neighbourhood", createdBy: { displayName: "Ada Admin" } });

    const moderator = await login(tenant.host, "mo@proef.example", NEW_PASSWORD);
    const revoked = await call(tenant.host, `/api/invites/${invite.id}/revoke`, { method: "POST", cookie: moderator });
    expect(revoked.status).toBe(200);
    expect((await json(revoked)).invite).toMatchObject({ kind: "personal", state: "revoked" });
    const lookup = await call(tenant.host, `/api/join/${invite.code}`);
    expect(lookup.status).toBe(410);
    expect((await json(lookup)).error.code).toBe("invite_revoked");
    // The member sees it as withdrawn too; a resident still cannot revoke anything.
    const overview = await json(await call(tenant.host, "/api/invites/personal", { cookie: rik }));
    expect(overview.invites.find((item: { id: string }) => item.id === invite.id)).toMatchObject({ state: "revoked" });
    expect((await call(tenant.host, `/api/invites/${letter.id}/revoke`, { method: "POST", cookie: rik })).status).toBe(403);
  });

  it("allows 3 per month, then explains the limit (409 limit_reached), even when clicked at once", async () => {
    const member = await createTestUser("havenstad", { neighbourhood: "kadekwartier" });
    const cookie = await loginAs(HAVENSTAD, member.email!);
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => call(HAVENSTAD, "/api/invites/personal", { method: "POST", cookie, json: { neighbourhood: "kadekwartier" } })),
    );
    expect(responses.map((response) => response.status).sort()).toEqual([201, 201, 201, 409, 409]);
    const refused = responses.find((response) => response.status === 409)!;
    const { error } = await json(refused);
    expect(error.code).toBe("limit_reached");
    expect(error.message).toContain("3");
    expect(error.details.resetsAt).toBeGreaterThan(Date.now());
    const overview = await json(await call(HAVENSTAD, "/api/invites/personal", { cookie }));
    expect(overview.allowance).toMatchObject({ used: 3, remaining: 0 });
    expect(overview.invites).toHaveLength(3);
  });

  it("makes prospective residents of invitees in a new-build neighbourhood", async () => {
    const cookie = await login(DELINDE, "els@delinde.example");
    const created = await call(DELINDE, "/api/invites/personal", { method: "POST", cookie, json: { neighbourhood: "parkzicht" } });
    expect(created.status).toBe(201);
    expect((await json(created)).invite.role).toBe("prospective");
  });

  it("refuses staff, and members inviting to a neighbourhood that is not theirs", async () => {
    const staff = await login(DELINDE, "sanne@delinde.example");
    expect((await call(DELINDE, "/api/invites/personal", { method: "POST", cookie: staff, json: {} })).status).toBe(403);
    const member = await createTestUser("delinde", { neighbourhood: "lindenhof" });
    const cookie = await loginAs(DELINDE, member.email!);
    const other = await call(DELINDE, "/api/invites/personal", { method: "POST", cookie, json: { neighbourhood: "parkzicht" } });
    expect(other.status).toBe(403);
    expect((await call(DELINDE, "/api/invites/personal", { method: "POST", json: {} })).status).toBe(401);
  });
});

describe("invites for one complex", () => {
  it("lists the demo complexes for staff, makes a letter for one, and refuses a complex of another neighbourhood", async () => {
    const cookie = await login(DELINDE, "sanne@delinde.example");
    const listed = await call(DELINDE, "/api/invites/complexes", { cookie });
    expect(listed.status).toBe(200);
    const { complexes } = await json(listed);
    const flatA = complexes.find((complex: { name: string }) => complex.name === "Lindenhof flat A");
    expect(flatA).toMatchObject({ address: "Hofstraat 2–40", neighbourhood: { slug: "lindenhof", name: "Lindenhof" } });
    expect(complexes.length).toBeGreaterThanOrEqual(2);

    const invite = await createInvite(DELINDE, { neighbourhood: "lindenhof", complexId: flatA.id, label: "Brief flat A" }, cookie);
    const detail = await json(await call(DELINDE, `/api/invites/${invite.id}`, { cookie }));
    expect(detail.complex).toEqual({ name: "Lindenhof flat A", address: "Hofstraat 2–40" });
    const list = await json(await call(DELINDE, "/api/invites", { cookie }));
    expect(list.invites.find((item: { id: string }) => item.id === invite.id)).toMatchObject({ complex: { name: "Lindenhof flat A" } });

    const wrong = await call(DELINDE, "/api/invites", { method: "POST", cookie, json: { neighbourhood: "parkzicht", complexId: flatA.id, label: "Verkeerd" } });
    expect(wrong.status).toBe(422);
    expect((await json(wrong)).error.details.fields.complexId).toBeTruthy();

    // Other corporations and residents see none of it.
    const havenstad = await login(HAVENSTAD, "yasmina@havenstad.example");
    const theirs = await json(await call(HAVENSTAD, "/api/invites/complexes", { cookie: havenstad }));
    expect(theirs.complexes.some((complex: { id: string }) => complex.id === flatA.id)).toBe(false);
    const anna = await login(DELINDE, "anna@delinde.example");
    expect((await call(DELINDE, "/api/invites/complexes", { cookie: anna })).status).toBe(403);
  });
});
