// Times of activities: stored as instants (ms since the epoch, UTC), typed and shown as Amsterdam wall
// time. The API takes ISO 8601 with an offset ("2026-12-05T14:00:00+01:00", "…Z"), or without one
// ("2026-12-05T14:00", what a form's datetime-local sends), which is read as Amsterdam time.

import { amsterdamOffsetAt, amsterdamWallTime } from "../invites/amsterdam-calendar.ts";

/**
 * The instant of an Amsterdam wall-clock time. In the hour that does not exist (spring forward) the
 * clock's new time is taken; in the hour that comes twice (autumn) the first.
 */
export function amsterdamInstant(year: number, month: number, day: number, hour: number, minute: number): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // The offset just before and just after any change of the clock near this time.
  const before = wall - amsterdamOffsetAt(wall - 3 * 60 * 60 * 1000);
  const after = wall - amsterdamOffsetAt(wall + 3 * 60 * 60 * 1000);
  const readsBack = (instant: number) => {
    const back = amsterdamWallTime(instant);
    return back.day === day && back.hour === hour && back.minute === minute;
  };
  const valid = [before, after].filter(readsBack);
  return valid.length > 0 ? Math.min(...valid) : before;
}

const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** An ISO 8601 time as an instant; null when it is not one (or not a real date). */
export function parseActivityTime(value: string): number | null {
  if (WITH_OFFSET.test(value)) {
    const instant = Date.parse(value);
    return Number.isFinite(instant) ? instant : null;
  }
  const match = LOCAL.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1, 6).map(Number) as [number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1) return null;
  return amsterdamInstant(year, month, day, hour, minute);
}

/** "2026-12-05T14:00": the value of a datetime-local field showing this instant in Amsterdam. */
export function toAmsterdamInputValue(instant: number): string {
  const wall = amsterdamWallTime(instant);
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${wall.year}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}`;
}
