// Participation in a neighbourhood: polls, the liveability pulse and "What first?" rounds.
// /api/neighbourhoods/:slug/{participation,polls,pulses,priorities}, /api/polls/:id/votes,
// /api/pulses/:id(/responses), /api/priorities/:id(/answers). One answer per member (the primary key
// of the answer table; a second insert affects no row → 409 already_answered).
import { Hono } from "hono";
import { and, desc, eq, gt, lt, sql } from "drizzle-orm";
import {
  AppError,
  PULSE_THEMES,
  ZPollInput,
  ZPriorityAnswer,
  ZPriorityRoundInput,
  ZPulseInput,
  ZPulseResponse,
  ZVoteInput,
  aggregatePriorities,
  can,
  pollClosed,
  pulseState,
  resultsVisible,
  tallyVotes,
  voteRefusal,
  type MessageKey,
  type TPriorityAnswer,
} from "@buurtplein/core";
import { tenantSchema, type TenantDb } from "@buurtplein/db";
import type { Actor, AppEnv } from "../env.ts";
import { parseInput, readJson } from "../lib/errors.ts";
import { audit } from "../lib/audit.ts";
import { requireActor, requirePermission, tenantSite } from "../middleware/session.ts";
import { neighbourhoodOr404 } from "./participation-access.ts";

const { polls, pollVotes, pulses, pulseResponses, priorityRounds, priorityAnswers, neighbourhoods } = tenantSchema;
const NOT_MEMBER = "apiErrors.participation.notMember" as const;

type PollRow = typeof polls.$inferSelect;

async function pollAnswer(db: TenantDb, poll: PollRow, actor: Actor, now: number) {
  const options = JSON.parse(poll.options) as string[];
  const ballots = await db.select({ userId: pollVotes.userId, options: pollVotes.options }).from(pollVotes).where(eq(pollVotes.pollId, poll.id));
  const mine = ballots.find((ballot) => ballot.userId === actor.userId);
  const myVote = mine ? (JSON.parse(mine.options) as number[]) : null;
  const visible = resultsVisible(poll, myVote !== null, now);
  return {
    id: poll.id,
    question: poll.question,
    options,
    multiple: poll.multiple,
    closesAt: poll.closesAt,
    closed: pollClosed(poll, now),
    myVote,
    voters: visible ? ballots.length : null,
    results: visible ? tallyVotes(options.length, ballots.map((ballot) => JSON.parse(ballot.options) as number[])) : null,
    canVote: myVote === null && !pollClosed(poll, now) && can(actor, "participation.answer", { neighbourhoodId: poll.neighbourhoodId }),
  };
}

function parseAnswer(text: string): TPriorityAnswer {
  return JSON.parse(text) as TPriorityAnswer;
}

async function roundAnswer(db: TenantDb, round: typeof priorityRounds.$inferSelect, actor: Actor, now: number) {
  const answers = await db.select({ userId: priorityAnswers.userId, answer: priorityAnswers.answer }).from(priorityAnswers).where(eq(priorityAnswers.roundId, round.id));
  const closed = round.closesAt <= now;
  return {
    id: round.id,
    mode: round.mode as "rank" | "points",
    closesAt: round.closesAt,
    closed,
    answered: answers.some((answer) => answer.userId === actor.userId),
    participants: closed ? answers.length : null,
    result: closed ? aggregatePriorities(answers.map((answer) => parseAnswer(answer.answer))) : null,
    canAnswer: !closed && can(actor, "participation.answer", { neighbourhoodId: round.neighbourhoodId }),
  };
}

export const neighbourhoodParticipationRoutes = new Hono<AppEnv>()

// GET /api/neighbourhoods/:slug/participation — polls, the current pulse and the latest "What first?" round for a member or staff.
.get("/:slug/participation", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requireActor(c.get("actor"));
  const neighbourhood = await neighbourhoodOr404(site.db, c.req.param("slug"));
  requirePermission(actor, "feed.read", { neighbourhoodId: neighbourhood.id }, NOT_MEMBER);
  const now = Date.now();
  const [pollRows, pulseRows, roundRows] = await site.db.batch([
    site.db.select().from(polls).where(eq(polls.neighbourhoodId, neighbourhood.id)).orderBy(desc(polls.createdAt)).limit(20),
    site.db
      .select({ id: pulses.id, opensAt: pulses.opensAt, closesAt: pulses.closesAt, answered: sql<number>`EXISTS (SELECT 1 FROM ${pulseResponses} WHERE ${pulseResponses.pulseId} = ${pulses.id} AND ${pulseResponses.userId} = ${actor.userId})` })
      .from(pulses)
      .where(and(eq(pulses.neighbourhoodId, neighbourhood.id), lt(pulses.opensAt, now + 1), gt(pulses.closesAt, now)))
      .limit(1),
    site.db.select().from(priorityRounds).where(eq(priorityRounds.neighbourhoodId, neighbourhood.id)).orderBy(desc(priorityRounds.createdAt)).limit(1),
  ]);
  const pulse = pulseRows[0];
  return c.json({
    neighbourhood: { slug: neighbourhood.slug, name: neighbourhood.name },
    canCreatePoll: can(actor, "poll.create", { neighbourhoodId: neighbourhood.id }),
    canManage: can(actor, "participation.manage", { neighbourhoodId: neighbourhood.id }),
    canAnswer: can(actor, "participation.answer", { neighbourhoodId: neighbourhood.id }),
    polls: await Promise.all(pollRows.map((poll) => pollAnswer(site.db, poll, actor, now))),
    pulse: pulse ? { id: pulse.id, opensAt: pulse.opensAt, closesAt: pulse.closesAt, answered: Boolean(pulse.answered) } : null,
    priority: roundRows[0] ? await roundAnswer(site.db, roundRows[0], actor, now) : null,
  });
})

// POST /api/neighbourhoods/:slug/polls { question, options, multiple?, closesAt? } → 201
.post("/:slug/polls", async (c) => {
  const site = tenantSite(c.get("site"));
  requireActor(c.get("actor"));
  const neighbourhood = await neighbourhoodOr404(site.db, c.req.param("slug"));
  const actor = requirePermission(c.get("actor"), "poll.create", { neighbourhoodId: neighbourhood.id }, NOT_MEMBER);
  const input = parseInput(ZPollInput, await readJson(c));
  const now = Date.now();
  if (input.closesAt !== null && input.closesAt <= now) throw new AppError("invalid_input", { fields: { closesAt: "validation.poll.closesAtPast" } });
  if (neighbourhood.archivedAt !== null) throw new AppError("neighbourhood_archived");
  const [poll] = await site.db
    .insert(polls)
    .values({ id: crypto.randomUUID(), neighbourhoodId: neighbourhood.id, question: input.question, options: JSON.stringify(input.options), multiple: input.multiple, closesAt: input.closesAt, createdById: actor.userId, createdAt: now })
    .returning();
  return c.json({ poll: await pollAnswer(site.db, poll!, actor, now) }, 201);
})

// POST /api/neighbourhoods/:slug/pulses { opensAt, closesAt } (staff) → 201; overlapping another pulse → 409.
.post("/:slug/pulses", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requirePermission(c.get("actor"), "participation.manage", {}, "apiErrors.participation.staffOnly");
  const neighbourhood = await neighbourhoodOr404(site.db, c.req.param("slug"));
  const input = parseInput(ZPulseInput, await readJson(c));
  const id = crypto.randomUUID();
  // Insert only when no pulse of this neighbourhood overlaps the period: one statement, so two at once cannot both pass.
  const result = await site.db.run(sql`INSERT INTO ${pulses} (id, neighbourhood_id, opens_at, closes_at, created_by_id)
    SELECT ${id}, ${neighbourhood.id}, ${input.opensAt}, ${input.closesAt}, ${actor.userId}
    WHERE NOT EXISTS (SELECT 1 FROM ${pulses} WHERE neighbourhood_id = ${neighbourhood.id} AND opens_at < ${input.closesAt} AND ${input.opensAt} < closes_at)`);
  if (result.rowsAffected !== 1) throw new AppError("conflict", { message: "apiErrors.participation.pulseOverlaps" });
  await audit(site.db, { actorId: actor.userId, action: "pulse.create", subject: id });
  return c.json({ pulse: { id, neighbourhood: neighbourhood.slug, opensAt: input.opensAt, closesAt: input.closesAt } }, 201);
})

// POST /api/neighbourhoods/:slug/priorities { mode: rank | points, closesAt } (staff) → 201; one open round at a time (409).
.post("/:slug/priorities", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requirePermission(c.get("actor"), "participation.manage", {}, "apiErrors.participation.staffOnly");
  const neighbourhood = await neighbourhoodOr404(site.db, c.req.param("slug"));
  const input = parseInput(ZPriorityRoundInput, await readJson(c));
  const now = Date.now();
  if (input.closesAt <= now) throw new AppError("invalid_input", { fields: { closesAt: "validation.priority.closesAtPast" } });
  const id = crypto.randomUUID();
  const result = await site.db.run(sql`INSERT INTO ${priorityRounds} (id, neighbourhood_id, mode, closes_at, created_by_id)
    SELECT ${id}, ${neighbourhood.id}, ${input.mode}, ${input.closesAt}, ${actor.userId}
    WHERE NOT EXISTS (SELECT 1 FROM ${priorityRounds} WHERE neighbourhood_id = ${neighbourhood.id} AND closes_at > ${now})`);
  if (result.rowsAffected !== 1) throw new AppError("conflict", { message: "apiErrors.participation.roundOpen" });
  await audit(site.db, { actorId: actor.userId, action: "priority_round.create", subject: id });
  return c.json({ round: { id, neighbourhood: neighbourhood.slug, mode: input.mode, closesAt: input.closesAt } }, 201);
});

/** The row if it exists in this corporation and the actor may see its neighbourhood; else 404 / 403. */
async function visible<T extends { neighbourhoodId: string }>(actor: Actor, row: T | undefined, notFound: MessageKey): Promise<T> {
  if (!row) throw new AppError("not_found", { message: notFound });
  if (!can(actor, "feed.read", { neighbourhoodId: row.neighbourhoodId })) throw new AppError("forbidden", { message: NOT_MEMBER });
  return row;
}

export const pollRoutes = new Hono<AppEnv>()

// GET /api/polls/:id — the poll; results once voted or closed.
.get("/:id", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requireActor(c.get("actor"));
  const [row] = await site.db.select().from(polls).where(eq(polls.id, c.req.param("id"))).limit(1);
  const poll = await visible(actor, row, "apiErrors.participation.pollNotFound");
  return c.json({ poll: await pollAnswer(site.db, poll, actor, Date.now()) });
})

// POST /api/polls/:id/votes { options: [index] } → 200; a second vote → 409 already_answered; closed → 409 participation_closed.
.post("/:id/votes", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requireActor(c.get("actor"));
  const [row] = await site.db.select().from(polls).where(eq(polls.id, c.req.param("id"))).limit(1);
  const poll = await visible(actor, row, "apiErrors.participation.pollNotFound");
  requirePermission(actor, "participation.answer", { neighbourhoodId: poll.neighbourhoodId }, NOT_MEMBER);
  const { options } = parseInput(ZVoteInput, await readJson(c));
  const now = Date.now();
  const refusal = voteRefusal({ optionCount: (JSON.parse(poll.options) as string[]).length, multiple: poll.multiple, closesAt: poll.closesAt }, options, now);
  if (refusal === "closed") throw new AppError("participation_closed", { message: "apiErrors.participation.pollClosed" });
  if (refusal === "invalid_option") throw new AppError("invalid_input", { fields: { options: "validation.poll.voteInvalid" } });
  if (refusal === "single_choice") throw new AppError("invalid_input", { fields: { options: "apiErrors.participation.singleChoice" } });
  const result = await site.db.insert(pollVotes).values({ pollId: poll.id, userId: actor.userId, options: JSON.stringify([...options].sort((a, b) => a - b)), votedAt: now }).onConflictDoNothing();
  if (result.rowsAffected !== 1) throw new AppError("already_answered", { message: "apiErrors.participation.alreadyVoted" });
  return c.json({ poll: await pollAnswer(site.db, poll, actor, now) }, 200);
});

export const pulseRoutes = new Hono<AppEnv>()

// GET /api/pulses/:id — the pulse with its themes, its state and whether I answered.
.get("/:id", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requireActor(c.get("actor"));
  const [row] = await site.db
    .select({ id: pulses.id, neighbourhoodId: pulses.neighbourhoodId, opensAt: pulses.opensAt, closesAt: pulses.closesAt, slug: neighbourhoods.slug, name: neighbourhoods.name })
    .from(pulses)
    .innerJoin(neighbourhoods, eq(neighbourhoods.id, pulses.neighbourhoodId))
    .where(eq(pulses.id, c.req.param("id")))
    .limit(1);
  const pulse = await visible(actor, row, "apiErrors.participation.pulseNotFound");
  const [mine] = await site.db.select({ at: pulseResponses.respondedAt }).from(pulseResponses).where(and(eq(pulseResponses.pulseId, pulse.id), eq(pulseResponses.userId, actor.userId))).limit(1);
  return c.json({
    pulse: { id: pulse.id, opensAt: pulse.opensAt, closesAt: pulse.closesAt, state: pulseState(pulse, Date.now()), themes: [...PULSE_THEMES] },
    neighbourhood: { slug: pulse.slug, name: pulse.name },
    answered: mine !== undefined,
    canAnswer: can(actor, "participation.answer", { neighbourhoodId: pulse.neighbourhoodId }),
  });
})

// POST /api/pulses/:id/responses { scores: { safety, … }, comment?, shareComment? } → 201; a second → 409.
.post("/:id/responses", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requireActor(c.get("actor"));
  const [row] = await site.db.select().from(pulses).where(eq(pulses.id, c.req.param("id"))).limit(1);
  const pulse = await visible(actor, row, "apiErrors.participation.pulseNotFound");
  requirePermission(actor, "participation.answer", { neighbourhoodId: pulse.neighbourhoodId }, NOT_MEMBER);
  const input = parseInput(ZPulseResponse, await readJson(c));
  const now = Date.now();
  if (pulseState(pulse, now) !== "open") throw new AppError("participation_closed", { message: "apiErrors.participation.pulseNotOpen" });
  const { scores } = input;
  const result = await site.db
    .insert(pulseResponses)
    .values({
      pulseId: pulse.id,
      userId: actor.userId,
      safety: scores.safety,
      cleanliness: scores.cleanliness,
      socialContact: scores.social_contact,
      facilities: scores.facilities,
      greenAndPlay: scores.green_and_play,
      nuisance: scores.nuisance,
      maintenance: scores.maintenance,
      comment: input.comment,
      commentShared: input.comment !== null && input.shareComment,
      respondedAt: now,
    })
    .onConflictDoNothing();
  if (result.rowsAffected !== 1) throw new AppError("already_answered", { message: "apiErrors.participation.alreadyResponded" });
  return c.json({ response: { pulseId: pulse.id, scores, comment: input.comment, shareComment: input.comment !== null && input.shareComment } }, 201);
});

export const priorityRoutes = new Hono<AppEnv>()

// GET /api/priorities/:id — the round; the neighbourhood's result once it closed.
.get("/:id", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requireActor(c.get("actor"));
  const [row] = await site.db.select().from(priorityRounds).where(eq(priorityRounds.id, c.req.param("id"))).limit(1);
  const round = await visible(actor, row, "apiErrors.participation.roundNotFound");
  const [place] = await site.db.select({ slug: neighbourhoods.slug, name: neighbourhoods.name }).from(neighbourhoods).where(eq(neighbourhoods.id, round.neighbourhoodId));
  return c.json({ round: await roundAnswer(site.db, round, actor, Date.now()), neighbourhood: place!, themes: [...PULSE_THEMES] });
})

// POST /api/priorities/:id/answers { ranking: [theme…] } or { points: { theme: n } } (adding up to 100) → 201; a second → 409.
.post("/:id/answers", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requireActor(c.get("actor"));
  const [row] = await site.db.select().from(priorityRounds).where(eq(priorityRounds.id, c.req.param("id"))).limit(1);
  const round = await visible(actor, row, "apiErrors.participation.roundNotFound");
  requirePermission(actor, "participation.answer", { neighbourhoodId: round.neighbourhoodId }, NOT_MEMBER);
  const answer = parseInput(ZPriorityAnswer, await readJson(c)) as TPriorityAnswer;
  if (("ranking" in answer ? "rank" : "points") !== round.mode) throw new AppError("invalid_input", { fields: { _: "validation.priority.wrongMode" } });
  const now = Date.now();
  if (round.closesAt <= now) throw new AppError("participation_closed", { message: "apiErrors.participation.roundClosed" });
  const result = await site.db.insert(priorityAnswers).values({ roundId: round.id, userId: actor.userId, answer: JSON.stringify(answer), answeredAt: now }).onConflictDoNothing();
  if (result.rowsAffected !== 1) throw new AppError("already_answered", { message: "apiErrors.participation.alreadyAnswered" });
  return c.json({ answer }, 201);
});
