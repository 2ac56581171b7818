// /api/signals: raising a concern (residents and staff), one's own signals with their broad status, a
// signal's page (signal-access.ts decides what each person sees), its state and internal notes, and the
// access log for the corporation's privacy officer. Signals never enter a feed, search, notification to
// other residents or another person's export.
import { Hono } from "hono";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { AppError, ZSignalInput, ZSignalNoteInput, ZSignalStatusInput, allowedActions, broadStatus, canTransition, type SignalStatus } from "@buurtplein/core";
import { tenantSchema } from "@buurtplein/db";
import type { AppEnv } from "../env.ts";
import { parseInput, readJson } from "../lib/errors.ts";
import { requireActor, requirePermission, tenantSite } from "../middleware/session.ts";
import { notify } from "../notifications/notify.ts";
import { careIdentity, openSignal, ownNotesCondition, reporterView, sealDetails, sealNote, unsealNote } from "./signal-access.ts";
import { routeFor, tellHandlers } from "./routing-store.ts";

const { signals, signalEvents, signalNotes, signalViews, neighbourhoods, complexes, partners, users } = tenantSchema;

export const signalRoutes = new Hono<AppEnv>()

// POST /api/signals { category, description, noticed?, neighbourhood, about, consent?, address?, complex?, contact? } → 201 { signal: { id, status } }
.post("/", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requireActor(c.get("actor"));
  const input = parseInput(ZSignalInput, await readJson(c));
  const [place] = await site.db
    .select({ id: neighbourhoods.id, archived: neighbourhoods.archivedAt })
    .from(neighbourhoods)
    .where(eq(neighbourhoods.slug, input.neighbourhood))
    .limit(1);
  if (!place || place.archived !== null) throw new AppError("not_found", { message: "apiErrors.care.unknownNeighbourhood" });
  requirePermission(actor, "signal.raise", { neighbourhoodId: place.id });
  if (input.complex) {
    const [building] = await site.db
      .select({ id: complexes.id })
      .from(complexes)
      .where(and(eq(complexes.neighbourhoodId, place.id), eq(complexes.code, input.complex.toUpperCase())))
      .limit(1);
    if (!building) throw new AppError("invalid_input", { fields: { complex: "validation.care.unknownComplex" } });
  }
  const route = await routeFor(site.db, { category: input.category, neighbourhoodId: place.id }, []);
  const id = crypto.randomUUID();
  const now = Date.now();
  const partnerId = route.kind === "organisation" ? route.partnerId : null;
  const details = { description: input.description, noticed: input.noticed, address: input.address, complex: input.complex?.toUpperCase(), contact: input.contact };
  await site.db.batch([
    site.db.insert(signals).values({
      id,
      reporterId: actor.userId,
      category: input.category,
      about: input.about,
      consent: input.consent,
      neighbourhoodId: place.id,
      details: await sealDetails(c.env, site, id, details),
      status: "new",
      partnerId,
      routingRuleId: route.kind === "organisation" ? route.ruleId : null,
      createdAt: now,
      updatedAt: now,
      routedAt: now,
    }),
    site.db.insert(signalEvents).values({ id: crypto.randomUUID(), signalId: id, actorId: actor.userId, partnerId, event: "routed", reason: route.kind === "organisation" ? `rule:${route.ruleId}` : "coordinator", createdAt: now }),
  ]);
  await tellHandlers(site.db, partnerId, id, "signal_new", actor.userId);
  return c.json({ signal: { id, status: broadStatus("new") } }, 201);
})

// GET /api/signals — the signals I raised: id, category and broad status only.
.get("/", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requireActor(c.get("actor"));
  const rows = await site.db
    .select({ id: signals.id, category: signals.category, status: signals.status, createdAt: signals.createdAt })
    .from(signals)
    .where(eq(signals.reporterId, actor.userId))
    .orderBy(desc(signals.createdAt))
    .limit(100);
  return c.json({ signals: rows.map(reporterView) });
})

// GET /api/signals/audit — the privacy officer: who viewed which signal's details, when. Never content.
.get("/audit", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requireActor(c.get("actor"));
  const identity = await careIdentity(site.db, actor);
  if (!identity.privacyOfficer) throw new AppError("forbidden", { message: "apiErrors.care.notPrivacyOfficer" });
  const rows = await site.db
    .select({
      signalId: signalViews.signalId,
      viewerId: signalViews.viewerId,
      viewerName: users.displayName,
      viewerRole: signalViews.viewerRole,
      organisation: partners.name,
      viewedAt: signalViews.viewedAt,
    })
    .from(signalViews)
    .leftJoin(users, eq(users.id, signalViews.viewerId))
    .leftJoin(partners, eq(partners.id, signalViews.partnerId))
    .orderBy(desc(signalViews.viewedAt))
    .limit(500);
  return c.json({ entries: rows });
})

// GET /api/signals/:id — details for its handlers (logged), id/category/broad status for its reporter, else 404.
.get("/:id", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requireActor(c.get("actor"));
  const opened = await openSignal(c.env, site, actor, c.req.param("id"));
  if (opened.access === "reporter") return c.json({ access: "reporter" as const, signal: opened.signal, notes: [], events: [] });
  const { signal, details, identity } = opened;
  const [place, organisation, notes, events] = await site.db.batch([
    site.db.select({ slug: neighbourhoods.slug, name: neighbourhoods.name }).from(neighbourhoods).where(eq(neighbourhoods.id, signal.neighbourhoodId)).limit(1),
    site.db.select({ name: partners.name }).from(partners).where(eq(partners.id, signal.partnerId ?? "")).limit(1),
    site.db
      .select({ id: signalNotes.id, body: signalNotes.body, author: users.displayName, createdAt: signalNotes.createdAt })
      .from(signalNotes)
      .leftJoin(users, eq(users.id, signalNotes.authorId))
      .where(ownNotesCondition(signal.id, identity))
      .orderBy(asc(signalNotes.createdAt)),
    site.db
      .select({ event: signalEvents.event, reason: signalEvents.reason, createdAt: signalEvents.createdAt })
      .from(signalEvents)
      .where(eq(signalEvents.signalId, signal.id))
      .orderBy(asc(signalEvents.createdAt)),
  ]);
  const status = signal.status as SignalStatus;
  return c.json({
    access: "handler" as const,
    signal: {
      ...reporterView(signal),
      status,
      broadStatus: broadStatus(status),
      about: signal.about,
      consent: signal.consent,
      neighbourhood: place[0] ?? null,
      organisation: organisation[0]?.name ?? null,
      routedBy: signal.routingRuleId ? "rule" : "coordinator",
      escalated: signal.escalatedAt !== null,
      details,
      acknowledgedAt: signal.acknowledgedAt,
      resolvedAt: signal.resolvedAt,
      closedAt: signal.closedAt,
      actions: allowedActions(status),
    },
    notes: await Promise.all(notes.map(async (note) => ({ ...note, body: await unsealNote(c.env, site, note.id, note.body) }))),
    // "not ours" reasons stay with the handlers; other organisations' names are not shown.
    events: events.map((row) => ({ event: row.event, reason: row.event === "not_ours" ? row.reason : null, createdAt: row.createdAt })),
  });
})

// POST /api/signals/:id/status { status, note? } — a handler moves it on; "not_ours" (with a reason) routes it again.
.post("/:id/status", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requireActor(c.get("actor"));
  const input = parseInput(ZSignalStatusInput, await readJson(c));
  const opened = await openSignal(c.env, site, actor, c.req.param("id"), "change");
  if (opened.access !== "handler") throw new AppError("not_found", { message: "apiErrors.care.notFound" });
  const { signal, identity } = opened;
  const from = signal.status as SignalStatus;
  if (!canTransition(from, input.status)) throw new AppError("conflict", { message: "apiErrors.care.invalidTransition", details: { from, to: input.status } });
  const now = Date.now();
  const unchanged = and(eq(signals.id, signal.id), eq(signals.status, from), signal.partnerId === null ? sql`${signals.partnerId} IS NULL` : eq(signals.partnerId, signal.partnerId));
  if (input.status === "not_ours") {
    const declined = signal.partnerId !== null ? [...new Set([...(signal.declinedBy ?? []), signal.partnerId])] : signal.declinedBy ?? [];
    const route = await routeFor(site.db, { category: signal.category as never, neighbourhoodId: signal.neighbourhoodId }, declined);
    const partnerId = route.kind === "organisation" ? route.partnerId : null;
    const [updated] = await site.db.batch([
      site.db
        .update(signals)
        .set({ status: "new", partnerId, routingRuleId: route.kind === "organisation" ? route.ruleId : null, declinedBy: declined, routedAt: now, acknowledgedAt: null, remindedAt: null, escalatedAt: null, updatedAt: now })
        .where(unchanged),
      site.db.insert(signalEvents).values([
        { id: crypto.randomUUID(), signalId: signal.id, actorId: actor.userId, partnerId: identity.partnerId, event: "not_ours", reason: input.note ?? null, createdAt: now },
        { id: crypto.randomUUID(), signalId: signal.id, actorId: actor.userId, partnerId, event: "routed", reason: route.kind === "organisation" ? `rule:${route.ruleId}` : "coordinator", createdAt: now + 1 },
      ]),
    ]);
    if (updated.rowsAffected !== 1) throw new AppError("conflict", { message: "apiErrors.care.changedMeanwhile" });
    await tellHandlers(site.db, partnerId, signal.id, "signal_new", actor.userId);
    return c.json({ signal: { id: signal.id, status: "new" as SignalStatus, routed: route.kind } });
  }
  const to = input.status;
  const stamps = to === "acknowledged" ? { acknowledgedAt: now } : to === "resolved" ? { resolvedAt: now } : to === "closed" ? { closedAt: now } : {};
  const writes = [
    site.db.update(signals).set({ status: to, updatedAt: now, ...stamps }).where(unchanged),
    site.db.insert(signalEvents).values({ id: crypto.randomUUID(), signalId: signal.id, actorId: actor.userId, partnerId: identity.partnerId, event: to, createdAt: now }),
  ] as const;
  const noteId = crypto.randomUUID();
  const [updated] = input.note
    ? await site.db.batch([...writes, site.db.insert(signalNotes).values({ id: noteId, signalId: signal.id, partnerId: identity.partnerId, authorId: actor.userId, body: await sealNote(c.env, site, noteId, input.note), createdAt: now })])
    : await site.db.batch(writes);
  if (updated.rowsAffected !== 1) throw new AppError("conflict", { message: "apiErrors.care.changedMeanwhile" });
  if (signal.reporterId && broadStatus(to) !== broadStatus(from)) {
    // Only the reporter is told, and only the broad status.
    await notify(site.db, { to: [signal.reporterId], kind: "signal_status", actorId: actor.userId, subjectId: signal.id, url: "/mijn-zorgen", params: { status: broadStatus(to) } });
  }
  return c.json({ signal: { id: signal.id, status: to } });
})

// POST /api/signals/:id/notes { body } — an internal note, visible only inside the handler's organisation.
.post("/:id/notes", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requireActor(c.get("actor"));
  const input = parseInput(ZSignalNoteInput, await readJson(c));
  const opened = await openSignal(c.env, site, actor, c.req.param("id"), "change");
  if (opened.access !== "handler") throw new AppError("not_found", { message: "apiErrors.care.notFound" });
  const id = crypto.randomUUID();
  const createdAt = Date.now();
  await site.db.insert(signalNotes).values({ id, signalId: opened.signal.id, partnerId: opened.identity.partnerId, authorId: actor.userId, body: await sealNote(c.env, site, id, input.body), createdAt });
  return c.json({ note: { id, body: input.body, createdAt } }, 201);
});
