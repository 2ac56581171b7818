// "What first?": members rank the themes, or spread 100 points over them, and see the neighbourhood's
// result when the round closes.
import { z } from "zod";
import { parseActivityTime } from "../activities/activity-time.ts";
import { PULSE_THEMES, isPulseTheme, type PulseTheme } from "./themes.ts";

export const PRIORITY_MODES = ["rank", "points"] as const;
export type PriorityMode = (typeof PRIORITY_MODES)[number];
export const POINTS_TOTAL = 100;

export const ZPriorityRoundInput = z.object({
  mode: z.enum(PRIORITY_MODES, { error: "validation.priority.modeInvalid" }),
  closesAt: z
    .string({ error: "validation.priority.closesAtInvalid" })
    .refine((value) => parseActivityTime(value) !== null, "validation.priority.closesAtInvalid")
    .transform((value) => parseActivityTime(value)!),
});

/** A rank answer: every theme once, most important first. A points answer: whole points per theme adding up to 100. */
export const ZPriorityAnswer = z.union([
  z.object({
    ranking: z
      .array(z.string(), { error: "validation.priority.rankingInvalid" })
      .refine((list) => list.length === PULSE_THEMES.length && list.every(isPulseTheme) && new Set(list).size === list.length, "validation.priority.rankingInvalid"),
  }),
  z.object({
    points: z
      .record(z.string(), z.number().int().min(0).max(POINTS_TOTAL), { error: "validation.priority.pointsInvalid" })
      .refine((points) => Object.keys(points).every(isPulseTheme), "validation.priority.pointsInvalid")
      .refine((points) => Object.values(points).reduce((sum, value) => sum + value, 0) === POINTS_TOTAL, "validation.priority.pointsNot100"),
  }),
]);
export type TPriorityAnswer = { ranking: PulseTheme[] } | { points: Partial<Record<PulseTheme, number>> };

/** Turns an answer into points per theme: points as given; a ranking gives n points to the first, n−1 to the next… (Borda). */
export function answerPoints(answer: TPriorityAnswer): Record<PulseTheme, number> {
  const points = Object.fromEntries(PULSE_THEMES.map((theme) => [theme, 0])) as Record<PulseTheme, number>;
  if ("ranking" in answer) answer.ranking.forEach((theme, index) => (points[theme] = PULSE_THEMES.length - index));
  else for (const theme of PULSE_THEMES) points[theme] = answer.points[theme] ?? 0;
  return points;
}

export interface PriorityResult {
  theme: PulseTheme;
  points: number;
  /** 1 = first; themes with equal points share a place. */
  place: number;
}

/** The neighbourhood's ranking: points added over all answers, highest first (ties share a place, then by theme order). */
export function aggregatePriorities(answers: readonly TPriorityAnswer[]): PriorityResult[] {
  const totals = Object.fromEntries(PULSE_THEMES.map((theme) => [theme, 0])) as Record<PulseTheme, number>;
  for (const answer of answers) {
    const points = answerPoints(answer);
    for (const theme of PULSE_THEMES) totals[theme] += points[theme];
  }
  const sorted = [...PULSE_THEMES].sort((a, b) => totals[b] - totals[a] || PULSE_THEMES.indexOf(a) - PULSE_THEMES.indexOf(b));
  const results: PriorityResult[] = [];
  sorted.forEach((theme, index) => {
    const previous = results[index - 1];
    results.push({ theme, points: totals[theme], place: previous && previous.points === totals[theme] ? previous.place : index + 1 });
  });
  return results;
}

/** The answer as the page's form sends it: `rank_<theme>` = 1…7, or `points_<theme>` = whole numbers. */
export function priorityAnswerFromForm(mode: PriorityMode, form: Record<string, string>): unknown {
  if (mode === "points") return { points: Object.fromEntries(PULSE_THEMES.map((theme) => [theme, Number(form[`points_${theme}`] || 0)])) };
  const placed = PULSE_THEMES.map((theme) => ({ theme, place: Number(form[`rank_${theme}`]) }));
  // Two themes on the same place is no ranking: an empty one, which the schema refuses.
  if (new Set(placed.map((item) => item.place)).size !== placed.length) return { ranking: [] };
  return { ranking: [...placed].sort((a, b) => a.place - b.place).map((item) => item.theme) };
}
