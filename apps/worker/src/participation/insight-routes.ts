// GET /api/insight/neighbourhoods/:slug (staff): the corporation's figures for one neighbourhood —
// members, reach, the pulse per period (latest first), participation, "What first?" and polls. Every
// figure from fewer than five people is "< 5" (core's k-anonymity rules); `?format=csv` the same as CSV.
import { Hono } from "hono";
import { and, desc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import {
  FEW,
  PULSE_THEMES,
  THEME_DIMENSION,
  aggregatePriorities,
  maskCount,
  maskedBreakdown,
  maskedMean,
  maskedPercent,
  showable,
  tallyVotes,
  toCsv,
  type PulseTheme,
  type TPriorityAnswer,
} from "@buurtplein/core";
import { tenantSchema, type TenantDb } from "@buurtplein/db";
import type { AppEnv } from "../env.ts";
import { requirePermission, tenantSite } from "../middleware/session.ts";
import { neighbourhoodOr404 } from "./participation-access.ts";

const { memberships, users, complexes, pulses, pulseResponses, priorityRounds, priorityAnswers, polls, pollVotes } = tenantSchema;
const PULSES_SHOWN = 8;

const COLUMN: Record<PulseTheme, keyof typeof pulseResponses.$inferSelect> = {
  safety: "safety",
  cleanliness: "cleanliness",
  social_contact: "socialContact",
  facilities: "facilities",
  green_and_play: "greenAndPlay",
  nuisance: "nuisance",
  maintenance: "maintenance",
};

async function insightFor(db: TenantDb, neighbourhoodId: string) {
  const themeSums = Object.fromEntries(PULSE_THEMES.map((theme) => [theme, sql<number>`coalesce(sum(${pulseResponses[COLUMN[theme] as "safety"]}), 0)`])) as Record<PulseTheme, ReturnType<typeof sql<number>>>;
  const [memberRows, homeRows, pulseRows, roundRows, pollRows] = await db.batch([
    db
      .select({ count: sql<number>`count(*)` })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.neighbourhoodId, neighbourhoodId), eq(memberships.status, "active"), eq(users.status, "active"), inArray(users.role, ["resident", "prospective", "ambassador"]))),
    db
      .select({ homes: sql<number>`coalesce(sum(${complexes.houseNumberTo} - ${complexes.houseNumberFrom} + 1), 0)` })
      .from(complexes)
      .where(and(eq(complexes.neighbourhoodId, neighbourhoodId), isNotNull(complexes.houseNumberFrom), isNotNull(complexes.houseNumberTo))),
    db
      .select({ id: pulses.id, opensAt: pulses.opensAt, closesAt: pulses.closesAt, respondents: sql<number>`count(${pulseResponses.userId})`, ...themeSums })
      .from(pulses)
      .leftJoin(pulseResponses, eq(pulseResponses.pulseId, pulses.id))
      .where(and(eq(pulses.neighbourhoodId, neighbourhoodId), sql`${pulses.opensAt} <= ${Date.now()}`))
      .groupBy(pulses.id)
      .orderBy(desc(pulses.opensAt))
      .limit(PULSES_SHOWN),
    db.select().from(priorityRounds).where(eq(priorityRounds.neighbourhoodId, neighbourhoodId)).orderBy(desc(priorityRounds.createdAt)).limit(1),
    db.select().from(polls).where(eq(polls.neighbourhoodId, neighbourhoodId)).orderBy(desc(polls.createdAt)).limit(20),
  ]);
  const members = Number(memberRows[0]?.count ?? 0);
  const homes = Number(homeRows[0]?.homes ?? 0);
  const periods = pulseRows.map((row) => {
    const respondents = Number(row.respondents);
    return {
      id: row.id,
      opensAt: row.opensAt,
      closesAt: row.closesAt,
      respondents: maskCount(respondents),
      themes: Object.fromEntries(PULSE_THEMES.map((theme) => [theme, maskedMean(Number(row[theme]), respondents)])) as Record<PulseTheme, number | typeof FEW>,
    };
  });
  const latest = pulseRows[0];
  const latestRespondents = latest ? Number(latest.respondents) : 0;
  const round = roundRows[0];
  const [commentRows, answerRows, voteRows] = await db.batch([
    db
      .select({ comment: pulseResponses.comment })
      .from(pulseResponses)
      .where(and(eq(pulseResponses.pulseId, latest?.id ?? ""), eq(pulseResponses.commentShared, true), isNotNull(pulseResponses.comment)))
      // Alphabetical, never by time: the order gives nothing away about who wrote what.
      .orderBy(pulseResponses.comment),
    db.select({ answer: priorityAnswers.answer }).from(priorityAnswers).where(eq(priorityAnswers.roundId, round?.id ?? "")),
    db.select({ pollId: pollVotes.pollId, options: pollVotes.options }).from(pollVotes).where(inArray(pollVotes.pollId, pollRows.length ? pollRows.map((poll) => poll.id) : [""])),
  ]);
  const participants = answerRows.length;
  return {
    members: maskCount(members),
    homes,
    reach: homes > 0 ? maskedPercent(members, homes) : null,
    participation: latest ? maskedPercent(latestRespondents, members) : null,
    pulse: periods[0] ?? null,
    trend: periods,
    comments: latest && showable(latestRespondents) ? commentRows.map((row) => row.comment!) : [],
    dimensions: THEME_DIMENSION,
    priorities: round
      ? {
          id: round.id,
          mode: round.mode,
          closesAt: round.closesAt,
          participants: maskCount(participants),
          ranking: showable(participants) ? aggregatePriorities(answerRows.map((row) => JSON.parse(row.answer) as TPriorityAnswer)) : FEW,
        }
      : null,
    polls: pollRows.map((poll) => {
      const options = JSON.parse(poll.options) as string[];
      const ballots = voteRows.filter((vote) => vote.pollId === poll.id).map((vote) => JSON.parse(vote.options) as number[]);
      const counts = tallyVotes(options.length, ballots);
      const breakdown = poll.multiple
        ? { cells: Object.fromEntries(counts.map((count, index) => [String(index), showable(ballots.length) ? maskCount(count) : FEW])), total: maskCount(ballots.length) }
        : maskedBreakdown(Object.fromEntries(counts.map((count, index) => [String(index), count])), ballots.length);
      return { id: poll.id, question: poll.question, closesAt: poll.closesAt, voters: breakdown.total, options: options.map((text, index) => ({ text, votes: breakdown.cells[String(index)]! })) };
    }),
  };
}

export type Insight = Awaited<ReturnType<typeof insightFor>>;

function insightCsv(slug: string, insight: Insight): string {
  const iso = (value: number) => new Date(value).toISOString().slice(0, 10);
  const rows: (string | number)[][] = [
    [slug, "members", "", "", insight.members],
    [slug, "homes", "", "", insight.homes],
    [slug, "reach_percent", "", "", insight.reach ?? ""],
    [slug, "participation_percent", "", "", insight.participation ?? ""],
  ];
  for (const period of insight.trend) {
    const label = `${iso(period.opensAt)}/${iso(period.closesAt)}`;
    rows.push([slug, "pulse_respondents", label, "", period.respondents]);
    for (const theme of PULSE_THEMES) rows.push([slug, "pulse_score", label, theme, period.themes[theme]]);
  }
  if (insight.priorities) {
    rows.push([slug, "priority_participants", "", "", insight.priorities.participants]);
    if (insight.priorities.ranking === FEW) rows.push([slug, "priority_points", "", "", FEW]);
    else for (const item of insight.priorities.ranking) rows.push([slug, "priority_points", String(item.place), item.theme, item.points]);
  }
  for (const poll of insight.polls) {
    rows.push([slug, "poll_voters", poll.question, "", poll.voters]);
    for (const option of poll.options) rows.push([slug, "poll_votes", poll.question, option.text, option.votes]);
  }
  return toCsv(["neighbourhood", "figure", "period", "item", "value"], rows);
}

export const insightRoutes = new Hono<AppEnv>()

// GET /api/insight/neighbourhoods/:slug[?format=csv] (staff) — figures under the < 5 rule.
.get("/neighbourhoods/:slug", async (c) => {
  const site = tenantSite(c.get("site"));
  requirePermission(c.get("actor"), "insight.read", {}, "apiErrors.participation.staffOnly");
  const neighbourhood = await neighbourhoodOr404(site.db, c.req.param("slug"));
  const insight = await insightFor(site.db, neighbourhood.id);
  if (c.req.query("format") === "csv") {
    // The CSV is a plain body; typed as never so the pages' client sees this route's JSON answer only.
    return c.body(insightCsv(neighbourhood.slug, insight), 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="inzicht-${neighbourhood.slug}.csv"`,
    }) as never;
  }
  return c.json({ neighbourhood: { slug: neighbourhood.slug, name: neighbourhood.name, kind: neighbourhood.kind }, ...insight });
});
