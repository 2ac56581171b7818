// Working days (Monday to Friday, Amsterdam calendar) for reminders: "not acknowledged within 2
// working days". Public holidays are not counted out (a reminder a day early does no harm).
const DAY_MS = 24 * 60 * 60 * 1000;
const weekday = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Amsterdam", weekday: "short" });

export function isWorkingDay(instant: number): boolean {
  const day = weekday.format(new Date(instant));
  return day !== "Sat" && day !== "Sun";
}

/**
 * The instant `days` working days after `start`: each step adds 24 hours and counts only when it lands
 * on a working day. A signal raised on Friday afternoon with 2 days is due on Tuesday afternoon.
 */
export function addWorkingDays(start: number, days: number): number {
  let instant = start;
  let counted = 0;
  while (counted < days) {
    instant += DAY_MS;
    if (isWorkingDay(instant)) counted += 1;
  }
  return instant;
}

export interface CareTimings {
  reminderWorkingDays: number;
  escalationWorkingDays: number;
}

export const DEFAULT_CARE_TIMINGS: CareTimings = { reminderWorkingDays: 2, escalationWorkingDays: 5 };
export const DEFAULT_SIGNAL_RETENTION_MONTHS = 12;

/** What the reminder job should do now for a signal that is still "new". */
export function dueChase(
  signal: { createdAt: number; remindedAt: number | null; escalatedAt: number | null },
  timings: CareTimings,
  now: number,
): "remind" | "escalate" | null {
  if (signal.escalatedAt === null && now >= addWorkingDays(signal.createdAt, timings.escalationWorkingDays)) return "escalate";
  if (signal.remindedAt === null && signal.escalatedAt === null && now >= addWorkingDays(signal.createdAt, timings.reminderWorkingDays)) return "remind";
  return null;
}

/** Closed signals whose details retention removes: closed before this instant. */
export function signalRetentionCutoff(now: number, months: number): number {
  const date = new Date(now);
  date.setUTCMonth(date.getUTCMonth() - months);
  return date.getTime();
}
