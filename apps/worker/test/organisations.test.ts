// Partner and care organisations (admins): create with the neighbourhoods they serve, change, remove
// (refused while accounts belong to it); bad input and other corporations' ids change nothing; audited.
import { beforeAll, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { tenantSchema } from "@buurtplein/db";
import { SAMPLE_PNG } from "@buurtplein/core/files/sample-images";
import { call, json, login } from "./helpers.ts";
import { DELINDE } from "./invite-fixtures.ts";
import { auditActions, createOrganisation, createStaffTenant, inviteStaff, staffEmail, type StaffTenant } from "./staff-fixtures.ts";

const { partners, partnerNeighbourhoods, auditLog } = tenantSchema;

let tenant: StaffTenant;

beforeAll(async () => {
  tenant = await createStaffTenant();
});

async function servedBy(id: string): Promise<string[]> {
  const rows = await tenant.db.select().from(partnerNeighbourhoods).where(eq(partnerNeighbourhoods.partnerId, id));
  return rows.map((row) => row.neighbourhoodId).sort();
}

async function snapshot() {
  return {
    partners: await tenant.db.select().from(partners).orderBy(partners.id),
    served: await tenant.db.select().from(partnerNeighbourhoods).orderBy(partnerNeighbourhoods.partnerId, partnerNeighbourhoods.neighbourhoodId),
    audits: (await tenant.db.select({ total: count() }).from(auditLog))[0]!.total,
  };
}

describe("organisations", () => {
  it("creates a partner organisation with the neighbourhoods it serves, and lists it", async () => {
    const response = await call(tenant.host, "/api/organisations", {
      method: "POST",
      cookie: tenant.adminCookie,
      json: { name: "Bibliotheek Oost", kind: "local", description: "Boeken en taalles.", website: "https://bieb.example.org", neighbourhoods: ["oudwijk", "nieuwbouw"] },
    });
    expect(response.status).toBe(201);
    const { organisation } = await json(response);
    expect(organisation).toMatchObject({ name: "Bibliotheek Oost", kind: "local", description: "Boeken en taalles.", website: "https://bieb.example.org", accounts: 0 });
    expect(organisation.neighbourhoods.map((item: { slug: string }) => item.slug)).toEqual(["nieuwbouw", "oudwijk"]);
    expect(await servedBy(organisation.id)).toEqual([tenant.neighbourhoods.nieuwbouw, tenant.neighbourhoods.oudwijk].sort());
    const list = await json(await call(tenant.host, "/api/organisations", { cookie: tenant.adminCookie }));
    expect(list.organisations.map((item: { name: string }) => item.name)).toEqual(expect.arrayContaining(["Bibliotheek Oost", "Buurthuis De Brug", "Wijkteam Oost"]));
    expect(await auditActions(tenant, organisation.id)).toEqual(["organisation.created"]);
  });

  it("refuses bad input (422) and a name in use (409 organisation_name_taken), writing nothing", async () => {
    const before = await snapshot();
    const cases: [Record<string, unknown>, number, string, string?][] = [
      [{ name: "Sponsor BV", kind: "sponsor" }, 422, "invalid_input", "kind"],
      [{ name: "Zonder Soort" }, 422, "invalid_input", "kind"],
      [{ name: "", kind: "local" }, 422, "invalid_input", "name"],
      [{ name: "Verkeerde Site", kind: "local", website: "javascript:alert(1)" }, 422, "invalid_input", "website"],
      [{ name: "Verre Buurt", kind: "care", neighbourhoods: ["oudwijk", "lindenhof"] }, 422, "invalid_input", "neighbourhoods"],
      [{ name: "Rare Buurten", kind: "care", neighbourhoods: "oudwijk,nieuwbouw" }, 422, "invalid_input", "neighbourhoods"],
      [{ name: "buurthuis de brug", kind: "care" }, 409, "organisation_name_taken"],
    ];
    for (const [body, status, code, field] of cases) {
      const response = await call(tenant.host, "/api/organisations", { method: "POST", cookie: tenant.adminCookie, json: body });
      expect(response.status, JSON.stringify(body)).toBe(status);
      const { error } = await json(response);
      expect(error.code).toBe(code);
      if (field) expect(error.details.fields[field], JSON.stringify(body)).toBeTruthy();
    }
    expect(await snapshot()).toEqual(before);
  });

  it("changes name, description, website and neighbourhoods; clears with empty values", async () => {
    const id = await createOrganisation(tenant.host, tenant.adminCookie, { name: "Sportclub", kind: "local", description: "Voetbal", website: "https://sport.example.org", neighbourhoods: ["oudwijk"] });
    const changed = await call(tenant.host, `/api/organisations/${id}`, {
      method: "PATCH",
      cookie: tenant.adminCookie,
      json: { name: "Sportclub Oost", description: "", website: "", neighbourhoods: ["nieuwbouw"] },
    });
    expect(changed.status).toBe(200);
    expect((await json(changed)).organisation).toMatchObject({ name: "Sportclub Oost", description: null, website: null, neighbourhoods: [{ slug: "nieuwbouw" }] });
    expect(await servedBy(id)).toEqual([tenant.neighbourhoods.nieuwbouw]);
    const taken = await call(tenant.host, `/api/organisations/${id}`, { method: "PATCH", cookie: tenant.adminCookie, json: { name: "Wijkteam Oost" } });
    expect(taken.status).toBe(409);
    expect((await json(taken)).error.code).toBe("organisation_name_taken");
    const badSlug = await call(tenant.host, `/api/organisations/${id}`, { method: "PATCH", cookie: tenant.adminCookie, json: { neighbourhoods: ["bestaat-niet"] } });
    expect(badSlug.status).toBe(422);
    expect(await servedBy(id)).toEqual([tenant.neighbourhoods.nieuwbouw]);
    const kind = await call(tenant.host, `/api/organisations/${id}`, { method: "PATCH", cookie: tenant.adminCookie, json: { kind: "care" } });
    expect((await json(kind)).organisation.kind).toBe("care");
    expect(await auditActions(tenant, id)).toEqual(["organisation.created", "organisation.updated", "organisation.updated"]);
  });

  it("refuses to remove an organisation with accounts, or to change its kind (409 organisation_in_use)", async () => {
    const id = await createOrganisation(tenant.host, tenant.adminCookie, { name: "Taalhuis", kind: "local", neighbourhoods: ["oudwijk"] });
    const partner = (await json(await inviteStaff(tenant.host, tenant.adminCookie, { email: staffEmail("taal"), displayName: "Tara Taal", role: "partner", organisationId: id }))).staff.id;
    const before = await snapshot();
    const remove = await call(tenant.host, `/api/organisations/${id}/remove`, { method: "POST", cookie: tenant.adminCookie });
    expect(remove.status).toBe(409);
    const { error } = await json(remove);
    expect(error).toMatchObject({ code: "organisation_in_use", details: { accounts: 1 } });
    expect(error.message).toContain("(1)");
    const kind = await call(tenant.host, `/api/organisations/${id}`, { method: "PATCH", cookie: tenant.adminCookie, json: { kind: "care" } });
    expect(kind.status).toBe(409);
    expect((await json(kind)).error.code).toBe("organisation_in_use");
    expect(await snapshot()).toEqual(before);

    // Once the partner has another organisation, it can go, with the neighbourhoods it served.
    expect((await call(tenant.host, `/api/staff/${partner}`, { method: "PATCH", cookie: tenant.adminCookie, json: { role: "partner", organisationId: tenant.organisations.buurthuis } })).status).toBe(200);
    const removed = await call(tenant.host, `/api/organisations/${id}/remove`, { method: "POST", cookie: tenant.adminCookie });
    expect(removed.status).toBe(200);
    expect(await tenant.db.select().from(partners).where(eq(partners.id, id))).toEqual([]);
    expect(await servedBy(id)).toEqual([]);
    expect(await auditActions(tenant, id)).toEqual(["organisation.created", "organisation.removed"]);
  });

  it("is for admins only, and knows nothing of sponsors or another corporation's organisations", async () => {
    const before = await snapshot();
    const attempts = [
      call(tenant.host, "/api/organisations", { cookie: tenant.moderatorCookie }),
      call(tenant.host, "/api/organisations", { method: "POST", cookie: tenant.moderatorCookie, json: { name: "Stiekem", kind: "local" } }),
      call(tenant.host, `/api/organisations/${tenant.organisations.buurthuis}`, { method: "PATCH", cookie: tenant.moderatorCookie, json: { name: "Gekaapt" } }),
      call(tenant.host, `/api/organisations/${tenant.organisations.wijkteam}/remove`, { method: "POST", cookie: tenant.moderatorCookie }),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.status).toBe(403);
      expect((await json(response)).error).toMatchObject({ code: "forbidden", message: "Alleen een beheerder kan organisaties beheren." });
    }
    const delinde = await login(DELINDE, "beheer@delinde.example");
    const boog = (await json(await call(DELINDE, "/api/organisations", { cookie: delinde }))).organisations.find((item: { name: string }) => item.name === "Buurthuis De Boog");
    const [sponsor] = await tenant.db.insert(partners).values({ id: crypto.randomUUID(), name: `Sponsor ${crypto.randomUUID().slice(0, 6)}`, kind: "sponsor" }).returning();
    for (const id of [boog.id, sponsor!.id, crypto.randomUUID()]) {
      expect((await call(tenant.host, `/api/organisations/${id}`, { method: "PATCH", cookie: tenant.adminCookie, json: { name: "Overgenomen" } })).status).toBe(404);
      expect((await call(tenant.host, `/api/organisations/${id}/remove`, { method: "POST", cookie: tenant.adminCookie })).status).toBe(404);
    }
    const list = await json(await call(tenant.host, "/api/organisations", { cookie: tenant.adminCookie }));
    expect(list.organisations.some((item: { kind: string }) => item.kind === "sponsor")).toBe(false);
    const after = await snapshot();
    expect(after.partners.filter((row) => row.id !== sponsor!.id)).toEqual(before.partners);
    expect(after.audits).toBe(before.audits);
    const stillThere = await json(await call(DELINDE, `/api/organisations/${boog.id}`, { cookie: delinde }));
    expect(stillThere.organisation.name).toBe("Buurthuis De Boog");
    expect(stillThere.people.map((person: { role: string }) => person.role)).toEqual(["partner"]);
  });
});

describe("an organisation's logo", () => {
  const putLogo = (id: string, bytes: Uint8Array | string, type: string, cookie = tenant.adminCookie, host = tenant.host) =>
    call(host, `/api/organisations/${id}/logo`, { method: "PUT", cookie, body: bytes, headers: { "content-type": type } });

  it("is stored by content, served on the corporation's own host only, replaced and removed by an admin", async () => {
    const id = await createOrganisation(tenant.host, tenant.adminCookie, { name: `Logo-organisatie ${crypto.randomUUID().slice(0, 6)}`, kind: "local" });
    const uploaded = await putLogo(id, SAMPLE_PNG, "image/png");
    expect(uploaded.status).toBe(200);
    const { logoUrl } = (await json(uploaded)).organisation;
    expect(logoUrl).toMatch(/^\/api\/files\/organisation-logos\/[0-9a-f]{64}\.png$/);
    const served = await call(tenant.host, logoUrl);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect((await call(DELINDE, logoUrl)).status).toBe(404);

    const listed = (await json(await call(tenant.host, "/api/organisations", { cookie: tenant.adminCookie }))).organisations;
    expect(listed.find((item: { id: string }) => item.id === id).logoUrl).toBe(logoUrl);

    const removed = await call(tenant.host, `/api/organisations/${id}/logo`, { method: "DELETE", cookie: tenant.adminCookie });
    expect((await json(removed)).organisation.logoUrl).toBeNull();
    expect((await call(tenant.host, logoUrl)).status).toBe(404);
  });

  it("refuses what is not an image, a moderator, and another corporation's organisation; nothing changes", async () => {
    const id = tenant.organisations.buurthuis;
    const before = await snapshot();
    const html = await putLogo(id, "<html><script>alert(1)</script></html>", "image/png");
    expect(html.status).toBe(415);
    expect((await json(html)).error.code).toBe("unsupported_image_type");
    const moderator = await putLogo(id, SAMPLE_PNG, "image/png", tenant.moderatorCookie);
    expect(moderator.status).toBe(403);
    const demoAdmin = await login(DELINDE, "beheer@delinde.example");
    expect((await putLogo(id, SAMPLE_PNG, "image/png", demoAdmin, DELINDE)).status).toBe(404);
    expect(await snapshot()).toEqual(before);
  });
});
