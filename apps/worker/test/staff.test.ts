// POST /api/staff and the staff list: invite by e-mail with a role (the e-mail's link logs the new
// staff member in), change a role, remove; never the last admin; only admins; every change audited.
import { beforeAll, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { tenantSchema } from "@buurtplein/db";
import { call, json, login } from "./helpers.ts";
import { DELINDE } from "./invite-fixtures.ts";
import { newestMail } from "./account-fixtures.ts";
import { auditActions, createStaffTenant, invitationToken, inviteStaff, staffEmail, type StaffTenant } from "./staff-fixtures.ts";

const { users, partners, auditLog } = tenantSchema;

let tenant: StaffTenant;

beforeAll(async () => {
  tenant = await createStaffTenant();
});

async function userCount(): Promise<number> {
  const [row] = await tenant.db.select({ total: count() }).from(users);
  return row!.total;
}

async function roleOf(id: string): Promise<string | undefined> {
  const [row] = await tenant.db.select({ role: users.role }).from(users).where(eq(users.id, id));
  return row?.role;
}

describe("inviting staff", () => {
  it("makes the account, e-mails a login link that logs the new moderator in, and audits it", async () => {
    const email = staffEmail("mod");
    const response = await inviteStaff(tenant.host, tenant.adminCookie, { email: email.toUpperCase(), displayName: "Mila Moderator", role: "moderator" });
    expect(response.status).toBe(201);
    const answer = await json(response);
    expect(answer).toMatchObject({ invitationSent: true, staff: { email, displayName: "Mila Moderator", role: "moderator", status: "active", organisation: null } });

    const mail = await newestMail(tenant.host, email);
    expect(mail?.subject).toBe("Je bent uitgenodigd voor Buurtplein Woonstichting Proef");
    expect(mail?.text).toContain("Ada Admin heeft je uitgenodigd als moderator");
    const verified = await call(tenant.host, "/api/auth/magic-link/verify", { method: "POST", json: { token: await invitationToken(tenant.host, email) } });
    expect(verified.status).toBe(200);
    expect((await json(verified)).user).toMatchObject({ id: answer.staff.id, role: "moderator" });
    expect(await auditActions(tenant, answer.staff.id)).toEqual(["staff.invited"]);
  });

  it("ties a partner to a partner organisation and a care partner to a care organisation", async () => {
    const partner = await inviteStaff(tenant.host, tenant.adminCookie, { email: staffEmail("partner"), displayName: "Piet Partner", role: "partner", organisationId: tenant.organisations.buurthuis });
    expect(partner.status).toBe(201);
    expect((await json(partner)).staff.organisation).toEqual({ id: tenant.organisations.buurthuis, name: "Buurthuis De Brug", kind: "local" });
    const email = staffEmail("zorg");
    const care = await inviteStaff(tenant.host, tenant.adminCookie, { email, displayName: "Zoë Zorg", role: "care_partner", organisationId: tenant.organisations.wijkteam, locale: "en" });
    expect(care.status).toBe(201);
    const mail = await newestMail(tenant.host, email);
    expect(mail?.text).toContain("as care partner of Wijkteam Oost");

    const list = await json(await call(tenant.host, "/api/staff", { cookie: tenant.adminCookie }));
    const roles = Object.fromEntries(list.staff.map((person: { displayName: string; role: string; organisation: { name: string } | null }) => [person.displayName, [person.role, person.organisation?.name ?? null]]));
    expect(roles).toMatchObject({ "Ada Admin": ["admin", null], "Mo Moderator": ["moderator", null], "Piet Partner": ["partner", "Buurthuis De Brug"], "Zoë Zorg": ["care_partner", "Wijkteam Oost"] });
    expect(list.staff.some((person: { displayName: string }) => person.displayName === "Rik Resident")).toBe(false);
    expect(list.ambassadors.map((person: { displayName: string; neighbourhoods: string[] }) => [person.displayName, person.neighbourhoods])).toEqual([
      ["Amber Ambassadeur", ["Oudwijk"]],
      ["Nina Nieuwbouw", ["De Nieuwbouw"]],
    ]);
  });

  it("refuses bad input with a clear code, and changes nothing", async () => {
    const [sponsor] = await tenant.db.insert(partners).values({ id: crypto.randomUUID(), name: "Bank Sponsor", kind: "sponsor" }).returning();
    const delinde = await login(DELINDE, "beheer@delinde.example");
    const boog = (await json(await call(DELINDE, "/api/organisations", { cookie: delinde }))).organisations.find((item: { name: string }) => item.name === "Buurthuis De Boog");
    expect(boog).toBeTruthy();
    const email = staffEmail("fout");
    const cases: [Record<string, unknown>, string, string][] = [
      [{ role: "owner" }, "role", "Kies een rol: beheerder, moderator, partner of zorgpartner."],
      [{ role: "resident" }, "role", "Kies een rol: beheerder, moderator, partner of zorgpartner."],
      [{ role: "ambassador" }, "role", "Kies een rol: beheerder, moderator, partner of zorgpartner."],
      [{ role: "partner" }, "organisationId", "Kies de partnerorganisatie waar deze partner werkt."],
      [{ role: "care_partner", organisationId: "" }, "organisationId", "Kies de zorgorganisatie waar deze zorgpartner werkt."],
      [{ role: "partner", organisationId: tenant.organisations.wijkteam }, "organisationId", "Een partner hoort bij een partnerorganisatie, niet bij een zorgorganisatie."],
      [{ role: "care_partner", organisationId: tenant.organisations.buurthuis }, "organisationId", "Een zorgpartner hoort bij een zorgorganisatie, niet bij een partnerorganisatie."],
      [{ role: "partner", organisationId: sponsor!.id }, "organisationId", "Een partner hoort bij een partnerorganisatie, niet bij een zorgorganisatie."],
      [{ role: "moderator", organisationId: tenant.organisations.buurthuis }, "organisationId", "Alleen partners en zorgpartners horen bij een organisatie. Kies geen organisatie voor deze rol."],
      // Another corporation's organisation does not exist here.
      [{ role: "partner", organisationId: boog.id }, "organisationId", "Deze organisatie bestaat niet. Kies een organisatie uit de lijst."],
      [{ role: "moderator", email: "geen-adres" }, "email", "Vul een geldig e-mailadres in."],
      [{ role: "moderator", displayName: "" }, "displayName", "De naam moet minstens 2 tekens lang zijn."],
    ];
    const before = await userCount();
    for (const [body, field, message] of cases) {
      const response = await inviteStaff(tenant.host, tenant.adminCookie, { email, displayName: "Foutje Bedankt", ...body });
      expect(response.status, JSON.stringify(body)).toBe(422);
      const { error } = await json(response);
      expect(error.code).toBe("invalid_input");
      expect(error.details.fields[field], JSON.stringify(body)).toBe(message);
    }
    expect(await userCount()).toBe(before);
    expect(await newestMail(tenant.host, email, { waitMs: 0 })).toBeNull();
    const wrongType = await call(tenant.host, "/api/staff", { method: "POST", cookie: tenant.adminCookie, body: "email=x", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(wrongType.status).toBe(415);
  });

  it("refuses an e-mail address already in use (409 email_taken), whatever its case", async () => {
    const before = await userCount();
    for (const email of ["rik@proef.example", "MO@proef.example"]) {
      const response = await inviteStaff(tenant.host, tenant.adminCookie, { email, displayName: "Dubbel", role: "moderator" });
      expect(response.status).toBe(409);
      const { error } = await json(response);
      expect(error.code).toBe("email_taken");
      expect(error.message).toContain("ledenlijst");
    }
    expect(await userCount()).toBe(before);
    expect(await roleOf((await tenant.db.select().from(users).where(eq(users.email, "rik@proef.example")))[0]!.id)).toBe("resident");
  });

  it("is for admins only: a moderator gets 403 and nothing changes", async () => {
    const email = staffEmail("stiekem");
    const before = await userCount();
    const audits = (await tenant.db.select({ total: count() }).from(auditLog))[0]!.total;
    const [adminRow] = await tenant.db.select().from(users).where(eq(users.id, tenant.adminId));
    const attempts = [
      call(tenant.host, "/api/staff", { cookie: tenant.moderatorCookie }),
      inviteStaff(tenant.host, tenant.moderatorCookie, { email, displayName: "Stiekem", role: "admin" }),
      call(tenant.host, `/api/staff/${tenant.adminId}`, { method: "PATCH", cookie: tenant.moderatorCookie, json: { role: "moderator" } }),
      call(tenant.host, `/api/staff/${tenant.adminId}/remove`, { method: "POST", cookie: tenant.moderatorCookie }),
      call(tenant.host, `/api/staff/${tenant.adminId}/invitation`, { method: "POST", cookie: tenant.moderatorCookie }),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.status).toBe(403);
      const { error } = await json(response);
      expect(error).toMatchObject({ code: "forbidden", message: "Alleen een beheerder kan medewerkers beheren." });
    }
    expect(await userCount()).toBe(before);
    expect((await tenant.db.select({ total: count() }).from(auditLog))[0]!.total).toBe(audits);
    expect((await tenant.db.select().from(users).where(eq(users.id, tenant.adminId)))[0]).toEqual(adminRow);
    expect(await newestMail(tenant.host, email, { waitMs: 0 })).toBeNull();
    expect((await call(tenant.host, "/api/staff", { method: "POST", json: { email, displayName: "Niemand", role: "admin" } })).status).toBe(401);
  });
});

describe("changing roles and removing staff", () => {
  it("changes a role (and organisation), audited; refuses a wrong organisation", async () => {
    const created = await json(await inviteStaff(tenant.host, tenant.adminCookie, { email: staffEmail("wissel"), displayName: "Wessel Wissel", role: "moderator" }));
    const id = created.staff.id;
    const toPartner = await call(tenant.host, `/api/staff/${id}`, { method: "PATCH", cookie: tenant.adminCookie, json: { role: "partner", organisationId: tenant.organisations.buurthuis } });
    expect(toPartner.status).toBe(200);
    expect((await json(toPartner)).staff).toMatchObject({ role: "partner", organisation: { name: "Buurthuis De Brug" } });
    const wrongKind = await call(tenant.host, `/api/staff/${id}`, { method: "PATCH", cookie: tenant.adminCookie, json: { role: "care_partner", organisationId: tenant.organisations.buurthuis } });
    expect(wrongKind.status).toBe(422);
    expect((await json(wrongKind)).error.details.fields.organisationId).toBeTruthy();
    const unknownRole = await call(tenant.host, `/api/staff/${id}`, { method: "PATCH", cookie: tenant.adminCookie, json: { role: "ambassador" } });
    expect(unknownRole.status).toBe(422);
    expect(await roleOf(id)).toBe("partner");
    const back = await call(tenant.host, `/api/staff/${id}`, { method: "PATCH", cookie: tenant.adminCookie, json: { role: "moderator" } });
    expect((await json(back)).staff).toMatchObject({ role: "moderator", organisation: null });
    expect((await tenant.db.select().from(users).where(eq(users.id, id)))[0]!.partnerId).toBeNull();
    expect(await auditActions(tenant, id)).toEqual(["staff.invited", "staff.role_changed", "staff.role_changed"]);
  });

  it("answers 404 for residents, unknown ids and another corporation's staff, changing nothing", async () => {
    const [rik] = await tenant.db.select().from(users).where(eq(users.email, "rik@proef.example"));
    const delinde = await login(DELINDE, "beheer@delinde.example");
    const sanne = (await json(await call(DELINDE, "/api/staff", { cookie: delinde }))).staff.find((person: { displayName: string; id: string }) => person.displayName.startsWith("Sanne"));
    expect(sanne).toBeTruthy();
    for (const id of [rik!.id, crypto.randomUUID(), sanne.id]) {
      const change = await call(tenant.host, `/api/staff/${id}`, { method: "PATCH", cookie: tenant.adminCookie, json: { role: "admin" } });
      expect(change.status).toBe(404);
      expect((await json(change)).error.code).toBe("not_found");
      expect((await call(tenant.host, `/api/staff/${id}/remove`, { method: "POST", cookie: tenant.adminCookie })).status).toBe(404);
    }
    expect(await roleOf(rik!.id)).toBe("resident");
    expect((await json(await call(DELINDE, `/api/staff/${sanne.id}`, { cookie: delinde }))).staff.role).toBe("moderator");
  });

  it("never lets the last admin be demoted or removed (409 last_admin)", async () => {
    const demote = await call(tenant.host, `/api/staff/${tenant.adminId}`, { method: "PATCH", cookie: tenant.adminCookie, json: { role: "moderator" } });
    expect(demote.status).toBe(409);
    expect((await json(demote)).error.code).toBe("last_admin");
    const remove = await call(tenant.host, `/api/staff/${tenant.adminId}/remove`, { method: "POST", cookie: tenant.adminCookie });
    expect(remove.status).toBe(409);
    expect((await json(remove)).error.code).toBe("last_admin");
    expect(await roleOf(tenant.adminId)).toBe("admin");

    // With a second admin, either can be demoted, but not both.
    const email = staffEmail("admin");
    const second = (await json(await inviteStaff(tenant.host, tenant.adminCookie, { email, displayName: "Bert Beheer", role: "admin" }))).staff.id;
    const secondCookie = (await call(tenant.host, "/api/auth/magic-link/verify", { method: "POST", json: { token: await invitationToken(tenant.host, email) } })).headers
      .getSetCookie()[0]!
      .split(";")[0]!;
    const selfDemote = await call(tenant.host, `/api/staff/${second}`, { method: "PATCH", cookie: secondCookie, json: { role: "moderator" } });
    expect(selfDemote.status).toBe(200);
    expect((await call(tenant.host, `/api/staff/${tenant.adminId}`, { method: "PATCH", cookie: secondCookie, json: { role: "moderator" } })).status).toBe(403);
    expect(await roleOf(tenant.adminId)).toBe("admin");
    expect(await auditActions(tenant, tenant.adminId)).toEqual([]);
  });

  it("keeps one admin when two admins demote or remove each other at the same moment", async () => {
    const own = await createStaffTenant();
    const adminCount = async () => (await own.db.select({ id: users.id }).from(users).where(eq(users.role, "admin"))).length;
    const secondAdmin = async () => {
      const email = staffEmail("tweede");
      const id = (await json(await inviteStaff(own.host, own.adminCookie, { email, displayName: "Tweede Admin", role: "admin" }))).staff.id as string;
      const verified = await call(own.host, "/api/auth/magic-link/verify", { method: "POST", json: { token: await invitationToken(own.host, email) } });
      return { id, cookie: verified.headers.getSetCookie()[0]!.split(";")[0]! };
    };
    const demoter = await secondAdmin();
    const demotions = await Promise.all([
      call(own.host, `/api/staff/${demoter.id}`, { method: "PATCH", cookie: own.adminCookie, json: { role: "moderator" } }),
      call(own.host, `/api/staff/${own.adminId}`, { method: "PATCH", cookie: demoter.cookie, json: { role: "moderator" } }),
    ]);
    expect(demotions.map((response) => response.status).sort()).toEqual([200, 409]);
    expect(await adminCount()).toBe(1);

    const [remaining] = await own.db.select().from(users).where(eq(users.role, "admin"));
    const remainingCookie = remaining!.id === own.adminId ? own.adminCookie : demoter.cookie;
    const other = await (async () => {
      const email = staffEmail("derde");
      const id = (await json(await inviteStaff(own.host, remainingCookie, { email, displayName: "Derde Admin", role: "admin" }))).staff.id as string;
      const verified = await call(own.host, "/api/auth/magic-link/verify", { method: "POST", json: { token: await invitationToken(own.host, email) } });
      return { id, cookie: verified.headers.getSetCookie()[0]!.split(";")[0]! };
    })();
    const removals = await Promise.all([
      call(own.host, `/api/staff/${other.id}/remove`, { method: "POST", cookie: remainingCookie }),
      call(own.host, `/api/staff/${remaining!.id}/remove`, { method: "POST", cookie: other.cookie }),
    ]);
    expect(removals.filter((response) => response.status === 200)).toHaveLength(1);
    expect(await adminCount()).toBe(1);
  });

  it("removes a staff member: the account is gone, audited; one's own account only through My account", async () => {
    const email = staffEmail("weg");
    const id = (await json(await inviteStaff(tenant.host, tenant.adminCookie, { email, displayName: "Wim Weg", role: "moderator" }))).staff.id;
    const token = await invitationToken(tenant.host, email);
    const removed = await call(tenant.host, `/api/staff/${id}/remove`, { method: "POST", cookie: tenant.adminCookie });
    expect(removed.status).toBe(200);
    expect(await roleOf(id)).toBeUndefined();
    expect((await call(tenant.host, "/api/auth/magic-link/verify", { method: "POST", json: { token } })).status).toBe(400);
    expect(await auditActions(tenant, id)).toEqual(["staff.invited", "staff.removed"]);

    const other = staffEmail("nog-een-admin");
    await inviteStaff(tenant.host, tenant.adminCookie, { email: other, displayName: "Nog Een Admin", role: "admin" });
    const self = await call(tenant.host, `/api/staff/${tenant.adminId}/remove`, { method: "POST", cookie: tenant.adminCookie });
    expect(self.status).toBe(409);
    expect((await json(self)).error).toMatchObject({ code: "conflict", message: "Je eigen account verwijder je via Mijn account." });
  });

  it("sends the invitation again: a new link, the old one no longer works", async () => {
    const email = staffEmail("opnieuw");
    const id = (await json(await inviteStaff(tenant.host, tenant.adminCookie, { email, displayName: "Olga Opnieuw", role: "care_partner", organisationId: tenant.organisations.wijkteam }))).staff.id;
    const first = await invitationToken(tenant.host, email);
    const again = await call(tenant.host, `/api/staff/${id}/invitation`, { method: "POST", cookie: tenant.adminCookie });
    expect(again.status).toBe(200);
    const second = await invitationToken(tenant.host, email);
    expect(second).not.toBe(first);
    expect((await call(tenant.host, "/api/auth/magic-link/verify", { method: "POST", json: { token: first } })).status).toBe(400);
    const verified = await call(tenant.host, "/api/auth/magic-link/verify", { method: "POST", json: { token: second } });
    expect((await json(verified)).user.role).toBe("care_partner");
    expect(await auditActions(tenant, id)).toEqual(["staff.invited", "staff.invitation_sent"]);
  });
});

