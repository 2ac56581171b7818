// /api/care: the care partner's inbox (the signals routed to their organisation; the social
// coordinator's: those routed to them or escalated), and the corporation's routing rules and
// settings (admin). The inbox lists no content: details open one signal at a time (and are logged).
import { Hono } from "hono";
import { and, asc, desc, eq, inArray, isNotNull, isNull, or, sql } from "drizzle-orm";
import { AppError, DEFAULT_CARE_TIMINGS, DEFAULT_SIGNAL_RETENTION_MONTHS, ZRoutingRuleInput, broadStatus, type SignalStatus } from "@buurtplein/core";
import { tenantSchema } from "@buurtplein/db";
import { z } from "zod";
import type { AppEnv } from "../env.ts";
import { parseInput, readJson } from "../lib/errors.ts";
import { requireActor, requirePermission, tenantSite } from "../middleware/session.ts";
import { audit } from "../lib/audit.ts";
import { careIdentity } from "./signal-access.ts";

const { signals, partners, neighbourhoods, careRoutingRules, careSettings, users } = tenantSchema;

const ZCareSettingsInput = z
  .object({
    reminderWorkingDays: z.number().int().min(1).max(30),
    escalationWorkingDays: z.number().int().min(1).max(60),
    retentionMonths: z.number().int().min(1).max(60),
    coordinatorId: z.string().trim().min(1).max(80).nullable(),
    privacyOfficerId: z.string().trim().min(1).max(80).nullable(),
  })
  .strict()
  .refine((input) => input.escalationWorkingDays > input.reminderWorkingDays, { path: ["escalationWorkingDays"], message: "validation.care.escalationAfterReminder" });

export const careRoutes = new Hono<AppEnv>()

// GET /api/care/signals — the inbox: id, category, neighbourhood, state, dates; never the description.
.get("/signals", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requireActor(c.get("actor"));
  const identity = await careIdentity(site.db, actor);
  if (actor.role !== "care_partner" && !identity.coordinator) throw new AppError("forbidden", { message: "apiErrors.care.notHandler" });
  if (actor.role === "care_partner" && identity.partnerId === null) return c.json({ organisation: null, signals: [] });
  const mine = identity.partnerId !== null ? eq(signals.partnerId, identity.partnerId) : or(isNull(signals.partnerId), isNotNull(signals.escalatedAt));
  const [organisation, rows] = await site.db.batch([
    site.db.select({ name: partners.name }).from(partners).where(eq(partners.id, identity.partnerId ?? "")).limit(1),
    site.db
      .select({
        id: signals.id,
        category: signals.category,
        about: signals.about,
        status: signals.status,
        neighbourhood: neighbourhoods.name,
        createdAt: signals.createdAt,
        routedAt: signals.routedAt,
        acknowledgedAt: signals.acknowledgedAt,
        escalatedAt: signals.escalatedAt,
      })
      .from(signals)
      .innerJoin(neighbourhoods, eq(neighbourhoods.id, signals.neighbourhoodId))
      .where(mine)
      // Waiting first (new, then being handled), done last; newest first within each.
      .orderBy(sql`CASE ${signals.status} WHEN 'new' THEN 0 WHEN 'acknowledged' THEN 1 WHEN 'in_progress' THEN 2 ELSE 3 END`, desc(signals.routedAt))
      .limit(200),
  ]);
  return c.json({
    organisation: organisation[0]?.name ?? null,
    coordinator: identity.partnerId === null,
    signals: rows.map((row) => ({ ...row, status: row.status as SignalStatus, broadStatus: broadStatus(row.status as SignalStatus), escalated: row.escalatedAt !== null })),
  });
})

// GET /api/care/rules — admin: routing rules, settings, and what to choose from.
.get("/rules", async (c) => {
  const site = tenantSite(c.get("site"));
  requirePermission(c.get("actor"), "care.manage");
  const [rules, settings, organisations, places, staff] = await site.db.batch([
    site.db
      .select({ id: careRoutingRules.id, category: careRoutingRules.category, neighbourhood: neighbourhoods.name, neighbourhoodSlug: neighbourhoods.slug, organisation: partners.name, organisationId: partners.id })
      .from(careRoutingRules)
      .innerJoin(partners, eq(partners.id, careRoutingRules.partnerId))
      .leftJoin(neighbourhoods, eq(neighbourhoods.id, careRoutingRules.neighbourhoodId))
      .orderBy(asc(careRoutingRules.createdAt)),
    site.db.select().from(careSettings).where(eq(careSettings.id, 1)).limit(1),
    site.db.select({ id: partners.id, name: partners.name }).from(partners).where(eq(partners.kind, "care")).orderBy(asc(partners.name)),
    site.db.select({ slug: neighbourhoods.slug, name: neighbourhoods.name }).from(neighbourhoods).where(isNull(neighbourhoods.archivedAt)).orderBy(asc(neighbourhoods.name)),
    site.db.select({ id: users.id, name: users.displayName, role: users.role }).from(users).where(and(inArray(users.role, ["admin", "moderator"]), eq(users.status, "active"))).orderBy(asc(users.displayName)),
  ]);
  const current = settings[0];
  return c.json({
    rules,
    settings: {
      reminderWorkingDays: current?.reminderWorkingDays ?? DEFAULT_CARE_TIMINGS.reminderWorkingDays,
      escalationWorkingDays: current?.escalationWorkingDays ?? DEFAULT_CARE_TIMINGS.escalationWorkingDays,
      retentionMonths: current?.retentionMonths ?? DEFAULT_SIGNAL_RETENTION_MONTHS,
      coordinatorId: current?.coordinatorId ?? null,
      privacyOfficerId: current?.privacyOfficerId ?? null,
    },
    organisations,
    neighbourhoods: places,
    staff,
  });
})

// POST /api/care/rules { category|null, neighbourhood (slug)|null, organisationId } → 201
.post("/rules", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requirePermission(c.get("actor"), "care.manage");
  const input = parseInput(ZRoutingRuleInput, await readJson(c));
  const [organisation, place] = await site.db.batch([
    site.db.select({ id: partners.id }).from(partners).where(and(eq(partners.id, input.organisationId), eq(partners.kind, "care"))).limit(1),
    site.db.select({ id: neighbourhoods.id }).from(neighbourhoods).where(eq(neighbourhoods.slug, input.neighbourhood ?? "")).limit(1),
  ]);
  if (!organisation[0]) throw new AppError("invalid_input", { fields: { organisationId: "validation.care.unknownOrganisation" } });
  if (input.neighbourhood !== null && !place[0]) throw new AppError("invalid_input", { fields: { neighbourhood: "validation.care.unknownNeighbourhood" } });
  const id = crypto.randomUUID();
  await site.db.insert(careRoutingRules).values({ id, category: input.category, neighbourhoodId: place[0]?.id ?? null, partnerId: organisation[0].id });
  await audit(site.db, { actorId: actor.userId, action: "care.rule_created", subject: id, details: { category: input.category, neighbourhood: input.neighbourhood, organisationId: input.organisationId } });
  return c.json({ rule: { id } }, 201);
})

// DELETE /api/care/rules/:id
.delete("/rules/:id", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requirePermission(c.get("actor"), "care.manage");
  const result = await site.db.delete(careRoutingRules).where(eq(careRoutingRules.id, c.req.param("id")));
  if (result.rowsAffected !== 1) throw new AppError("not_found", { message: "apiErrors.care.ruleNotFound" });
  await audit(site.db, { actorId: actor.userId, action: "care.rule_removed", subject: c.req.param("id") });
  return c.json({ removed: true });
})

// PUT /api/care/settings { reminderWorkingDays, escalationWorkingDays, retentionMonths, coordinatorId, privacyOfficerId }
.put("/settings", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requirePermission(c.get("actor"), "care.manage");
  const input = parseInput(ZCareSettingsInput, await readJson(c));
  const people = [input.coordinatorId, input.privacyOfficerId].filter((id): id is string => id !== null);
  if (people.length > 0) {
    const found = await site.db.select({ id: users.id }).from(users).where(and(inArray(users.id, people), inArray(users.role, ["admin", "moderator"]), eq(users.status, "active")));
    for (const [field, id] of [["coordinatorId", input.coordinatorId], ["privacyOfficerId", input.privacyOfficerId]] as const) {
      if (id !== null && !found.some((row) => row.id === id)) throw new AppError("invalid_input", { fields: { [field]: "validation.care.notStaff" } });
    }
  }
  const values = { ...input, updatedAt: Date.now() };
  await site.db.insert(careSettings).values({ id: 1, ...values }).onConflictDoUpdate({ target: careSettings.id, set: values });
  await audit(site.db, { actorId: actor.userId, action: "care.settings_changed", details: { ...input } });
  return c.json({ settings: input });
});
