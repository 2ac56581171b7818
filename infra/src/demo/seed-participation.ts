// Demo participation (decision 028): a poll, an open liveability pulse (and last period's) and a "What
// first?" round per demo neighbourhood, with a few answers, so every role sees something after
// `npm start`. With so few demo members, the corporation's dashboard shows the "< 5" rule at work.
// Written once: nothing happens when the tenant has any poll.
import { eq } from "drizzle-orm";
import { PULSE_THEMES, pulsePeriodAround, type PulseTheme } from "@buurtplein/core";
import { tenantSchema, type openTenantDb } from "@buurtplein/db";

const DAY = 24 * 60 * 60 * 1000;
type Scores = Record<PulseTheme, number>;
const scores = (...values: number[]): Scores => Object.fromEntries(PULSE_THEMES.map((theme, index) => [theme, values[index] ?? 3])) as Scores;

interface DemoParticipation {
  neighbourhood: string;
  poll: { question: string; options: string[]; multiple?: boolean; votes: Record<string, number[]> };
  /** Responses to the current quarter's pulse and to the quarter before, by user e-mail. */
  pulseNow: Record<string, { scores: Scores; comment?: string }>;
  pulseBefore?: Record<string, { scores: Scores }>;
  priority?: { mode: "rank" | "points"; answers: Record<string, unknown> };
}

const DEMO: Record<string, DemoParticipation[]> = {
  delinde: [
    {
      neighbourhood: "lindenhof",
      poll: { question: "Waar komt het nieuwe bankje?", options: ["Bij de speeltuin", "Bij de vijver", "Op het Lindenplein"], votes: { "joop@delinde.example": [0], "mohamed@delinde.example": [2] } },
      pulseNow: { "joop@delinde.example": { scores: scores(4, 2, 4, 3, 3, 2, 3), comment: "Meer prullenbakken bij het plein graag." }, "mohamed@delinde.example": { scores: scores(3, 3, 5, 3, 4, 3, 2) } },
      pulseBefore: { "joop@delinde.example": { scores: scores(3, 2, 4, 3, 3, 2, 3) }, "mohamed@delinde.example": { scores: scores(3, 3, 4, 3, 4, 3, 2) }, "anna@delinde.example": { scores: scores(4, 3, 3, 2, 4, 3, 3) } },
      priority: { mode: "points", answers: { "mohamed@delinde.example": { points: { cleanliness: 40, green_and_play: 30, nuisance: 30 } } } },
    },
    {
      neighbourhood: "parkzicht",
      poll: { question: "Wat willen jullie samen in de binnentuin?", options: ["Moestuin", "Speelplek", "Bankjes en bloemen"], multiple: true, votes: { "bram@delinde.example": [0, 2] } },
      pulseNow: { "bram@delinde.example": { scores: scores(4, 4, 3, 2, 3, 4, 4) } },
    },
  ],
  havenstad: [
    {
      neighbourhood: "kadekwartier",
      poll: { question: "Zullen we een buurtborrel houden aan de kade?", options: ["Ja, graag", "Nee"], votes: { "pieter@havenstad.example": [0] } },
      pulseNow: { "pieter@havenstad.example": { scores: scores(3, 3, 4, 4, 2, 3, 3) } },
    },
  ],
};

export async function fillParticipation(db: ReturnType<typeof openTenantDb>, slug: string): Promise<void> {
  const { polls, pollVotes, pulses, pulseResponses, priorityRounds, priorityAnswers, neighbourhoods, users } = tenantSchema;
  const plans = DEMO[slug];
  if (!plans) return;
  const [any] = await db.select({ id: polls.id }).from(polls).limit(1);
  if (any) return;
  const userId = async (email: string) => (await db.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1))[0]!.id;
  const now = Date.now();
  const quarter = pulsePeriodAround(now, "quarter");
  const previous = pulsePeriodAround(quarter.opensAt - DAY, "quarter");
  for (const plan of plans) {
    const [place] = await db.select({ id: neighbourhoods.id }).from(neighbourhoods).where(eq(neighbourhoods.slug, plan.neighbourhood)).limit(1);
    if (!place) continue;
    const pollId = crypto.randomUUID();
    await db.insert(polls).values({ id: pollId, neighbourhoodId: place.id, question: plan.poll.question, options: JSON.stringify(plan.poll.options), multiple: plan.poll.multiple ?? false, closesAt: now + 14 * DAY, createdAt: now - 2 * DAY });
    for (const [email, options] of Object.entries(plan.poll.votes)) await db.insert(pollVotes).values({ pollId, userId: await userId(email), options: JSON.stringify(options), votedAt: now - DAY });
    const periods: [typeof quarter, Record<string, { scores: Scores; comment?: string }> | undefined][] = [
      [previous, plan.pulseBefore],
      [quarter, plan.pulseNow],
    ];
    for (const [period, responses] of periods) {
      if (!responses) continue;
      const pulseId = crypto.randomUUID();
      await db.insert(pulses).values({ id: pulseId, neighbourhoodId: place.id, opensAt: period.opensAt, closesAt: period.closesAt });
      for (const [email, response] of Object.entries(responses)) {
        const s = response.scores;
        await db.insert(pulseResponses).values({
          pulseId,
          userId: await userId(email),
          safety: s.safety,
          cleanliness: s.cleanliness,
          socialContact: s.social_contact,
          facilities: s.facilities,
          greenAndPlay: s.green_and_play,
          nuisance: s.nuisance,
          maintenance: s.maintenance,
          comment: response.comment ?? null,
          commentShared: Boolean(response.comment),
          respondedAt: Math.min(now, period.opensAt + DAY),
        });
      }
    }
    if (plan.priority) {
      const roundId = crypto.randomUUID();
      await db.insert(priorityRounds).values({ id: roundId, neighbourhoodId: place.id, mode: plan.priority.mode, closesAt: now + 21 * DAY });
      for (const [email, answer] of Object.entries(plan.priority.answers)) await db.insert(priorityAnswers).values({ roundId, userId: await userId(email), answer: JSON.stringify(answer) });
    }
  }
}
