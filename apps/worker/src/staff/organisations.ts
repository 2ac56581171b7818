// Partner organisations (kind "local") and care organisations (kind "care"), managed by admins: name,
// kind, description, website and the neighbourhoods they serve (partner_neighbourhoods). Sponsors
// (kind "sponsor") live in the same table but are not managed here. An organisation that still has
// accounts is not removed, and does not change kind (its partners would belong to the wrong kind).
// Every change is written to the audit log.
import { Hono } from "hono";
import { and, asc, count, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import { AppError, ORGANISATION_KINDS, ZCreateOrganisationInput, ZUpdateOrganisationInput } from "@buurtplein/core";
import { tenantSchema, type TenantDb } from "@buurtplein/db";
import type { AppEnv } from "../env.ts";
import { parseInput, readJson } from "../lib/errors.ts";
import { requirePermission, tenantSite } from "../middleware/session.ts";
import { audit } from "../lib/audit.ts";
import { deleteFileIfUnused, fileUrl, readImageUpload, storeImage } from "../files/uploads.ts";

const { partners, partnerNeighbourhoods, neighbourhoods, users } = tenantSchema;

const ADMIN_ONLY = "apiErrors.organisations.adminOnly" as const;
const UUID = "[0-9a-fA-F-]{36}";
const isManagedKind = inArray(partners.kind, [...ORGANISATION_KINDS]);

function notFound(): AppError {
  return new AppError("not_found", { message: "apiErrors.organisations.notFound" });
}

/** The organisations (local and care), each with the neighbourhoods it serves and how many accounts belong to it. */
async function listOrganisations(db: TenantDb, id?: string) {
  const where = id ? and(isManagedKind, eq(partners.id, id)) : isManagedKind;
  const [rows, served, accounts] = await Promise.all([
    db.select().from(partners).where(where).orderBy(asc(partners.name), asc(partners.id)),
    db
      .select({ partnerId: partnerNeighbourhoods.partnerId, id: neighbourhoods.id, slug: neighbourhoods.slug, name: neighbourhoods.name })
      .from(partnerNeighbourhoods)
      .innerJoin(neighbourhoods, eq(neighbourhoods.id, partnerNeighbourhoods.neighbourhoodId))
      .where(id ? eq(partnerNeighbourhoods.partnerId, id) : undefined)
      .orderBy(asc(neighbourhoods.name)),
    db
      .select({ partnerId: users.partnerId, accounts: count() })
      .from(users)
      .where(id ? eq(users.partnerId, id) : sql`${users.partnerId} IS NOT NULL`)
      .groupBy(users.partnerId),
  ]);
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    kind: row.kind as (typeof ORGANISATION_KINDS)[number],
    description: row.description,
    website: row.website,
    logoUrl: fileUrl(row.logoKey),
    logoKey: row.logoKey,
    createdAt: row.createdAt,
    neighbourhoods: served.filter((item) => item.partnerId === row.id).map(({ partnerId: _partnerId, ...neighbourhood }) => neighbourhood),
    accounts: accounts.find((item) => item.partnerId === row.id)?.accounts ?? 0,
  }));
}

/** Neighbourhood slugs → ids; an unknown (or archived, or another corporation's) slug is a 422 on `neighbourhoods`. */
async function neighbourhoodIds(db: TenantDb, slugs: string[]): Promise<string[]> {
  if (slugs.length === 0) return [];
  const rows = await db
    .select({ id: neighbourhoods.id, slug: neighbourhoods.slug })
    .from(neighbourhoods)
    .where(and(inArray(neighbourhoods.slug, slugs), isNull(neighbourhoods.archivedAt)));
  if (rows.length !== slugs.length) throw new AppError("invalid_input", { fields: { neighbourhoods: "validation.organisation.neighbourhoodUnknown" } });
  return rows.map((row) => row.id);
}

/** No two organisations (of any kind, sponsors too) share a name, regardless of case. */
async function refuseTakenName(db: TenantDb, name: string, exceptId?: string): Promise<void> {
  const [taken] = await db
    .select({ id: partners.id })
    .from(partners)
    .where(and(sql`lower(${partners.name}) = lower(${name})`, exceptId ? ne(partners.id, exceptId) : undefined))
    .limit(1);
  if (taken) throw new AppError("organisation_name_taken", { message: "apiErrors.organisations.nameTaken", fields: { name: "apiErrors.organisations.nameTaken" } });
}

export const organisationRoutes = new Hono<AppEnv>()

// GET /api/organisations — admins: the partner and care organisations, with their neighbourhoods and accounts
.get("/", async (c) => {
  const site = tenantSite(c.get("site"));
  requirePermission(c.get("actor"), "organisation.manage", {}, ADMIN_ONLY);
  return c.json({ organisations: await listOrganisations(site.db) });
})

// GET /api/organisations/:id — one organisation, with the accounts that belong to it
.get(`/:id{${UUID}}`, async (c) => {
  const site = tenantSite(c.get("site"));
  requirePermission(c.get("actor"), "organisation.manage", {}, ADMIN_ONLY);
  const id = c.req.param("id");
  const [organisation] = await listOrganisations(site.db, id);
  if (!organisation) throw notFound();
  const people = await site.db.select({ id: users.id, displayName: users.displayName, role: users.role }).from(users).where(eq(users.partnerId, id)).orderBy(asc(users.displayName));
  return c.json({ organisation, people });
})

// POST /api/organisations — a new partner or care organisation
.post("/", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requirePermission(c.get("actor"), "organisation.manage", {}, ADMIN_ONLY);
  const input = parseInput(ZCreateOrganisationInput, await readJson(c));
  await refuseTakenName(site.db, input.name);
  const served = await neighbourhoodIds(site.db, input.neighbourhoods);
  const id = crypto.randomUUID();
  await site.db.batch([
    site.db.insert(partners).values({ id, name: input.name, kind: input.kind, description: input.description ?? null, website: input.website ?? null }),
    ...served.map((neighbourhoodId) => site.db.insert(partnerNeighbourhoods).values({ partnerId: id, neighbourhoodId })),
  ]);
  await audit(site.db, { actorId: actor.userId, action: "organisation.created", subject: id, details: { name: input.name, kind: input.kind, neighbourhoods: input.neighbourhoods } });
  const [organisation] = await listOrganisations(site.db, id);
  return c.json({ organisation: organisation! }, 201);
})

// PATCH /api/organisations/:id — change what is given; `neighbourhoods` replaces the list served
.patch(`/:id{${UUID}}`, async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requirePermission(c.get("actor"), "organisation.manage", {}, ADMIN_ONLY);
  const id = c.req.param("id");
  const input = parseInput(ZUpdateOrganisationInput, await readJson(c));
  const [before] = await listOrganisations(site.db, id);
  if (!before) throw notFound();
  if (input.name !== undefined) await refuseTakenName(site.db, input.name, id);
  if (input.kind !== undefined && input.kind !== before.kind && before.accounts > 0) {
    throw new AppError("organisation_in_use", { message: "apiErrors.organisations.kindInUse", params: { count: before.accounts }, details: { accounts: before.accounts } });
  }
  const served = input.neighbourhoods === undefined ? undefined : await neighbourhoodIds(site.db, input.neighbourhoods);
  const changes = {
    ...(input.name === undefined ? {} : { name: input.name }),
    ...(input.kind === undefined ? {} : { kind: input.kind }),
    ...(input.description === undefined ? {} : { description: input.description || null }),
    ...(input.website === undefined ? {} : { website: input.website || null }),
  };
  // The kind only changes while no account belongs here (checked again in the statement itself).
  const kindGuard = input.kind !== undefined && input.kind !== before.kind ? sql`NOT EXISTS (SELECT 1 FROM ${users} WHERE ${users.partnerId} = ${id})` : undefined;
  const [updated] = await site.db.batch([
    Object.keys(changes).length > 0
      ? site.db.update(partners).set(changes).where(and(eq(partners.id, id), isManagedKind, kindGuard)).returning({ id: partners.id })
      : site.db.select({ id: partners.id }).from(partners).where(eq(partners.id, id)),
    ...(served === undefined
      ? []
      : [
          site.db.delete(partnerNeighbourhoods).where(eq(partnerNeighbourhoods.partnerId, id)),
          ...served.map((neighbourhoodId) => site.db.insert(partnerNeighbourhoods).values({ partnerId: id, neighbourhoodId })),
        ]),
  ]);
  if ((updated as unknown[]).length === 0) throw new AppError("organisation_in_use", { message: "apiErrors.organisations.kindInUse", params: { count: 1 } });
  await audit(site.db, {
    actorId: actor.userId,
    action: "organisation.updated",
    subject: id,
    details: { ...changes, ...(input.neighbourhoods === undefined ? {} : { neighbourhoods: input.neighbourhoods }) },
  });
  const [organisation] = await listOrganisations(site.db, id);
  return c.json({ organisation: organisation! });
})

// POST /api/organisations/:id/remove — only when no account belongs to it any more (409 organisation_in_use)
.post(`/:id{${UUID}}/remove`, async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requirePermission(c.get("actor"), "organisation.manage", {}, ADMIN_ONLY);
  const id = c.req.param("id");
  const [organisation] = await listOrganisations(site.db, id);
  if (!organisation) throw notFound();
  const inUse = () => new AppError("organisation_in_use", { message: "apiErrors.organisations.inUse", params: { count: organisation.accounts }, details: { accounts: organisation.accounts } });
  if (organisation.accounts > 0) throw inUse();
  // In one statement with the check: a partner invited meanwhile keeps their organisation.
  const noAccounts = sql`NOT EXISTS (SELECT 1 FROM ${users} WHERE ${users.partnerId} = ${id})`;
  const [, removed] = await site.db.batch([
    site.db.delete(partnerNeighbourhoods).where(and(eq(partnerNeighbourhoods.partnerId, id), noAccounts)),
    site.db.delete(partners).where(and(eq(partners.id, id), isManagedKind, noAccounts)).returning({ id: partners.id }),
  ]);
  if (removed.length === 0) throw inUse();
  await deleteFileIfUnused(c, site, organisation.logoKey);
  await audit(site.db, { actorId: actor.userId, action: "organisation.removed", subject: id, details: { name: organisation.name, kind: organisation.kind } });
  return c.json({ ok: true });
})

// PUT /api/organisations/:id/logo — the organisation's logo as the raw body (the same checks as the
// corporation's logo: PNG, JPEG or WebP by content, at most 1 MB; files/uploads.ts)
.put(`/:id{${UUID}}/logo`, async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requirePermission(c.get("actor"), "organisation.manage", {}, ADMIN_ONLY);
  const id = c.req.param("id");
  const [organisation] = await listOrganisations(site.db, id);
  if (!organisation) throw notFound();
  const image = await readImageUpload(c);
  const key = await storeImage(c, site, "organisation-logos", image);
  await site.db.update(partners).set({ logoKey: key }).where(and(eq(partners.id, id), isManagedKind));
  if (organisation.logoKey !== key) await deleteFileIfUnused(c, site, organisation.logoKey);
  await audit(site.db, { actorId: actor.userId, action: "organisation.logo", subject: id, details: { uploaded: key, type: image.type, bytes: image.bytes.byteLength } });
  const [saved] = await listOrganisations(site.db, id);
  return c.json({ organisation: saved! });
})

// DELETE /api/organisations/:id/logo — the organisation without a logo
.delete(`/:id{${UUID}}/logo`, async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requirePermission(c.get("actor"), "organisation.manage", {}, ADMIN_ONLY);
  const id = c.req.param("id");
  const [organisation] = await listOrganisations(site.db, id);
  if (!organisation) throw notFound();
  await site.db.update(partners).set({ logoKey: null }).where(and(eq(partners.id, id), isManagedKind));
  await deleteFileIfUnused(c, site, organisation.logoKey);
  await audit(site.db, { actorId: actor.userId, action: "organisation.logo", subject: id, details: { removed: organisation.logoKey } });
  const [saved] = await listOrganisations(site.db, id);
  return c.json({ organisation: saved! });
});
