// Shared lookups of participation routes: the neighbourhood by slug, and what a member may do there.
import { eq } from "drizzle-orm";
import { AppError } from "@buurtplein/core";
import { tenantSchema, type TenantDb } from "@buurtplein/db";

const { neighbourhoods } = tenantSchema;

export async function neighbourhoodOr404(db: TenantDb, slug: string) {
  const [row] = await db.select().from(neighbourhoods).where(eq(neighbourhoods.slug, slug)).limit(1);
  if (!row) throw new AppError("not_found", { message: "apiErrors.neighbourhoods.notFound" });
  return row;
}

