// When a member's digest is due: daily (default), weekly (on Monday) or off; at their preferred hour
// in Amsterdam time, moved to the end of their quiet hours when it falls inside them. The period key
// ("2026-12-01" for a day, "2026-W49" for an ISO week) is what makes a digest go out once per period.
import { z } from "zod";

export const DIGEST_FREQUENCIES = ["daily", "weekly", "off"] as const;
export type DigestFrequency = (typeof DIGEST_FREQUENCIES)[number];

export const DEFAULT_DIGEST_HOUR = 8;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface DigestPreferences {
  digest: DigestFrequency;
  /** 0–23, Amsterdam time. */
  digestHour: number;
  /** Quiet hours [start, end), Amsterdam time; both null: none. */
  quietStart: number | null;
  quietEnd: number | null;
}

export const DEFAULT_DIGEST_PREFERENCES: DigestPreferences = { digest: "daily", digestHour: DEFAULT_DIGEST_HOUR, quietStart: null, quietEnd: null };

export function isDigestFrequency(value: unknown): value is DigestFrequency {
  return typeof value === "string" && (DIGEST_FREQUENCIES as readonly string[]).includes(value);
}

const hour = z.coerce.number({ error: "validation.digest.hour" }).int("validation.digest.hour").min(0, "validation.digest.hour").max(23, "validation.digest.hour");
const optionalHour = z.preprocess((value) => (value === "" || value === undefined ? null : value), hour.nullable());

/** PATCH /api/me/notifications (and the digest field of PATCH /api/me). */
export const ZDigestPreferencesInput = z
  .object({
    digest: z.enum(DIGEST_FREQUENCIES, { error: "validation.digest.frequency" }).optional(),
    digestHour: hour.optional(),
    quietStart: optionalHour.optional(),
    quietEnd: optionalHour.optional(),
  })
  .refine((input) => (input.quietStart === undefined || input.quietStart === null) === (input.quietEnd === undefined || input.quietEnd === null), {
    message: "validation.digest.quietBoth",
    path: ["quietEnd"],
  });
export type DigestPreferencesInput = z.infer<typeof ZDigestPreferencesInput>;

const amsterdam = new Intl.DateTimeFormat("en-US", {
  timeZone: "Europe/Amsterdam",
  hourCycle: "h23",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  weekday: "short",
});

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** Date, hour and ISO weekday (1 = Monday) in Amsterdam at this instant. */
export function amsterdamClock(instant: number): { year: number; month: number; day: number; hour: number; weekday: number } {
  const parts: Record<string, string> = {};
  for (const part of amsterdam.formatToParts(instant)) if (part.type !== "literal") parts[part.type] = part.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour) % 24,
    weekday: WEEKDAYS.indexOf(parts.weekday ?? "Mon") + 1,
  };
}

/** Whether `hourOfDay` falls in the quiet hours [start, end), which may wrap past midnight. */
export function inQuietHours(hourOfDay: number, quietStart: number | null, quietEnd: number | null): boolean {
  if (quietStart === null || quietEnd === null || quietStart === quietEnd) return false;
  return quietStart < quietEnd ? hourOfDay >= quietStart && hourOfDay < quietEnd : hourOfDay >= quietStart || hourOfDay < quietEnd;
}

/** The hour the digest really comes: the preferred one, or the end of the quiet hours it falls in. */
export function effectiveDigestHour(preferences: DigestPreferences): number {
  return inQuietHours(preferences.digestHour, preferences.quietStart, preferences.quietEnd) ? (preferences.quietEnd as number) : preferences.digestHour;
}

/** Whether the hourly run at `now` sends this member's digest (weekly: on Monday). */
export function isDigestDue(preferences: DigestPreferences, now: number): boolean {
  if (preferences.digest === "off") return false;
  const clock = amsterdamClock(now);
  if (clock.hour !== effectiveDigestHour(preferences)) return false;
  return preferences.digest === "daily" || clock.weekday === 1;
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, "0");
}

/** ISO 8601 week of a calendar date: "2026-W49". */
export function isoWeek(year: number, month: number, day: number): string {
  const date = new Date(Date.UTC(year, month - 1, day));
  const weekday = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - weekday); // the Thursday of this week decides its year
  const weekYear = date.getUTCFullYear();
  const week = Math.ceil(((date.getTime() - Date.UTC(weekYear, 0, 1)) / DAY_MS + 1) / 7);
  return `${weekYear}-W${pad(week)}`;
}

/** The period a digest sent at `now` belongs to: the Amsterdam day, or its ISO week. */
export function digestPeriod(frequency: Exclude<DigestFrequency, "off">, now: number): string {
  const { year, month, day } = amsterdamClock(now);
  return frequency === "weekly" ? isoWeek(year, month, day) : `${year}-${pad(month)}-${pad(day)}`;
}

/** How far back a first digest looks (no earlier digest): one day or one week. */
export function digestWindowMs(frequency: Exclude<DigestFrequency, "off">): number {
  return frequency === "weekly" ? 7 * DAY_MS : DAY_MS;
}

/** The hour a scheduled run belongs to, in UTC: "2026-12-01T07" (the key of an hourly job run). */
export function hourPeriod(instant: number): string {
  const date = new Date(instant);
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}T${pad(date.getUTCHours())}`;
}
