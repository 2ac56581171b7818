// The liveability pulse: a short recurring check per neighbourhood. The corporation chooses its period
// (month, quarter, half year, year); each pulse runs over a period and takes one response per member.
import { z } from "zod";
import { parseActivityTime } from "../activities/activity-time.ts";
import { amsterdamDate, amsterdamMidnight } from "../invites/amsterdam-calendar.ts";
import { PULSE_THEMES, type PulseTheme } from "./themes.ts";

export const PULSE_PERIODS = ["month", "quarter", "half_year", "year"] as const;
export type PulsePeriod = (typeof PULSE_PERIODS)[number];
const PERIOD_MONTHS: Record<PulsePeriod, number> = { month: 1, quarter: 3, half_year: 6, year: 12 };

/** The calendar period (Amsterdam time) of this kind that contains `now`, e.g. 1 Oct – 1 Jan for a quarter. */
export function pulsePeriodAround(now: number, period: PulsePeriod): { opensAt: number; closesAt: number } {
  const months = PERIOD_MONTHS[period];
  const { year, month } = amsterdamDate(now);
  const firstMonth = Math.floor((month - 1) / months) * months + 1;
  return { opensAt: amsterdamMidnight(year, firstMonth, 1), closesAt: amsterdamMidnight(year, firstMonth + months, 1) };
}

export type PulseState = "upcoming" | "open" | "closed";
export function pulseState(pulse: { opensAt: number; closesAt: number }, now: number): PulseState {
  if (now < pulse.opensAt) return "upcoming";
  return now < pulse.closesAt ? "open" : "closed";
}

/** Whether two periods overlap (a neighbourhood runs one pulse at a time). */
export function periodsOverlap(a: { opensAt: number; closesAt: number }, b: { opensAt: number; closesAt: number }): boolean {
  return a.opensAt < b.closesAt && b.opensAt < a.closesAt;
}

const instant = (message: "validation.pulse.opensAtInvalid" | "validation.pulse.closesAtInvalid") =>
  z
    .string({ error: message })
    .refine((value) => parseActivityTime(value) !== null, message)
    .transform((value) => parseActivityTime(value)!);

export const ZPulseInput = z
  .object({ opensAt: instant("validation.pulse.opensAtInvalid"), closesAt: instant("validation.pulse.closesAtInvalid") })
  .superRefine((value, ctx) => {
    if (value.closesAt <= value.opensAt) ctx.addIssue({ code: "custom", path: ["closesAt"], message: "validation.pulse.closesBeforeOpens" });
    if (value.closesAt - value.opensAt > 366 * 24 * 60 * 60 * 1000) ctx.addIssue({ code: "custom", path: ["closesAt"], message: "validation.pulse.tooLong" });
  });

const score = z.number({ error: "validation.pulse.scoreInvalid" }).int("validation.pulse.scoreInvalid").min(1, "validation.pulse.scoreInvalid").max(5, "validation.pulse.scoreInvalid");

export const ZPulseResponse = z.object({
  scores: z.object(Object.fromEntries(PULSE_THEMES.map((theme) => [theme, score])) as Record<PulseTheme, typeof score>, { error: "validation.pulse.scoresMissing" }),
  comment: z
    .string()
    .trim()
    .max(1000, "validation.pulse.commentTooLong")
    .nullish()
    .transform((value) => (value ? value : null)),
  /** The author agrees that the corporation reads the comment (never with a name). */
  shareComment: z.boolean().optional().default(false),
});
export type TPulseResponse = z.infer<typeof ZPulseResponse>;
