// The rules of answering an activity, with a capacity and a waiting list. The database applies the same
// rules in one statement per answer (apps/worker/src/activities/rsvp-queries.ts), so two people taking
// the last place at once cannot both get it; this pure version states the rules and is what the unit
// tests check.
import type { RsvpAnswer } from "./activity-input.ts";

export interface RsvpEntry {
  userId: string;
  answer: RsvpAnswer;
  /** Said going while the activity was full: waits for a place. */
  waitlisted: boolean;
  /** When the person last changed their answer; orders the waiting list (earliest first). */
  respondedAt: number;
}

export interface RsvpOutcome {
  entries: RsvpEntry[];
  mine: { answer: RsvpAnswer; waitlisted: boolean };
  /** People who moved up from the waiting list because of this answer (they are told by e-mail). */
  movedUp: string[];
}

/** People with a place: said going and are not waiting. */
export function placedCount(entries: readonly RsvpEntry[]): number {
  return entries.filter((entry) => entry.answer === "going" && !entry.waitlisted).length;
}

/** The waiting list in order: who said going first gets the first free place (ties by id, so it is stable). */
export function waitingList(entries: readonly RsvpEntry[]): RsvpEntry[] {
  return entries
    .filter((entry) => entry.answer === "going" && entry.waitlisted)
    .sort((a, b) => a.respondedAt - b.respondedAt || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));
}

/** Gives free places to the waiting list, in order. Also after the capacity was raised or removed. */
export function fillFreePlaces(entries: readonly RsvpEntry[], capacity: number | null): { entries: RsvpEntry[]; movedUp: string[] } {
  const free = capacity === null ? Infinity : Math.max(0, capacity - placedCount(entries));
  const moving = new Set(waitingList(entries).slice(0, free === Infinity ? undefined : free).map((entry) => entry.userId));
  return {
    entries: entries.map((entry) => (moving.has(entry.userId) ? { ...entry, waitlisted: false } : entry)),
    movedUp: [...moving],
  };
}

/** One person's answer: going gets a place while there is one, else the waiting list; anything else frees a place. */
export function answerRsvp(entries: readonly RsvpEntry[], capacity: number | null, answer: { userId: string; answer: RsvpAnswer; at: number }): RsvpOutcome {
  const previous = entries.find((entry) => entry.userId === answer.userId);
  const others = entries.filter((entry) => entry.userId !== answer.userId);
  let mine: RsvpEntry;
  if (answer.answer === "going" && previous?.answer === "going") {
    mine = previous; // saying going again keeps one's place, or one's turn on the waiting list
  } else if (answer.answer === "going") {
    const full = capacity !== null && placedCount(others) >= capacity;
    mine = { userId: answer.userId, answer: "going", waitlisted: full, respondedAt: answer.at };
  } else {
    mine = { userId: answer.userId, answer: answer.answer, waitlisted: false, respondedAt: answer.at };
  }
  const filled = fillFreePlaces([...others, mine], capacity);
  return { entries: filled.entries, mine: { answer: mine.answer, waitlisted: mine.waitlisted }, movedUp: filled.movedUp };
}

export type RsvpRefusal = "not_open" | "ended" | "deadline_passed";

/**
 * Whether an answer may be given now. Not going may always be said (so a place frees up), until the
 * activity has ended; going and maybe only until the registration deadline.
 */
export function rsvpRefusal(activity: { status: string; endsAt: number; registrationDeadline: number | null }, answer: RsvpAnswer, now: number): RsvpRefusal | null {
  if (activity.status !== "published") return "not_open";
  if (activity.endsAt <= now) return "ended";
  if (answer !== "not_going" && activity.registrationDeadline !== null && activity.registrationDeadline < now) return "deadline_passed";
  return null;
}
