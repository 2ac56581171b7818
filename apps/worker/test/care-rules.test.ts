// Routing rules and settings of early warning (decision 027), in a corporation of its own so the
// demo's rules stay as they are: only admins manage them, bad input changes nothing, the most specific
// rule routes a new signal and is recorded, and the coordinator and privacy officer must be staff.
import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { hashPassword } from "@buurtplein/core";
import { tenantSchema } from "@buurtplein/db";
import { call, json, login } from "./helpers.ts";
import { createFreshTenant, NEW_PASSWORD } from "./invite-fixtures.ts";

let tenant: Awaited<ReturnType<typeof createFreshTenant>>;
const cookies: Record<string, string> = {};
const ids: Record<string, string> = {};

beforeAll(async () => {
  tenant = await createFreshTenant();
  const passwordHash = await hashPassword(NEW_PASSWORD);
  for (const [key, partner] of [["wijkteam", "Wijkteam Oost"], ["schuldhulp", "Schuldhulp Oost"]] as const) {
    ids[key] = crypto.randomUUID();
    await tenant.db.insert(tenantSchema.partners).values({ id: ids[key]!, name: partner, kind: "care" });
  }
  ids.sponsor = crypto.randomUUID();
  await tenant.db.insert(tenantSchema.partners).values({ id: ids.sponsor, name: "Bakker", kind: "sponsor" });
  for (const [key, role, partnerId] of [
    ["admin", "admin", null],
    ["moderator", "moderator", null],
    ["resident", "resident", null],
    ["wijkteam", "care_partner", ids.wijkteam],
    ["schuldhulp", "care_partner", ids.schuldhulp],
  ] as const) {
    ids[`user-${key}`] = crypto.randomUUID();
    const email = `${key}@regels.example`;
    await tenant.db.insert(tenantSchema.users).values({ id: ids[`user-${key}`]!, email, displayName: key, role, partnerId, passwordHash });
    if (role === "resident") await tenant.db.insert(tenantSchema.memberships).values({ userId: ids[`user-${key}`]!, neighbourhoodId: tenant.neighbourhoods.oudwijk });
    cookies[key] = await login(tenant.host, email, NEW_PASSWORD);
  }
});

const rules = () => tenant.db.select().from(tenantSchema.careRoutingRules);

describe("routing rules", () => {
  it("are managed by admins only; bad input changes nothing", async () => {
    for (const who of ["moderator", "resident", "wijkteam"]) {
      expect((await call(tenant.host, "/api/care/rules", { cookie: cookies[who]! })).status, who).toBe(403);
      expect((await call(tenant.host, "/api/care/rules", { method: "POST", cookie: cookies[who]!, json: { neighbourhood: "oudwijk", organisationId: ids.wijkteam } })).status, who).toBe(403);
    }
    for (const [body, field] of [
      [{ neighbourhood: "oudwijk", organisationId: ids.sponsor }, "organisationId"],
      [{ neighbourhood: "nergens", organisationId: ids.wijkteam }, "neighbourhood"],
      [{ category: "origin", organisationId: ids.wijkteam }, "category"],
      [{ organisationId: ids.wijkteam, extra: true }, "_"],
    ] as const) {
      const response = await call(tenant.host, "/api/care/rules", { method: "POST", cookie: cookies.admin!, json: body });
      expect(response.status, JSON.stringify(body)).toBe(422);
      expect(Object.keys((await json(response)).error.details.fields)).toContain(field);
    }
    expect(await rules()).toEqual([]);
    expect((await call(tenant.host, "/api/care/rules/onbekend", { method: "DELETE", cookie: cookies.admin! })).status).toBe(404);
  });

  it("route a new signal by the most specific rule and record it; without one it goes to the coordinator", async () => {
    const general = await json(await call(tenant.host, "/api/care/rules", { method: "POST", cookie: cookies.admin!, json: { neighbourhood: "oudwijk", organisationId: ids.wijkteam } }));
    const money = await json(await call(tenant.host, "/api/care/rules", { method: "POST", cookie: cookies.admin!, json: { category: "money", neighbourhood: "oudwijk", organisationId: ids.schuldhulp } }));
    const listed = await json(await call(tenant.host, "/api/care/rules", { cookie: cookies.admin! }));
    expect(listed.rules.map((rule: { organisation: string }) => rule.organisation)).toEqual(["Wijkteam Oost", "Schuldhulp Oost"]);
    expect(listed.settings).toMatchObject({ reminderWorkingDays: 2, escalationWorkingDays: 5, retentionMonths: 12 });
    expect(listed.organisations.map((row: { name: string }) => row.name)).toEqual(["Schuldhulp Oost", "Wijkteam Oost"]);

    const raise = async (category: string, neighbourhood = "oudwijk") => {
      const response = await call(tenant.host, "/api/signals", { method: "POST", cookie: cookies.admin!, json: { category, neighbourhood, about: "neighbour", description: "De brievenbus puilt al dagen uit." } });
      expect(response.status).toBe(201);
      const { signal } = await json(response);
      return (await tenant.db.select().from(tenantSchema.signals).where(eq(tenantSchema.signals.id, signal.id)))[0]!;
    };
    expect(await raise("money")).toMatchObject({ partnerId: ids.schuldhulp, routingRuleId: money.rule.id });
    expect(await raise("loneliness")).toMatchObject({ partnerId: ids.wijkteam, routingRuleId: general.rule.id });
    expect(await raise("loneliness", "nieuwbouw")).toMatchObject({ partnerId: null, routingRuleId: null });

    // "not ours" from the debt counsellors goes to the next rule: the wijkteam.
    const signal = await raise("money");
    const back = await call(tenant.host, `/api/signals/${signal.id}/status`, { method: "POST", cookie: cookies.schuldhulp!, json: { status: "not_ours", note: "Eerst het wijkteam." } });
    expect(back.status).toBe(200);
    expect((await tenant.db.select().from(tenantSchema.signals).where(eq(tenantSchema.signals.id, signal.id)))[0]).toMatchObject({ partnerId: ids.wijkteam, routingRuleId: general.rule.id, status: "new" });
    const wijkteam = await json(await call(tenant.host, `/api/signals/${signal.id}`, { cookie: cookies.wijkteam! }));
    expect(wijkteam.events.map((event: { event: string }) => event.event)).toEqual(["routed", "not_ours", "routed"]);

    expect((await call(tenant.host, `/api/care/rules/${money.rule.id}`, { method: "DELETE", cookie: cookies.admin! })).status).toBe(200);
    expect((await rules()).map((rule) => rule.id)).toEqual([general.rule.id]);
  });
});

describe("care settings", () => {
  const good = () => ({ reminderWorkingDays: 3, escalationWorkingDays: 6, retentionMonths: 6, coordinatorId: ids["user-moderator"], privacyOfficerId: ids["user-admin"] });

  it("take staff accounts only and sensible days; only admins change them", async () => {
    for (const [body, field] of [
      [{ ...good(), coordinatorId: ids["user-resident"] }, "coordinatorId"],
      [{ ...good(), privacyOfficerId: ids["user-wijkteam"] }, "privacyOfficerId"],
      [{ ...good(), escalationWorkingDays: 2 }, "escalationWorkingDays"],
      [{ ...good(), retentionMonths: 0 }, "retentionMonths"],
    ] as const) {
      const response = await call(tenant.host, "/api/care/settings", { method: "PUT", cookie: cookies.admin!, json: body });
      expect(response.status, JSON.stringify(body)).toBe(422);
      expect(Object.keys((await json(response)).error.details.fields)).toContain(field);
    }
    expect((await call(tenant.host, "/api/care/settings", { method: "PUT", cookie: cookies.moderator!, json: good() })).status).toBe(403);
    expect(await tenant.db.select().from(tenantSchema.careSettings)).toEqual([]);
    expect((await call(tenant.host, "/api/care/settings", { method: "PUT", cookie: cookies.admin!, json: good() })).status).toBe(200);
    expect((await json(await call(tenant.host, "/api/care/rules", { cookie: cookies.admin! }))).settings).toEqual(good());
    // The moderator is now the coordinator: the coordinator's inbox opens; the admin is the privacy officer.
    expect((await call(tenant.host, "/api/care/signals", { cookie: cookies.moderator! })).status).toBe(200);
    expect((await call(tenant.host, "/api/signals/audit", { cookie: cookies.admin! })).status).toBe(200);
    expect((await call(tenant.host, "/api/signals/audit", { cookie: cookies.moderator! })).status).toBe(403);
  });
});
