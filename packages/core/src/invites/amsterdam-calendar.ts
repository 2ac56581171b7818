// Calendar days and months as people in the Netherlands count them (Europe/Amsterdam, with summer
// time), for invite expiry dates and the monthly limit of personal invites.

const TIME_ZONE = "Europe/Amsterdam";
const formatter = new Intl.DateTimeFormat("en-US", {
  timeZone: TIME_ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  second: "numeric",
});

interface CalendarParts {
  year: number;
  month: number;
  day: number;
}

/** A wall-clock time in Amsterdam. */
export interface AmsterdamWallTime extends CalendarParts {
  hour: number;
  minute: number;
  second: number;
}

/** The wall-clock time in Amsterdam at this instant (also used for activities' times). */
export function amsterdamWallTime(instant: number): AmsterdamWallTime {
  const values: Record<string, number> = {};
  for (const part of formatter.formatToParts(instant)) if (part.type !== "literal") values[part.type] = Number(part.value);
  return {
    year: values.year ?? 1970,
    month: values.month ?? 1,
    day: values.day ?? 1,
    hour: values.hour ?? 0,
    minute: values.minute ?? 0,
    second: values.second ?? 0,
  };
}

/** Milliseconds Amsterdam is ahead of UTC at this instant (1 or 2 hours). */
export function amsterdamOffsetAt(instant: number): number {
  const parts = amsterdamWallTime(instant);
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant midnight begins on this date in Amsterdam (month and day may overflow, like Date.UTC). */
export function amsterdamMidnight(year: number, month: number, day: number): number {
  const wall = Date.UTC(year, month - 1, day);
  const guess = wall - amsterdamOffsetAt(wall);
  return wall - amsterdamOffsetAt(guess);
}

/** The calendar date in Amsterdam at this instant. */
export function amsterdamDate(instant: number): CalendarParts {
  const { year, month, day } = amsterdamWallTime(instant);
  return { year, month, day };
}

/** The calendar month in Amsterdam that contains `now`: [start, end). */
export function amsterdamMonth(now: number): { start: number; end: number } {
  const { year, month } = amsterdamDate(now);
  return { start: amsterdamMidnight(year, month, 1), end: amsterdamMidnight(year, month + 1, 1) };
}

/** "2026-12-31" → the instant that day ends in Amsterdam (so the invite works all of that day). */
export function endOfAmsterdamDay(isoDate: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new RangeError(`not a date: ${isoDate}`);
  return amsterdamMidnight(Number(match[1]), Number(match[2]), Number(match[3]) + 1);
}

/** An ISO date string that is a real calendar date ("2026-02-30" is not). */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
