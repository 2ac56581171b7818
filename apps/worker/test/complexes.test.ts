// Complexes (buildings) by hand and by CSV import: the preview writes nothing, a file with errors is
// refused row by row (line, column, what is wrong, in the reader's language) and writes nothing, and
// the same file again changes nothing (the complex code is the key).
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { tenantSchema } from "@buurtplein/db";
import { call, json, login } from "./helpers.ts";
import { createFreshTenant, DELINDE, HAVENSTAD, NEW_PASSWORD } from "./invite-fixtures.ts";

const { complexes, auditLog } = tenantSchema;

const HEADER = "Complexcode;Naam;Straat;Huisnummers;Postcode;Buurt";

function preview(host: string, cookie: string, csv: string, headers: Record<string, string> = {}) {
  return call(host, "/api/complexes/import/preview", { method: "POST", cookie, json: { csv }, headers });
}
function importCsv(host: string, cookie: string, csv: string, headers: Record<string, string> = {}) {
  return call(host, "/api/complexes/import", { method: "POST", cookie, json: { csv }, headers });
}

describe("complexes by hand", () => {
  it("adds a complex with its address line for letters, and changes it", async () => {
    const tenant = await createFreshTenant();
    const created = await call(tenant.host, "/api/neighbourhoods/oudwijk/complexes", {
      method: "POST",
      cookie: tenant.adminCookie,
      json: { code: "ow-a", name: "Oudwijk flat A", street: "Kerkstraat", houseNumbers: "2–40", postcode: "3511ab" },
    });
    expect(created.status).toBe(201);
    const { complex } = await json(created);
    expect(complex).toMatchObject({ code: "OW-A", name: "Oudwijk flat A", street: "Kerkstraat", houseNumbers: "2–40", postcode: "3511 AB", address: "Kerkstraat 2–40", neighbourhood: { slug: "oudwijk" } });
    // The invite form offers it, with its address.
    const offered = await json(await call(tenant.host, "/api/invites/complexes", { cookie: tenant.adminCookie }));
    expect(offered.complexes).toEqual([expect.objectContaining({ id: complex.id, name: "Oudwijk flat A", address: "Kerkstraat 2–40" })]);

    const changed = await call(tenant.host, `/api/complexes/${complex.id}`, { method: "PATCH", cookie: tenant.adminCookie, json: { houseNumbers: "2-60", neighbourhood: "nieuwbouw" } });
    expect(changed.status).toBe(200);
    expect((await json(changed)).complex).toMatchObject({ code: "OW-A", houseNumbers: "2–60", address: "Kerkstraat 2–60", neighbourhood: { slug: "nieuwbouw" } });
    const [row] = await tenant.db.select().from(complexes).where(eq(complexes.id, complex.id));
    expect(row).toMatchObject({ houseNumberFrom: 2, houseNumberTo: 60, neighbourhoodId: tenant.neighbourhoods.nieuwbouw });
  });

  it("refuses a taken code (409), bad fields (422), a moderator (403), and changes nothing", async () => {
    const tenant = await createFreshTenant();
    const first = await json(await call(tenant.host, "/api/neighbourhoods/oudwijk/complexes", { method: "POST", cookie: tenant.adminCookie, json: { code: "OW-A", name: "Flat A" } }));
    const taken = await call(tenant.host, "/api/neighbourhoods/nieuwbouw/complexes", { method: "POST", cookie: tenant.adminCookie, json: { code: "ow-a", name: "Flat A2" } });
    expect(taken.status).toBe(409);
    expect((await json(taken)).error.details.fields.code).toEqual(expect.any(String));
    const bad = await call(tenant.host, "/api/neighbourhoods/oudwijk/complexes", { method: "POST", cookie: tenant.adminCookie, json: { code: "", name: "Flat B", houseNumbers: "40-2", street: "Kerkstraat", postcode: "0123 AB" } });
    expect(bad.status).toBe(422);
    expect(Object.keys((await json(bad)).error.details.fields).sort()).toEqual(["code", "houseNumbers", "postcode"]);
    const badChange = await call(tenant.host, `/api/complexes/${first.complex.id}`, { method: "PATCH", cookie: tenant.adminCookie, json: { postcode: "1234 SS" } });
    expect(badChange.status).toBe(422);
    const nowhere = await call(tenant.host, `/api/complexes/${first.complex.id}`, { method: "PATCH", cookie: tenant.adminCookie, json: { neighbourhood: "nergens" } });
    expect(nowhere.status).toBe(422);
    const moderator = await login(tenant.host, "mo@proef.example", NEW_PASSWORD);
    expect((await call(tenant.host, `/api/complexes/${first.complex.id}`, { method: "PATCH", cookie: moderator, json: { name: "Van de moderator" } })).status).toBe(403);
    expect((await call(tenant.host, "/api/neighbourhoods/oudwijk/complexes", { method: "POST", cookie: moderator, json: { code: "MO-1", name: "Moderatorflat" } })).status).toBe(403);
    const rows = await tenant.db.select().from(complexes);
    expect(rows.map((row) => [row.code, row.name, row.postcode])).toEqual([["OW-A", "Flat A", null]]);
  });

  it("does not find another corporation's complex (404) and leaves it alone", async () => {
    const havenstadAdmin = await login(HAVENSTAD, "beheer@havenstad.example");
    const theirs = (await json(await call(HAVENSTAD, "/api/complexes", { cookie: havenstadAdmin }))).complexes[0];
    expect(theirs).toBeDefined();
    const admin = await login(DELINDE, "beheer@delinde.example");
    expect((await call(DELINDE, `/api/complexes/${theirs.id}`, { cookie: admin })).status).toBe(404);
    const patched = await call(DELINDE, `/api/complexes/${theirs.id}`, { method: "PATCH", cookie: admin, json: { name: "Overgenomen" } });
    expect(patched.status).toBe(404);
    expect((await json(patched)).error.code).toBe("not_found");
    const again = await json(await call(HAVENSTAD, `/api/complexes/${theirs.id}`, { cookie: havenstadAdmin }));
    expect(again.complex.name).toBe(theirs.name);
  });
});

describe("importing complexes from CSV", () => {
  const GOOD = [HEADER, "OW-1;Oudwijk blok 1;Kerkstraat;2-40;3511 AB;Oudwijk", "OW-2;Oudwijk blok 2;Kerkstraat;42–60;3511AC;oudwijk", "NB-1;Nieuwbouw kavel 1;;;;De Nieuwbouw"];

  it("previews row by row with errors in the reader's language, writing nothing", async () => {
    const tenant = await createFreshTenant();
    const csv = `\uFEFF${[...GOOD, "OW-3;Oudwijk blok 3;Kerkstraat;40-2;12345;Oudwijk", "OW-1;Dubbel;;;;Oudwijk", "XX-1;Ergens;;;;Nergenshuizen"].join("\r\n")}\r\n`;
    const response = await preview(tenant.host, tenant.adminCookie, csv, { "accept-language": "en" });
    expect(response.status).toBe(200);
    const { plan } = await json(response);
    expect(plan.separator).toBe(";");
    expect(plan.counts).toEqual({ create: 3, update: 0, unchanged: 0, errors: 3 });
    expect(plan.canConfirm).toBe(false);
    const problems = plan.rows.flatMap((row: { errors: { line: number; column: string; columnLabel: string; message: string }[] }) => row.errors);
    expect(problems).toEqual([
      { line: 5, column: "houseNumbers", columnLabel: "house numbers", message: expect.stringContaining("smaller than the last") },
      { line: 5, column: "postcode", columnLabel: "postcode", message: expect.stringContaining("not a Dutch postcode") },
      { line: 6, column: "code", columnLabel: "complex code", message: "The complex code OW-1 is also on line 2." },
      { line: 7, column: "neighbourhood", columnLabel: "neighbourhood", message: expect.stringContaining("Nergenshuizen") },
    ]);
    const dutch = await json(await preview(tenant.host, tenant.adminCookie, csv, { "accept-language": "nl" }));
    expect(dutch.plan.rows[4].errors[0].message).toBe("De complexcode OW-1 staat ook al op regel 2.");
    expect(await tenant.db.select().from(complexes)).toEqual([]);
  });

  it("refuses to import a file with errors (422, every problem listed), writing nothing; the fixed file imports; the same file again changes nothing", async () => {
    const tenant = await createFreshTenant();
    const broken = [...GOOD, 'OW-3;"Oudwijk blok 3;Kerkstraat;2-4;3511 AB;Oudwijk'].join("\n");
    const refused = await importCsv(tenant.host, tenant.adminCookie, broken);
    expect(refused.status).toBe(422);
    const { error } = await json(refused);
    expect(error.code).toBe("invalid_input");
    expect(error.details.plan.fileErrors).toEqual([expect.objectContaining({ line: 5, message: expect.stringContaining("aanhalingsteken") })]);
    const badRow = await importCsv(tenant.host, tenant.adminCookie, [...GOOD, "OW-3;Oudwijk blok 3;;7;;Oudwijk"].join("\n"));
    expect(badRow.status).toBe(422);
    expect((await json(badRow)).error.details.plan.rows[3].errors[0]).toMatchObject({ line: 5, column: "houseNumbers" });
    expect(await tenant.db.select().from(complexes)).toEqual([]);

    const fixed = [...GOOD, "OW-3;Oudwijk blok 3;Molenweg;7;;Oudwijk"].join("\n");
    const imported = await importCsv(tenant.host, tenant.adminCookie, fixed);
    expect(imported.status).toBe(200);
    expect((await json(imported)).imported).toEqual({ created: 4, updated: 0, unchanged: 0 });
    const rows = await tenant.db.select().from(complexes);
    expect(rows.map((row) => row.code).sort()).toEqual(["NB-1", "OW-1", "OW-2", "OW-3"]);
    expect(rows.find((row) => row.code === "OW-2")).toMatchObject({ postcode: "3511 AC", houseNumberFrom: 42, houseNumberTo: 60, address: "Kerkstraat 42–60", neighbourhoodId: tenant.neighbourhoods.oudwijk });
    const audited = await tenant.db.select().from(auditLog).where(eq(auditLog.action, "complex.imported"));
    expect(audited).toHaveLength(1);

    // The same file, as Excel on another machine writes it (commas, quotes, CRLF): nothing changes.
    const again = await importCsv(tenant.host, tenant.adminCookie, fixed);
    expect((await json(again)).imported).toEqual({ created: 0, updated: 0, unchanged: 4 });
    expect(await tenant.db.select().from(complexes)).toEqual(rows);
    expect(await tenant.db.select().from(auditLog).where(eq(auditLog.action, "complex.imported"))).toHaveLength(1);

    // One changed row is an update of that complex only (same id).
    const changed = fixed.replace("OW-3;Oudwijk blok 3;Molenweg;7", '"OW-3";"Oudwijk blok 3, hoek";Molenweg;7-9').replace(/;/g, ",").replace(/\n/g, "\r\n");
    const updated = await importCsv(tenant.host, tenant.adminCookie, changed);
    expect((await json(updated)).imported).toEqual({ created: 0, updated: 1, unchanged: 3 });
    const [ow3] = await tenant.db.select().from(complexes).where(eq(complexes.code, "OW-3"));
    expect(ow3).toMatchObject({ id: rows.find((row) => row.code === "OW-3")!.id, name: "Oudwijk blok 3, hoek", houseNumberFrom: 7, houseNumberTo: 9 });
  });

  it("refuses a moderator or resident (403), a body that is not JSON (415), a file that is too large, and imports into no other corporation", async () => {
    const tenant = await createFreshTenant();
    for (const email of ["mo@proef.example", "rik@proef.example"]) {
      const cookie = await login(tenant.host, email, NEW_PASSWORD);
      expect((await preview(tenant.host, cookie, GOOD.join("\n"))).status).toBe(403);
      expect((await importCsv(tenant.host, cookie, GOOD.join("\n"))).status).toBe(403);
    }
    const text = await call(tenant.host, "/api/complexes/import", { method: "POST", cookie: tenant.adminCookie, headers: { "content-type": "text/csv" }, body: GOOD.join("\n") });
    expect(text.status).toBe(415);
    const missing = await call(tenant.host, "/api/complexes/import", { method: "POST", cookie: tenant.adminCookie, json: {} });
    expect(missing.status).toBe(422);
    const huge = await preview(tenant.host, tenant.adminCookie, `${HEADER}\n${"x".repeat(500_001)}`);
    expect((await json(huge)).plan.fileErrors[0].message).toContain("te groot");
    // De Linde's neighbourhood names mean nothing in this corporation.
    const elsewhere = await json(await preview(tenant.host, tenant.adminCookie, `${HEADER}\nLH-Z;Flat Z;;;;Lindenhof`));
    expect(elsewhere.plan.rows[0].errors[0]).toMatchObject({ column: "neighbourhood" });
    expect(await tenant.db.select().from(complexes)).toEqual([]);
  });
});
