// Ambassadors: a moderator or admin makes a resident an ambassador of their neighbourhood and back;
// prospective residents, staff, people not yet admitted or without a neighbourhood cannot be made one.
import { beforeAll, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { hashPassword } from "@buurtplein/core";
import { tenantSchema } from "@buurtplein/db";
import { call, json, login } from "./helpers.ts";
import { DELINDE, NEW_PASSWORD } from "./invite-fixtures.ts";
import { auditActions, createStaffTenant, type StaffTenant } from "./staff-fixtures.ts";

const { users, memberships, auditLog } = tenantSchema;

let tenant: StaffTenant;

beforeAll(async () => {
  tenant = await createStaffTenant();
});

async function person(options: { role?: string; status?: string; neighbourhood?: string | null; membershipStatus?: string } = {}) {
  const id = crypto.randomUUID();
  const email = `persoon-${id.slice(0, 8)}@proef.example`;
  await tenant.db.insert(users).values({ id, email, displayName: `Persoon ${id.slice(0, 4)}`, role: options.role ?? "resident", status: options.status ?? "active", passwordHash: await hashPassword(NEW_PASSWORD) });
  const neighbourhood = options.neighbourhood === undefined ? tenant.neighbourhoods.oudwijk : options.neighbourhood;
  if (neighbourhood) await tenant.db.insert(memberships).values({ userId: id, neighbourhoodId: neighbourhood, status: options.membershipStatus ?? "active" });
  return { id, email };
}

async function roleOf(id: string) {
  return (await tenant.db.select({ role: users.role }).from(users).where(eq(users.id, id)))[0]?.role;
}

describe("ambassadors", () => {
  it("a moderator makes a resident an ambassador, who then helps in their neighbourhood; and back", async () => {
    const resident = await person();
    const cookie = await login(tenant.host, resident.email, NEW_PASSWORD);
    expect((await call(tenant.host, "/api/members/pending", { cookie })).status).toBe(403);

    const made = await call(tenant.host, `/api/ambassadors/${resident.id}`, { method: "PUT", cookie: tenant.moderatorCookie });
    expect(made.status).toBe(200);
    expect((await json(made)).member).toMatchObject({ id: resident.id, role: "ambassador", neighbourhoods: [{ slug: "oudwijk", name: "Oudwijk" }] });
    expect((await call(tenant.host, "/api/members/pending", { cookie })).status).toBe(200);
    // Again: no change, no second audit entry.
    expect((await call(tenant.host, `/api/ambassadors/${resident.id}`, { method: "PUT", cookie: tenant.adminCookie })).status).toBe(200);

    const ended = await call(tenant.host, `/api/ambassadors/${resident.id}`, { method: "DELETE", cookie: tenant.adminCookie });
    expect(ended.status).toBe(200);
    expect((await json(ended)).member.role).toBe("resident");
    expect((await call(tenant.host, "/api/members/pending", { cookie })).status).toBe(403);
    expect(await auditActions(tenant, resident.id)).toEqual(["ambassador.appointed", "ambassador.ended"]);
  });

  it("refuses prospective residents, staff, people not admitted and people without a neighbourhood (409), changing nothing", async () => {
    const cases = [
      [await person({ role: "prospective", neighbourhood: tenant.neighbourhoods.nieuwbouw }), "prospective", "prospective"],
      [await person({ role: "moderator", neighbourhood: null }), "moderator", "staff"],
      [await person({ role: "partner", neighbourhood: null }), "partner", "staff"],
      [await person({ role: "admin", neighbourhood: null }), "admin", "staff"],
      [await person({ status: "pending" }), "resident", "not_active"],
      [await person({ membershipStatus: "pending" }), "resident", "no_neighbourhood"],
      [await person({ neighbourhood: null }), "resident", "no_neighbourhood"],
    ] as const;
    const audits = (await tenant.db.select({ total: count() }).from(auditLog))[0]!.total;
    for (const [target, role, reason] of cases) {
      const response = await call(tenant.host, `/api/ambassadors/${target.id}`, { method: "PUT", cookie: tenant.moderatorCookie });
      expect(response.status, reason).toBe(409);
      const { error } = await json(response);
      expect(error).toMatchObject({ code: "ambassador_not_eligible", details: { reason } });
      expect(await roleOf(target.id)).toBe(role);
    }
    const staffBack = await call(tenant.host, `/api/ambassadors/${cases[1][0].id}`, { method: "DELETE", cookie: tenant.moderatorCookie });
    expect(staffBack.status).toBe(409);
    expect(await roleOf(cases[1][0].id)).toBe("moderator");
    expect((await tenant.db.select({ total: count() }).from(auditLog))[0]!.total).toBe(audits);
  });

  it("is for moderators and admins only; another corporation's people are not found here", async () => {
    const resident = await person();
    const ambassador = await login(tenant.host, "amber@proef.example", NEW_PASSWORD);
    const rik = await login(tenant.host, "rik@proef.example", NEW_PASSWORD);
    for (const cookie of [ambassador, rik]) {
      const response = await call(tenant.host, `/api/ambassadors/${resident.id}`, { method: "PUT", cookie });
      expect(response.status).toBe(403);
      expect((await json(response)).error.code).toBe("forbidden");
    }
    expect(await roleOf(resident.id)).toBe("resident");
    const delinde = await login(DELINDE, "beheer@delinde.example");
    const anna = (await json(await call(DELINDE, "/api/members?q=Anna", { cookie: delinde }))).members[0];
    expect(anna.role).toBe("resident");
    for (const method of ["PUT", "DELETE"]) {
      const response = await call(tenant.host, `/api/ambassadors/${anna.id}`, { method, cookie: tenant.moderatorCookie });
      expect(response.status).toBe(404);
      expect((await json(response)).error.code).toBe("not_found");
    }
    expect((await json(await call(DELINDE, `/api/members/${anna.id}`, { cookie: delinde }))).member.role).toBe("resident");
  });
});
