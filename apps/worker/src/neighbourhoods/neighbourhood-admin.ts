// Admins set up the corporation's neighbourhoods: create (slug from the name), change name, kind,
// town and description, archive and bring back, and add complexes (buildings) by hand. Mounted at
// /api/neighbourhoods next to the community routes (list and feed).
import { Hono } from "hono";
import { and, eq, like, ne, or } from "drizzle-orm";
import {
  AppError,
  ZComplexInput,
  ZCreateNeighbourhoodInput,
  ZUpdateNeighbourhoodInput,
  foldName,
  slugFromName,
  uniqueSlug,
} from "@buurtplein/core";
import { isUniqueViolation, tenantSchema, type TenantDb } from "@buurtplein/db";
import type { AppEnv } from "../env.ts";
import { audit } from "../lib/audit.ts";
import { parseInput, readJson } from "../lib/errors.ts";
import { requirePermission, tenantSite } from "../middleware/session.ts";
import { ADMIN_ONLY, checkedComplex, complexValues, insertComplex, presentComplex } from "./complex-records.ts";

const { neighbourhoods, complexes } = tenantSchema;

type NeighbourhoodRow = typeof neighbourhoods.$inferSelect;

export function presentNeighbourhood(row: NeighbourhoodRow) {
  return {
    slug: row.slug,
    name: row.name,
    kind: row.kind,
    city: row.city,
    description: row.description,
    archived: row.archivedAt !== null,
    archivedAt: row.archivedAt,
    createdAt: row.createdAt,
  };
}

async function findBySlug(db: TenantDb, slug: string): Promise<NeighbourhoodRow> {
  const [row] = await db.select().from(neighbourhoods).where(eq(neighbourhoods.slug, slug)).limit(1);
  if (!row) throw new AppError("not_found", { message: "apiErrors.neighbourhoods.notFound" });
  return row;
}

/** 409 when another neighbourhood has this name (compared without case, accents and extra spaces). */
async function assertNameFree(db: TenantDb, name: string, exceptId?: string): Promise<void> {
  const key = foldName(name);
  const rows = await db
    .select({ id: neighbourhoods.id, name: neighbourhoods.name, archivedAt: neighbourhoods.archivedAt })
    .from(neighbourhoods)
    .where(exceptId ? ne(neighbourhoods.id, exceptId) : undefined);
  const clash = rows.find((row) => foldName(row.name) === key);
  if (!clash) return;
  throw new AppError("conflict", {
    message: clash.archivedAt === null ? "apiErrors.neighbourhoodAdmin.nameTaken" : "apiErrors.neighbourhoodAdmin.nameTakenArchived",
    fields: { name: clash.archivedAt === null ? "apiErrors.neighbourhoodAdmin.nameTaken" : "apiErrors.neighbourhoodAdmin.nameTakenArchived" },
  });
}

export const neighbourhoodAdminRoutes = new Hono<AppEnv>()

// POST /api/neighbourhoods — an admin creates a neighbourhood; its slug is made from the name (unique)
.post("/", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requirePermission(c.get("actor"), "neighbourhood.manage", {}, ADMIN_ONLY);
  const input = parseInput(ZCreateNeighbourhoodInput, await readJson(c));
  await assertNameFree(site.db, input.name);
  const base = slugFromName(input.name);
  const taken = await site.db
    .select({ slug: neighbourhoods.slug })
    .from(neighbourhoods)
    .where(or(eq(neighbourhoods.slug, base), like(neighbourhoods.slug, `${base.slice(0, 50)}-%`)));
  const row = {
    id: crypto.randomUUID(),
    slug: uniqueSlug(base, taken.map((item) => item.slug)),
    name: input.name,
    kind: input.kind,
    city: input.city ?? null,
    description: input.description ?? null,
    archivedAt: null,
    createdAt: Date.now(),
  };
  try {
    await site.db.insert(neighbourhoods).values(row);
  } catch (error) {
    // Two admins at once: the unique slug refuses the second; they try again and get the next number.
    if (isUniqueViolation(error, "neighbourhoods.slug")) throw new AppError("conflict");
    throw error;
  }
  await audit(site.db, { actorId: actor.userId, action: "neighbourhood.created", subject: row.id, details: { slug: row.slug, name: row.name } });
  return c.json({ neighbourhood: presentNeighbourhood(row) }, 201);
})

// GET /api/neighbourhoods/:slug — an admin reads one neighbourhood (also archived) with its complexes
.get("/:slug", async (c) => {
  const site = tenantSite(c.get("site"));
  requirePermission(c.get("actor"), "neighbourhood.manage", {}, ADMIN_ONLY);
  const neighbourhood = await findBySlug(site.db, c.req.param("slug"));
  const rows = await site.db.select().from(complexes).where(eq(complexes.neighbourhoodId, neighbourhood.id)).orderBy(complexes.name);
  return c.json({ neighbourhood: presentNeighbourhood(neighbourhood), complexes: rows.map((row) => presentComplex(row, neighbourhood)) });
})

// PATCH /api/neighbourhoods/:slug — an admin renames or describes a neighbourhood (the slug stays, so links keep working)
.patch("/:slug", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requirePermission(c.get("actor"), "neighbourhood.manage", {}, ADMIN_ONLY);
  const neighbourhood = await findBySlug(site.db, c.req.param("slug"));
  const input = parseInput(ZUpdateNeighbourhoodInput, await readJson(c));
  if (input.name !== undefined && input.name !== neighbourhood.name) await assertNameFree(site.db, input.name, neighbourhood.id);
  const changes = {
    ...(input.name === undefined ? {} : { name: input.name }),
    ...(input.kind === undefined ? {} : { kind: input.kind }),
    ...(input.city === undefined ? {} : { city: input.city || null }),
    ...(input.description === undefined ? {} : { description: input.description || null }),
  };
  if (Object.keys(changes).length > 0) {
    await site.db.update(neighbourhoods).set(changes).where(eq(neighbourhoods.id, neighbourhood.id));
    await audit(site.db, { actorId: actor.userId, action: "neighbourhood.updated", subject: neighbourhood.id, details: { changed: Object.keys(changes) } });
  }
  return c.json({ neighbourhood: presentNeighbourhood({ ...neighbourhood, ...changes }) });
})

// POST /api/neighbourhoods/:slug/archive — an admin archives a neighbourhood: history kept, no new posts or members, hidden from lists
.post("/:slug/archive", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requirePermission(c.get("actor"), "neighbourhood.manage", {}, ADMIN_ONLY);
  const neighbourhood = await findBySlug(site.db, c.req.param("slug"));
  if (neighbourhood.archivedAt !== null) return c.json({ neighbourhood: presentNeighbourhood(neighbourhood) });
  const archivedAt = Date.now();
  await site.db.update(neighbourhoods).set({ archivedAt }).where(eq(neighbourhoods.id, neighbourhood.id));
  await audit(site.db, { actorId: actor.userId, action: "neighbourhood.archived", subject: neighbourhood.id, details: { slug: neighbourhood.slug } });
  return c.json({ neighbourhood: presentNeighbourhood({ ...neighbourhood, archivedAt }) });
})

// POST /api/neighbourhoods/:slug/unarchive — an admin lets an archived neighbourhood take part again
.post("/:slug/unarchive", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requirePermission(c.get("actor"), "neighbourhood.manage", {}, ADMIN_ONLY);
  const neighbourhood = await findBySlug(site.db, c.req.param("slug"));
  if (neighbourhood.archivedAt === null) return c.json({ neighbourhood: presentNeighbourhood(neighbourhood) });
  await site.db.update(neighbourhoods).set({ archivedAt: null }).where(eq(neighbourhoods.id, neighbourhood.id));
  await audit(site.db, { actorId: actor.userId, action: "neighbourhood.unarchived", subject: neighbourhood.id, details: { slug: neighbourhood.slug } });
  return c.json({ neighbourhood: presentNeighbourhood({ ...neighbourhood, archivedAt: null }) });
})

// POST /api/neighbourhoods/:slug/complexes — an admin adds a complex (building) to a neighbourhood by hand
.post("/:slug/complexes", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requirePermission(c.get("actor"), "neighbourhood.manage", {}, ADMIN_ONLY);
  const neighbourhood = await findBySlug(site.db, c.req.param("slug"));
  if (neighbourhood.archivedAt !== null) throw new AppError("neighbourhood_archived");
  const complex = checkedComplex(parseInput(ZComplexInput, await readJson(c)));
  const id = crypto.randomUUID();
  await insertComplex(site.db, { id, neighbourhoodId: neighbourhood.id, ...complexValues(complex) });
  await audit(site.db, { actorId: actor.userId, action: "complex.created", subject: id, details: { code: complex.code, neighbourhoodId: neighbourhood.id } });
  const [row] = await site.db.select().from(complexes).where(and(eq(complexes.id, id))).limit(1);
  return c.json({ complex: presentComplex(row!, neighbourhood) }, 201);
});
