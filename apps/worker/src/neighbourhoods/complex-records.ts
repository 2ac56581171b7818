// Complexes in a tenant database: checking typed input, the row values (with the address line that
// invite letters print), writing, and what the API shows of one.
import { eq } from "drizzle-orm";
import {
  AppError,
  checkComplexFields,
  complexAddress,
  formatHouseNumberRange,
  type ComplexFields,
  type MessageKey,
  type TComplexInput,
} from "@buurtplein/core";
import { isUniqueViolation, tenantSchema, type TenantDb } from "@buurtplein/db";

const { complexes } = tenantSchema;

export const ADMIN_ONLY = "apiErrors.neighbourhoodAdmin.adminOnly" satisfies MessageKey;

type ComplexRow = typeof complexes.$inferSelect;

/** The checked complex, or a 422 naming each wrong field. */
export function checkedComplex(input: TComplexInput): ComplexFields {
  const checked = checkComplexFields(input);
  if (!checked.ok) throw new AppError("invalid_input", { fields: checked.fields });
  return checked.complex;
}

/** The columns of a complex row for these fields. */
export function complexValues(complex: ComplexFields) {
  return {
    code: complex.code,
    name: complex.name,
    street: complex.street,
    houseNumberFrom: complex.houseNumbers?.from ?? null,
    houseNumberTo: complex.houseNumbers?.to ?? null,
    postcode: complex.postcode,
    address: complexAddress(complex),
  };
}

function codeTaken(): AppError {
  return new AppError("conflict", { message: "apiErrors.neighbourhoodAdmin.codeTaken", fields: { code: "apiErrors.neighbourhoodAdmin.codeTaken" } });
}

/** Inserts a complex; a code that is already used is a 409 on the code field. */
export async function insertComplex(db: TenantDb, values: typeof complexes.$inferInsert): Promise<void> {
  try {
    await db.insert(complexes).values(values);
  } catch (error) {
    if (isUniqueViolation(error, "complexes.code")) throw codeTaken();
    throw error;
  }
}

export async function updateComplex(db: TenantDb, id: string, values: Partial<typeof complexes.$inferInsert>): Promise<void> {
  try {
    await db.update(complexes).set(values).where(eq(complexes.id, id));
  } catch (error) {
    if (isUniqueViolation(error, "complexes.code")) throw codeTaken();
    throw error;
  }
}

export function presentComplex(row: ComplexRow, neighbourhood: { slug: string; name: string }) {
  const range = row.houseNumberFrom !== null && row.houseNumberTo !== null ? { from: row.houseNumberFrom, to: row.houseNumberTo } : null;
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    street: row.street,
    houseNumbers: formatHouseNumberRange(range) || null,
    postcode: row.postcode,
    address: row.address,
    neighbourhood: { slug: neighbourhood.slug, name: neighbourhood.name },
  };
}
