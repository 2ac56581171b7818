// Complexes (buildings) of the corporation, for admins: list, read and change one, and the CSV import
// (a preview first; the import itself writes only a file without errors, all rows in one batch).
import { Hono, type Context } from "hono";
import { eq } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { z } from "zod";
import {
  AppError,
  MAX_IMPORT_CHARACTERS,
  ZComplexInput,
  formatHouseNumberRange,
  planComplexImport,
  translate,
  type ComplexImportPlan,
  type ImportProblem,
  type Language,
  type MessageKey,
} from "@buurtplein/core";
import { isUniqueViolation, tenantSchema, type TenantDb } from "@buurtplein/db";
import type { AppEnv } from "../env.ts";
import { audit } from "../lib/audit.ts";
import { parseInput, readJson } from "../lib/errors.ts";
import { requestLanguage } from "../lib/language.ts";
import { requirePermission, tenantSite } from "../middleware/session.ts";
import { ADMIN_ONLY, checkedComplex, complexValues, presentComplex, updateComplex } from "./complex-records.ts";

const { complexes, neighbourhoods } = tenantSchema;

/** The file as text; the plan itself refuses one that is too large, with a message people understand. */
const ZImportInput = z.object({ csv: z.string({ error: "validation.complexImport.empty" }) });
/** A JSON body larger than this is refused before it is read (the file may be at most MAX_IMPORT_CHARACTERS). */
const MAX_IMPORT_BODY_BYTES = MAX_IMPORT_CHARACTERS * 4 + 1024;

async function findComplex(db: TenantDb, id: string) {
  const [row] = await db
    .select({ complex: complexes, neighbourhood: neighbourhoods })
    .from(complexes)
    .innerJoin(neighbourhoods, eq(neighbourhoods.id, complexes.neighbourhoodId))
    .where(eq(complexes.id, id))
    .limit(1);
  if (!row) throw new AppError("not_found", { message: "apiErrors.neighbourhoodAdmin.complexNotFound" });
  return row;
}

/** The plan of this file against the corporation's neighbourhoods and complexes as they are now. */
async function planImport(db: TenantDb, csv: string): Promise<ComplexImportPlan> {
  const [neighbourhoodRows, complexRows] = await db.batch([
    db.select({ id: neighbourhoods.id, slug: neighbourhoods.slug, name: neighbourhoods.name, archivedAt: neighbourhoods.archivedAt }).from(neighbourhoods),
    db
      .select({
        id: complexes.id,
        code: complexes.code,
        name: complexes.name,
        street: complexes.street,
        houseNumberFrom: complexes.houseNumberFrom,
        houseNumberTo: complexes.houseNumberTo,
        postcode: complexes.postcode,
        neighbourhoodId: complexes.neighbourhoodId,
      })
      .from(complexes),
  ]);
  return planComplexImport({
    csv,
    neighbourhoods: neighbourhoodRows.map(({ archivedAt, ...row }) => ({ ...row, archived: archivedAt !== null })),
    existing: complexRows,
  });
}

/** The plan as the API answers it: messages and column names in the reader's language. */
function presentPlan(plan: ComplexImportPlan, language: Language) {
  const problem = (item: ImportProblem) => ({
    line: item.line,
    column: item.column,
    columnLabel: item.column ? translate(language, `neighbourhoodAdmin.columns.${item.column}` as MessageKey) : null,
    message: translate(language, item.message, item.params),
  });
  return {
    separator: plan.separator,
    counts: plan.counts,
    canConfirm: plan.canConfirm,
    fileErrors: plan.fileErrors.map(problem),
    rows: plan.rows.map((row) => ({
      line: row.line,
      values: row.complex
        ? { ...row.values, code: row.complex.code, postcode: row.complex.postcode ?? "", houseNumbers: formatHouseNumberRange(row.complex.houseNumbers) }
        : row.values,
      action: row.action,
      neighbourhood: row.neighbourhood,
      errors: row.errors.map(problem),
    })),
  };
}

async function readImport(c: Context<AppEnv>) {
  const length = Number(c.req.header("content-length") ?? "0");
  if (length > MAX_IMPORT_BODY_BYTES) throw new AppError("payload_too_large");
  return parseInput(ZImportInput, await readJson(c));
}

export const complexRoutes = new Hono<AppEnv>()

// GET /api/complexes — an admin lists every complex with its neighbourhood (archived ones marked)
.get("/", async (c) => {
  const site = tenantSite(c.get("site"));
  requirePermission(c.get("actor"), "neighbourhood.manage", {}, ADMIN_ONLY);
  const rows = await site.db
    .select({ complex: complexes, neighbourhood: neighbourhoods })
    .from(complexes)
    .innerJoin(neighbourhoods, eq(neighbourhoods.id, complexes.neighbourhoodId))
    .orderBy(neighbourhoods.name, complexes.name);
  return c.json({ complexes: rows.map((row) => ({ ...presentComplex(row.complex, row.neighbourhood), neighbourhoodArchived: row.neighbourhood.archivedAt !== null })) });
})

// POST /api/complexes/import/preview — an admin sees what a CSV file would do, row by row, with its errors; nothing is written
.post("/import/preview", async (c) => {
  const site = tenantSite(c.get("site"));
  requirePermission(c.get("actor"), "neighbourhood.manage", {}, ADMIN_ONLY);
  const input = await readImport(c);
  const plan = await planImport(site.db, input.csv);
  return c.json({ plan: presentPlan(plan, await requestLanguage(c)) });
})

// POST /api/complexes/import — an admin confirms: a file without errors is written in one batch (code is the key:
// the same file again changes nothing); a file with errors → 422 with every problem, nothing written
.post("/import", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requirePermission(c.get("actor"), "neighbourhood.manage", {}, ADMIN_ONLY);
  const input = await readImport(c);
  const plan = await planImport(site.db, input.csv);
  if (plan.fileErrors.length > 0 || plan.counts.errors > 0) {
    throw new AppError("invalid_input", { message: "apiErrors.neighbourhoodAdmin.importHasErrors", details: { plan: presentPlan(plan, await requestLanguage(c)) } });
  }
  const statements: BatchItem<"sqlite">[] = [];
  for (const row of plan.rows) {
    if (!row.complex) continue;
    const values = { neighbourhoodId: row.complex.neighbourhoodId, ...complexValues(row.complex) };
    if (row.action === "create") statements.push(site.db.insert(complexes).values({ id: crypto.randomUUID(), ...values }));
    else if (row.action === "update" && row.existingId) statements.push(site.db.update(complexes).set(values).where(eq(complexes.id, row.existingId)));
  }
  if (statements.length > 0) {
    try {
      await site.db.batch(statements as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]);
    } catch (error) {
      // Someone added a complex with one of these codes since the plan was made: nothing was written.
      if (isUniqueViolation(error, "complexes.code")) throw new AppError("conflict");
      throw error;
    }
    await audit(site.db, { actorId: actor.userId, action: "complex.imported", details: { created: plan.counts.create, updated: plan.counts.update } });
  }
  return c.json({ imported: { created: plan.counts.create, updated: plan.counts.update, unchanged: plan.counts.unchanged } });
})

// GET /api/complexes/:id — an admin reads one complex
.get("/:id", async (c) => {
  const site = tenantSite(c.get("site"));
  requirePermission(c.get("actor"), "neighbourhood.manage", {}, ADMIN_ONLY);
  const { complex, neighbourhood } = await findComplex(site.db, c.req.param("id"));
  return c.json({ complex: presentComplex(complex, neighbourhood), neighbourhoodArchived: neighbourhood.archivedAt !== null });
})

// PATCH /api/complexes/:id — an admin changes a complex (fields left out stay as they are; `neighbourhood` moves it)
.patch("/:id", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requirePermission(c.get("actor"), "neighbourhood.manage", {}, ADMIN_ONLY);
  const { complex, neighbourhood } = await findComplex(site.db, c.req.param("id"));
  const input = parseInput(ZComplexInput, await readJson(c));
  let target = neighbourhood;
  if (input.neighbourhood && input.neighbourhood !== neighbourhood.slug) {
    const [other] = await site.db.select().from(neighbourhoods).where(eq(neighbourhoods.slug, input.neighbourhood)).limit(1);
    if (!other) throw new AppError("invalid_input", { fields: { neighbourhood: "apiErrors.neighbourhoods.notFoundPickOne" } });
    if (other.archivedAt !== null) throw new AppError("neighbourhood_archived");
    target = other;
  }
  const current = {
    code: complex.code,
    name: complex.name,
    street: complex.street,
    houseNumbers: formatHouseNumberRange(complex.houseNumberFrom !== null && complex.houseNumberTo !== null ? { from: complex.houseNumberFrom, to: complex.houseNumberTo } : null),
    postcode: complex.postcode,
  };
  const given = Object.fromEntries(Object.entries(input).filter(([key, value]) => key !== "neighbourhood" && value !== undefined));
  const fields = checkedComplex({ ...current, ...given });
  // A complex from before codes may have only an address line: it stays until a street is given.
  const values = { neighbourhoodId: target.id, ...complexValues(fields) };
  if (values.address === null && complex.street === null) values.address = complex.address;
  await updateComplex(site.db, complex.id, values);
  await audit(site.db, { actorId: actor.userId, action: "complex.updated", subject: complex.id, details: { code: fields.code } });
  return c.json({ complex: presentComplex({ ...complex, ...values }, target) });
});
