// Neighbourhood invites: staff make links, codes, letters and posters; members invite a neighbour
// with a personal code (3 per calendar month).
import { Hono } from "hono";
import { and, count, desc, eq, gte, isNull } from "drizzle-orm";
import {
  AppError,
  PERSONAL_INVITE_MAX_USES,
  PERSONAL_INVITE_TTL_MS,
  PERSONAL_INVITES_PER_MONTH,
  ZCreateInviteInput,
  can,
  endOfAmsterdamDay,
  formatInviteCode,
  generateInviteCode,
  generateInviteToken,
  inviteState,
  personalInviteAllowance,
  type MessageKey,
} from "@buurtplein/core";
import { tenantSchema, type TenantDb } from "@buurtplein/db";
import { z } from "zod";
import type { Actor, AppEnv } from "../env.ts";
import { audit } from "../lib/audit.ts";
import { parseInput, readJson, readOptionalJson } from "../lib/errors.ts";
import { inviteLink, summarizeInvite } from "./invite-records.ts";
import { memberRoleFor } from "../identity/member-accounts.ts";
import { requireActor, requirePermission, tenantSite } from "../middleware/session.ts";
import { logoUrlOf } from "../branding/branding-view.ts";

const { invites, neighbourhoods, complexes, users } = tenantSchema;
const PAGE_SIZE = 20;
const STAFF_ONLY = "apiErrors.invites.staffOnly";

function fieldError(field: string, message: MessageKey): AppError {
  return new AppError("invalid_input", { fields: { [field]: message } });
}

/** A fresh token and code; codes are unique per corporation, so a (very rare) clash is retried. */
async function insertInvite(db: TenantDb, values: Omit<typeof invites.$inferInsert, "token" | "code">): Promise<{ token: string; code: string }> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const token = generateInviteToken();
    const code = generateInviteCode();
    const [clash] = await db.select({ id: invites.id }).from(invites).where(eq(invites.code, code)).limit(1);
    if (clash) continue;
    await db.insert(invites).values({ ...values, token, code });
    return { token, code };
  }
  throw new AppError("service_unavailable", { message: "apiErrors.invites.codeFailed" });
}

async function findNeighbourhoodBySlug(db: TenantDb, slug: string) {
  const [row] = await db.select().from(neighbourhoods).where(eq(neighbourhoods.slug, slug)).limit(1);
  return row ?? null;
}

/** How many personal invites this member has left this month, and the ones they made. */
async function personalInviteOverview(db: TenantDb, actor: Actor, origin: string, now: number) {
  const mine = await db
    .select({ invite: invites, neighbourhood: { slug: neighbourhoods.slug, name: neighbourhoods.name } })
    .from(invites)
    .innerJoin(neighbourhoods, eq(neighbourhoods.id, invites.neighbourhoodId))
    .where(and(eq(invites.createdById, actor.userId), eq(invites.kind, "personal"), gte(invites.createdAt, now - 62 * 24 * 60 * 60 * 1000)))
    .orderBy(desc(invites.createdAt));
  const allowance = personalInviteAllowance(
    mine.map((row) => row.invite.createdAt),
    now,
  );
  return {
    allowance: { limit: allowance.limit, used: allowance.used, remaining: allowance.remaining, resetsAt: allowance.resetsAt },
    invites: mine
      .filter((row) => row.invite.createdAt >= allowance.monthStart)
      .map((row) => ({ ...summarizeInvite(row.invite, row.neighbourhood, now), link: inviteLink(origin, row.invite.token) })),
  };
}

/** The neighbourhoods this member may invite neighbours to (archived ones take nobody new). */
async function invitableNeighbourhoods(db: TenantDb, actor: Actor) {
  if (actor.neighbourhoodIds.length === 0) return [];
  const rows = await db.select().from(neighbourhoods).orderBy(neighbourhoods.name);
  return rows.filter((row) => row.archivedAt === null && can(actor, "invite.personal", { neighbourhoodId: row.id }));
}

/** Whether this member's neighbourhood with this slug is archived (for a clear refusal instead of "not yours"). */
function isOwnArchivedNeighbourhood(actor: Actor, slug: string | undefined): boolean {
  return slug !== undefined && actor.memberships.some((membership) => membership.slug === slug && membership.status === "active" && membership.archived);
}

export const inviteRoutes = new Hono<AppEnv>()

// POST /api/invites — a moderator or admin creates a neighbourhood invite (link + code, for letters and posters)
.post("/", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requirePermission(c.get("actor"), "invite.manage", {}, STAFF_ONLY);
  const input = parseInput(ZCreateInviteInput, await readJson(c));
  const neighbourhood = await findNeighbourhoodBySlug(site.db, input.neighbourhood);
  if (!neighbourhood) throw fieldError("neighbourhood", "apiErrors.neighbourhoods.notFoundPickOne");
  if (neighbourhood.archivedAt !== null) throw new AppError("neighbourhood_archived");
  if (input.complexId) {
    const [complex] = await site.db.select({ id: complexes.id }).from(complexes).where(and(eq(complexes.id, input.complexId), eq(complexes.neighbourhoodId, neighbourhood.id))).limit(1);
    if (!complex) throw fieldError("complexId", "apiErrors.invites.complexNotInNeighbourhood");
  }
  if (input.role === "prospective" && neighbourhood.kind !== "new_build") {
    throw fieldError("role", "apiErrors.invites.prospectiveNeedsNewBuild");
  }
  const now = Date.now();
  const expiresAt = input.expiresOn ? endOfAmsterdamDay(input.expiresOn) : null;
  if (expiresAt !== null && expiresAt <= now) throw fieldError("expiresOn", "apiErrors.invites.expiryInPast");
  const id = crypto.randomUUID();
  const { code } = await insertInvite(site.db, {
    id,
    kind: "neighbourhood",
    neighbourhoodId: neighbourhood.id,
    complexId: input.complexId ?? null,
    role: input.role,
    label: input.label,
    createdById: actor.userId,
    expiresAt,
    maxUses: input.maxUses ?? null,
    uses: 0,
    createdAt: now,
  });
  await audit(site.db, { actorId: actor.userId, action: "invite.created", subject: id, details: { neighbourhoodId: neighbourhood.id, label: input.label } });
  return c.json({ invite: { id, code: formatInviteCode(code), state: "valid" as const, neighbourhood: { slug: neighbourhood.slug, name: neighbourhood.name } } }, 201);
})

// GET /api/invites?page= — staff list all invites (neighbourhood and personal) with state, uses and who made them, newest first
.get("/", async (c) => {
  const site = tenantSite(c.get("site"));
  requirePermission(c.get("actor"), "invite.manage", {}, STAFF_ONLY);
  const page = z.coerce.number().int().min(1).max(10_000).catch(1).parse(c.req.query("page") ?? "1");
  const rows = await site.db
    .select({ invite: invites, neighbourhood: { slug: neighbourhoods.slug, name: neighbourhoods.name }, creatorName: users.displayName, complexName: complexes.name })
    .from(invites)
    .innerJoin(neighbourhoods, eq(neighbourhoods.id, invites.neighbourhoodId))
    .leftJoin(users, eq(users.id, invites.createdById))
    .leftJoin(complexes, eq(complexes.id, invites.complexId))
    .orderBy(desc(invites.createdAt), desc(invites.id))
    .limit(PAGE_SIZE + 1)
    .offset((page - 1) * PAGE_SIZE);
  const now = Date.now();
  return c.json({
    invites: rows.slice(0, PAGE_SIZE).map((row) => ({
      ...summarizeInvite(row.invite, row.neighbourhood, now),
      // Null when the maker deleted their account.
      createdBy: row.creatorName === null ? null : { displayName: row.creatorName },
      complex: row.complexName === null ? null : { name: row.complexName },
    })),
    page,
    hasMore: rows.length > PAGE_SIZE,
  });
})

// GET /api/invites/personal — a member sees how many personal invites are left this month, and their codes
.get("/personal", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requireActor(c.get("actor"));
  const allowed = await invitableNeighbourhoods(site.db, actor);
  if (allowed.length === 0) throw new AppError("forbidden", { message: "apiErrors.invites.residentsOnly" });
  const overview = await personalInviteOverview(site.db, actor, new URL(c.req.url).origin, Date.now());
  return c.json({ neighbourhoods: allowed.map((row) => ({ slug: row.slug, name: row.name })), ...overview });
})

// POST /api/invites/personal — a member makes a personal code for one neighbour (1 use, 30 days; 3 per month)
.post("/personal", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requireActor(c.get("actor"));
  const input = parseInput(z.object({ neighbourhood: z.string().trim().max(80).optional() }), await readOptionalJson(c));
  const allowed = await invitableNeighbourhoods(site.db, actor);
  const neighbourhood = input.neighbourhood ? allowed.find((row) => row.slug === input.neighbourhood) : allowed.length === 1 ? allowed[0] : undefined;
  if (!neighbourhood && isOwnArchivedNeighbourhood(actor, input.neighbourhood)) throw new AppError("neighbourhood_archived");
  if (!neighbourhood) {
    if (allowed.length === 0) throw new AppError("forbidden", { message: "apiErrors.invites.residentsOnly" });
    if (input.neighbourhood) throw new AppError("forbidden", { message: "apiErrors.invites.ownNeighbourhoodOnly" });
    throw new AppError("invalid_input", { message: "apiErrors.invites.chooseNeighbourhood", fields: { neighbourhood: "validation.invite.neighbourhoodMissing" } });
  }
  requirePermission(actor, "invite.personal", { neighbourhoodId: neighbourhood.id }, "apiErrors.invites.ownNeighbourhoodOnly");

  const now = Date.now();
  const allowance = personalInviteAllowance([], now);
  const id = crypto.randomUUID();
  const token = generateInviteToken();
  // Insert only while fewer than the monthly limit exist: one statement, so two clicks at once cannot make a fourth.
  let inserted = false;
  for (let attempt = 0; attempt < 5 && !inserted; attempt++) {
    const code = generateInviteCode();
    const result = await site.client.execute({
      sql: `INSERT INTO invites (id, kind, token, code, neighbourhood_id, role, label, created_by_id, expires_at, max_uses, uses, created_at)
            SELECT ?, 'personal', ?, ?, ?, ?, ?, ?, ?, ?, 0, ?
            WHERE (SELECT count(*) FROM invites WHERE created_by_id = ? AND kind = 'personal' AND created_at >= ?) < ?
              AND NOT EXISTS (SELECT 1 FROM invites WHERE code = ?)`,
      args: [
        id,
        token,
        code,
        neighbourhood.id,
        memberRoleFor(neighbourhood.kind),
        `Persoonlijke uitnodiging van ${actor.displayName}`,
        actor.userId,
        now + PERSONAL_INVITE_TTL_MS,
        PERSONAL_INVITE_MAX_USES,
        now,
        actor.userId,
        allowance.monthStart,
        PERSONAL_INVITES_PER_MONTH,
        code,
      ],
    });
    if (result.rowsAffected === 1) {
      inserted = true;
      break;
    }
    const [{ used } = { used: 0 }] = await site.db
      .select({ used: count() })
      .from(invites)
      .where(and(eq(invites.createdById, actor.userId), eq(invites.kind, "personal"), gte(invites.createdAt, allowance.monthStart)));
    if (used >= PERSONAL_INVITES_PER_MONTH) {
      throw new AppError(
        "limit_reached",
        { message: "apiErrors.invites.monthlyLimit", params: { limit: PERSONAL_INVITES_PER_MONTH }, details: { limit: PERSONAL_INVITES_PER_MONTH, resetsAt: allowance.resetsAt } },
      );
    }
  }
  if (!inserted) throw new AppError("service_unavailable", { message: "apiErrors.invites.codeFailed" });
  const [row] = await site.db.select().from(invites).where(eq(invites.id, id)).limit(1);
  const overview = await personalInviteOverview(site.db, actor, new URL(c.req.url).origin, Date.now());
  return c.json(
    {
      invite: { ...summarizeInvite(row!, neighbourhood, now), link: inviteLink(new URL(c.req.url).origin, token) },
      allowance: overview.allowance,
    },
    201,
  );
})

// GET /api/invites/complexes — staff: the buildings per neighbourhood, to make an invite letter for one of them
.get("/complexes", async (c) => {
  const site = tenantSite(c.get("site"));
  requirePermission(c.get("actor"), "invite.manage", {}, STAFF_ONLY);
  const rows = await site.db
    .select({ id: complexes.id, name: complexes.name, address: complexes.address, neighbourhood: { slug: neighbourhoods.slug, name: neighbourhoods.name } })
    .from(complexes)
    .innerJoin(neighbourhoods, eq(neighbourhoods.id, complexes.neighbourhoodId))
    .where(isNull(neighbourhoods.archivedAt))
    .orderBy(neighbourhoods.name, complexes.name);
  return c.json({ complexes: rows });
})

// GET /api/invites/:id — one invite with its link, code and the corporation's branding (for the letter and poster)
.get("/:id", async (c) => {
  const site = tenantSite(c.get("site"));
  requirePermission(c.get("actor"), "invite.manage", {}, STAFF_ONLY);
  const [row] = await site.db
    .select({ invite: invites, neighbourhood: neighbourhoods })
    .from(invites)
    .innerJoin(neighbourhoods, eq(neighbourhoods.id, invites.neighbourhoodId))
    .where(eq(invites.id, c.req.param("id")))
    .limit(1);
  if (!row) throw new AppError("not_found", { message: "apiErrors.invites.notFound" });
  const [complex] = row.invite.complexId
    ? await site.db.select({ name: complexes.name, address: complexes.address }).from(complexes).where(eq(complexes.id, row.invite.complexId)).limit(1)
    : [];
  const settings = c.get("settings");
  const origin = new URL(c.req.url).origin;
  return c.json({
    invite: {
      ...summarizeInvite(row.invite, row.neighbourhood, Date.now()),
      token: row.invite.token,
      link: inviteLink(origin, row.invite.token),
      joinPage: `${origin}/doe-mee`,
    },
    neighbourhood: { slug: row.neighbourhood.slug, name: row.neighbourhood.name, kind: row.neighbourhood.kind, city: row.neighbourhood.city },
    complex: complex ?? null,
    branding: {
      displayName: settings?.displayName ?? site.tenant.name,
      primaryColor: settings?.primaryColor ?? "#1f6f5c",
      accentColor: settings?.accentColor ?? "#f2b134",
      logoUrl: logoUrlOf(settings),
      sponsorStatement: settings?.sponsorStatement ?? null,
    },
  });
})

// POST /api/invites/:id/revoke — staff stop an invite; nobody can join with it any more
.post("/:id/revoke", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requirePermission(c.get("actor"), "invite.manage", {}, STAFF_ONLY);
  const id = c.req.param("id");
  const [row] = await site.db
    .select({ invite: invites, neighbourhood: { slug: neighbourhoods.slug, name: neighbourhoods.name } })
    .from(invites)
    .innerJoin(neighbourhoods, eq(neighbourhoods.id, invites.neighbourhoodId))
    .where(eq(invites.id, id))
    .limit(1);
  if (!row) throw new AppError("not_found", { message: "apiErrors.invites.notFound" });
  const now = Date.now();
  if (row.invite.revokedAt === null) {
    await site.db.update(invites).set({ revokedAt: now }).where(eq(invites.id, id));
    await audit(site.db, { actorId: actor.userId, action: "invite.revoked", subject: id, details: { neighbourhoodId: row.invite.neighbourhoodId } });
  }
  const revoked = { ...row.invite, revokedAt: row.invite.revokedAt ?? now };
  return c.json({ invite: { ...summarizeInvite(revoked, row.neighbourhood, now), state: inviteState(revoked, now) } });
});
