// Reports and moderation: members report a post, reply or member; ambassadors (their own
// neighbourhood) and moderators and admins (everywhere) work through one queue and hide, restore, warn
// or suspend, each with a reason the author reads in plain words and may appeal once (to another
// moderator where possible). Every decision is in the audit log and tells the author
// (moderation_outcome). What readers see of hidden items is decided in community/post-access.ts.
import { Hono } from "hono";
import { and, eq, isNull } from "drizzle-orm";
import {
  AppError,
  can,
  chooseAppealReviewer,
  DAY_MS,
  isStaff,
  KINDNESS_WORD_LENGTH_MAX,
  KINDNESS_WORDS_MAX,
  parseKindnessWords,
  PUBLIC_RECORD_DAYS,
  publicCount,
  suspensionEnd,
  ZAppealInput,
  ZContentDecisionInput,
  ZReportInput,
  ZSuspendMemberInput,
  ZWarnInput,
  type ModerationAction,
} from "@buurtplein/core";
import { z } from "zod";
import { tenantSchema, type TenantDb } from "@buurtplein/db";
import type { Actor, AppEnv } from "../env.ts";
import { audit } from "../lib/audit.ts";
import { parseInput, readJson } from "../lib/errors.ts";
import { requireActor, requirePermission, tenantSite } from "../middleware/session.ts";
import { hitContentLimit } from "../community/content-rate-limits.ts";
import { readablePost, readableReplies, readerOf } from "../community/post-access.ts";
import { notify } from "../notifications/notify.ts";
import {
  appealReviewersQuery,
  decisionsAboutQuery,
  findTarget,
  openAppealsQuery,
  publicRecordQuery,
  queueQuery,
  type TargetFacts,
} from "./moderation-queries.ts";

const { posts, replies, reports, moderationActions, neighbourhoods, tenantSettings } = tenantSchema;

function targetNotFound(): AppError {
  return new AppError("not_found", { message: "apiErrors.moderation.targetNotFound" });
}

/** Staff or an ambassador: someone with a queue at all (which neighbourhoods: can()). */
function requireModerator(actor: Actor | null): Actor {
  const known = requireActor(actor);
  if (!isStaff(known.role) && known.role !== "ambassador") throw new AppError("forbidden", { message: "apiErrors.moderation.notModerator" });
  return known;
}

/** May this moderator act on something in (one of) these neighbourhoods? */
function assertMayAct(actor: Actor, target: TargetFacts): void {
  if (!target.neighbourhoodIds.some((neighbourhoodId) => can(actor, "moderation.act", { neighbourhoodId }))) {
    throw new AppError("forbidden", { message: "apiErrors.moderation.outsideNeighbourhood" });
  }
}

/** Whether the reporter may read this post or reply (the same rule as every other read). */
async function reporterMayRead(db: TenantDb, actor: Actor, target: TargetFacts): Promise<boolean> {
  if (!can(actor, "feed.read", { neighbourhoodId: target.neighbourhoodId ?? undefined })) return false;
  const reader = readerOf(actor);
  if (target.type === "post") {
    const rows = await db.select({ id: posts.id }).from(posts).where(and(eq(posts.id, target.id), readablePost(reader)));
    return rows.length === 1;
  }
  const rows = await db
    .select({ id: replies.id })
    .from(replies)
    .innerJoin(posts, eq(posts.id, replies.postId))
    .where(and(eq(replies.id, target.id), readableReplies(reader), readablePost(reader)));
  return rows.length === 1;
}

/** Records one decision: the action row, the reports it settles, the audit entry, the author's notification. */
async function decide(
  db: TenantDb,
  actor: Actor,
  target: TargetFacts,
  decision: { action: ModerationAction; reason: string; houseRule?: number; until?: number },
) {
  const id = crypto.randomUUID();
  const now = Date.now();
  const statements = [
    db.insert(moderationActions).values({
      id,
      action: decision.action,
      targetType: target.type,
      targetId: target.id,
      subjectUserId: target.authorId,
      neighbourhoodId: target.neighbourhoodId,
      reason: decision.reason,
      houseRule: decision.houseRule ?? null,
      until: decision.until ?? null,
      moderatorId: actor.userId,
      createdAt: now,
    }),
    db.update(reports).set({ status: "handled", handledAt: now }).where(and(eq(reports.targetType, target.type), eq(reports.targetId, target.id), eq(reports.status, "open"))),
  ] as const;
  const status = decision.action === "hide" ? "hidden" : decision.action === "restore" ? "published" : null;
  if (status && target.type === "post") await db.batch([...statements, db.update(posts).set({ status, updatedAt: now }).where(eq(posts.id, target.id))]);
  else if (status && target.type === "reply") await db.batch([...statements, db.update(replies).set({ status, updatedAt: now }).where(eq(replies.id, target.id))]);
  else await db.batch([...statements]);
  await audit(db, {
    actorId: actor.userId,
    action: `moderation.${decision.action}`,
    subject: target.id,
    details: { decisionId: id, targetType: target.type, reason: decision.reason, houseRule: decision.houseRule ?? null, until: decision.until ?? null },
  });
  if (target.authorId) {
    await notify(db, {
      to: [target.authorId],
      kind: "moderation_outcome",
      neighbourhoodId: target.neighbourhoodId,
      actorId: actor.userId,
      subjectId: id,
      url: "/account/moderatie",
      params: { title: target.type === "member" ? "" : (target.title ?? ""), outcome: decision.reason },
    });
  }
  return { id, action: decision.action, targetType: target.type, targetId: target.id, reason: decision.reason, houseRule: decision.houseRule ?? null, until: decision.until ?? null, createdAt: now };
}

/** POST /api/reports — anyone in the neighbourhood reports a post, reply or member there. */
export const reportRoutes = new Hono<AppEnv>().post("/", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requireActor(c.get("actor"));
  const input = parseInput(ZReportInput, await readJson(c));
  const target = await findTarget(site.db, input.targetType, input.targetId);
  if (!target) throw targetNotFound();
  // What the reporter cannot read does not exist for them (404), like every other read.
  if (target.type === "member") {
    if (!target.neighbourhoodIds.some((neighbourhoodId) => can(actor, "feed.read", { neighbourhoodId }))) throw targetNotFound();
  } else if (!(await reporterMayRead(site.db, actor, target))) throw targetNotFound();
  const where = target.neighbourhoodIds.find((neighbourhoodId) => can(actor, "moderation.report", { neighbourhoodId }));
  if (!where) throw new AppError("forbidden", { message: "apiErrors.moderation.cannotReport" });
  if (target.authorId === actor.userId) throw new AppError("bad_request", { message: "apiErrors.moderation.ownContent" });
  const [existing] = await site.db
    .select({ id: reports.id })
    .from(reports)
    .where(and(eq(reports.reporterId, actor.userId), eq(reports.targetType, target.type), eq(reports.targetId, target.id)));
  if (existing) throw new AppError("already_reported");
  await hitContentLimit(site.client, "report", actor.userId);
  const report = { id: crypto.randomUUID(), reporterId: actor.userId, targetType: target.type, targetId: target.id, neighbourhoodId: where, reason: input.reason, houseRule: input.houseRule ?? null, createdAt: Date.now() };
  try {
    await site.db.insert(reports).values(report);
  } catch (error) {
    if (/UNIQUE/i.test(String((error as { cause?: unknown }).cause ?? error))) throw new AppError("already_reported");
    throw error;
  }
  return c.json({ report: { id: report.id, targetType: report.targetType, targetId: report.targetId, status: "open" as const, createdAt: report.createdAt } }, 201);
});

const ZAppealDecisionInput = z.object({
  outcome: z.enum(["upheld", "overturned"], { error: "validation.moderation.outcomeInvalid" }),
  reason: ZAppealInput.shape.body,
});

const ZWordListInput = z.object({
  words: z
    .string({ error: "validation.moderation.wordsInvalid" })
    .max(KINDNESS_WORDS_MAX * (KINDNESS_WORD_LENGTH_MAX + 2), "validation.moderation.wordsInvalid")
    .nullable()
    .refine((value) => value === null || parseKindnessWords(value).length <= KINDNESS_WORDS_MAX, "validation.moderation.wordsInvalid")
    .refine((value) => value === null || parseKindnessWords(value).every((word) => word.length <= KINDNESS_WORD_LENGTH_MAX), "validation.moderation.wordsInvalid"),
});

const DECISION_ID = /^[\w-]{1,64}$/;

export const moderationRoutes = new Hono<AppEnv>()

// GET /api/moderation/queue — open reports (per target) of the neighbourhoods this person moderates,
// and for staff the appeals waiting (theirs first).
.get("/queue", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requireModerator(c.get("actor"));
  const scope = isStaff(actor.role) ? null : actor.neighbourhoodIds.filter((neighbourhoodId) => can(actor, "moderation.act", { neighbourhoodId }));
  const [items, appeals] = await Promise.all([queueQuery(site.db, scope), isStaff(actor.role) ? openAppealsQuery(site.db, actor.userId) : Promise.resolve([])]);
  return c.json({
    items: items.map(({ reasons, ...item }) => ({ ...item, reasons: JSON.parse(reasons) as { reason: string; houseRule: number | null }[] })),
    appeals,
  });
})

// POST /api/moderation/hide { targetType, targetId, reason, houseRule? } — gone for everyone but its author.
.post("/hide", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requireModerator(c.get("actor"));
  const input = parseInput(ZContentDecisionInput, await readJson(c));
  const target = await findTarget(site.db, input.targetType, input.targetId);
  if (!target) throw targetNotFound();
  assertMayAct(actor, target);
  if (target.status !== "published") throw new AppError("conflict", { message: "apiErrors.moderation.alreadyHidden" });
  return c.json({ decision: await decide(site.db, actor, target, { action: "hide", reason: input.reason, houseRule: input.houseRule }) });
})

// POST /api/moderation/restore { targetType, targetId, reason } — back for everyone.
.post("/restore", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requireModerator(c.get("actor"));
  const input = parseInput(ZContentDecisionInput, await readJson(c));
  const target = await findTarget(site.db, input.targetType, input.targetId);
  if (!target) throw targetNotFound();
  assertMayAct(actor, target);
  if (target.status !== "hidden") throw new AppError("conflict", { message: "apiErrors.moderation.notHidden" });
  return c.json({ decision: await decide(site.db, actor, target, { action: "restore", reason: input.reason, houseRule: input.houseRule }) });
})

// POST /api/moderation/warn { userId, reason, houseRule? } — a warning in plain words; nothing blocked.
.post("/warn", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requireModerator(c.get("actor"));
  const input = parseInput(ZWarnInput, await readJson(c));
  const target = await findTarget(site.db, "member", input.userId);
  if (!target) throw targetNotFound();
  assertMayAct(actor, target);
  if (target.id === actor.userId) throw new AppError("forbidden", { message: "apiErrors.moderation.notYourself" });
  return c.json({ decision: await decide(site.db, actor, target, { action: "warn", reason: input.reason, houseRule: input.houseRule }) });
})

// POST /api/moderation/suspend { userId, reason, houseRule?, days } — no posts, replies or reactions until the end.
.post("/suspend", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requireModerator(c.get("actor"));
  const input = parseInput(ZSuspendMemberInput, await readJson(c));
  const target = await findTarget(site.db, "member", input.userId);
  if (!target) throw targetNotFound();
  assertMayAct(actor, target);
  if (target.id === actor.userId) throw new AppError("forbidden", { message: "apiErrors.moderation.notYourself" });
  const until = suspensionEnd(Date.now(), input.days);
  return c.json({ decision: await decide(site.db, actor, target, { action: "suspend", reason: input.reason, houseRule: input.houseRule, until }) });
})

// GET /api/moderation/mine — the decisions about me, with their reasons and appeal state.
.get("/mine", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requireActor(c.get("actor"));
  const decisions = await decisionsAboutQuery(site.db, actor.userId);
  return c.json({ decisions: decisions.map((decision) => ({ ...decision, mayAppeal: decision.appealedAt === null })) });
})

// POST /api/moderation/decisions/:id/appeal { body } — once per decision, by the one it is about.
.post("/decisions/:id/appeal", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requireActor(c.get("actor"));
  const id = c.req.param("id");
  if (!DECISION_ID.test(id)) throw new AppError("not_found", { message: "apiErrors.moderation.decisionNotFound" });
  const input = parseInput(ZAppealInput, await readJson(c));
  const [decision] = await site.db.select().from(moderationActions).where(and(eq(moderationActions.id, id), eq(moderationActions.subjectUserId, actor.userId)));
  if (!decision || decision.action === "restore") throw new AppError("not_found", { message: "apiErrors.moderation.decisionNotFound" });
  if (decision.appealedAt !== null) throw new AppError("already_appealed");
  const reviewer = chooseAppealReviewer((await appealReviewersQuery(site.db)).map((row) => row.id), decision.moderatorId);
  const now = Date.now();
  const updated = await site.db
    .update(moderationActions)
    .set({ appealBody: input.body, appealedAt: now, appealReviewerId: reviewer })
    .where(and(eq(moderationActions.id, id), isNull(moderationActions.appealedAt)))
    .returning({ id: moderationActions.id });
  if (updated.length === 0) throw new AppError("already_appealed");
  await audit(site.db, { actorId: actor.userId, action: "moderation.appealed", subject: id, details: { reviewerId: reviewer } });
  return c.json({ appeal: { decisionId: id, appealedAt: now, status: "waiting" as const } }, 201);
})

// POST /api/moderation/decisions/:id/appeal/decide { outcome: upheld | overturned, reason } — staff decide
// an appeal; overturned restores the item or ends the suspension.
.post("/decisions/:id/appeal/decide", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requireModerator(c.get("actor"));
  if (!isStaff(actor.role)) throw new AppError("forbidden", { message: "apiErrors.moderation.appealsForStaff" });
  const id = c.req.param("id");
  if (!DECISION_ID.test(id)) throw new AppError("not_found", { message: "apiErrors.moderation.decisionNotFound" });
  const input = parseInput(ZAppealDecisionInput, await readJson(c));
  const [decision] = await site.db.select().from(moderationActions).where(eq(moderationActions.id, id));
  if (!decision) throw new AppError("not_found", { message: "apiErrors.moderation.decisionNotFound" });
  if (decision.appealedAt === null || decision.appealOutcome !== null) throw new AppError("conflict", { message: "apiErrors.moderation.noOpenAppeal" });
  const now = Date.now();
  const updated = await site.db
    .update(moderationActions)
    .set({ appealOutcome: input.outcome, appealDecisionReason: input.reason, appealDecidedAt: now, ...(input.outcome === "overturned" && decision.action === "suspend" ? { until: now } : {}) })
    .where(and(eq(moderationActions.id, id), isNull(moderationActions.appealOutcome)))
    .returning({ id: moderationActions.id });
  if (updated.length === 0) throw new AppError("conflict", { message: "apiErrors.moderation.noOpenAppeal" });
  await audit(site.db, { actorId: actor.userId, action: `moderation.appeal_${input.outcome}`, subject: id, details: { reason: input.reason } });
  if (input.outcome === "overturned" && decision.action === "hide") {
    const target = await findTarget(site.db, decision.targetType as "post" | "reply", decision.targetId);
    if (target && target.status === "hidden") await decide(site.db, actor, target, { action: "restore", reason: input.reason });
  } else if (decision.subjectUserId) {
    await notify(site.db, { to: [decision.subjectUserId], kind: "moderation_outcome", actorId: actor.userId, subjectId: id, url: "/account/moderatie", params: { title: "", outcome: input.reason } });
  }
  return c.json({ appeal: { decisionId: id, outcome: input.outcome, decidedAt: now } });
})

// GET /api/moderation/record/:slug — public: how many items were removed in the neighbourhood in the
// last 90 days, per house rule; 1 to 4 shown as "< 5"; never who (decision 026).
.get("/record/:slug", async (c) => {
  const site = tenantSite(c.get("site"));
  const slug = c.req.param("slug");
  const [neighbourhood] = /^[a-z0-9-]{1,64}$/.test(slug) ? await site.db.select({ id: neighbourhoods.id, slug: neighbourhoods.slug, name: neighbourhoods.name }).from(neighbourhoods).where(eq(neighbourhoods.slug, slug)) : [];
  if (!neighbourhood) throw new AppError("not_found", { message: "apiErrors.neighbourhoods.notFound" });
  const rows = await publicRecordQuery(site.db, neighbourhood.id, Date.now() - PUBLIC_RECORD_DAYS * DAY_MS);
  const total = rows.reduce((sum, row) => sum + row.count, 0);
  return c.json({
    neighbourhood: { slug: neighbourhood.slug, name: neighbourhood.name },
    days: PUBLIC_RECORD_DAYS,
    total: publicCount(total),
    byRule: rows.map((row) => ({ houseRule: row.houseRule, count: publicCount(row.count) })),
  });
})

// GET /api/moderation/words — admin: the kindness prompt's word list (the defaults until changed).
.get("/words", async (c) => {
  const site = tenantSite(c.get("site"));
  requirePermission(c.get("actor"), "settings.manage");
  const stored = c.get("settings")?.kindnessWords ?? null;
  return c.json({ words: parseKindnessWords(stored), isDefault: stored === null });
})

// PUT /api/moderation/words { words: "one a line" | null } — admin: change the list; null: back to the defaults.
.put("/words", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requirePermission(c.get("actor"), "settings.manage");
  const input = parseInput(ZWordListInput, await readJson(c));
  const stored = input.words === null ? null : parseKindnessWords(input.words).join("\n");
  await site.db.update(tenantSettings).set({ kindnessWords: stored, updatedAt: Date.now() }).where(eq(tenantSettings.id, 1));
  await audit(site.db, { actorId: actor.userId, action: "settings.kindness_words", details: { count: stored === null ? null : parseKindnessWords(stored).length } });
  return c.json({ words: parseKindnessWords(stored), isDefault: stored === null });
});


