import { describe, expect, it } from "vitest";
import { answerRsvp, fillFreePlaces, placedCount, rsvpRefusal, waitingList, type RsvpEntry } from "./rsvp-rules.ts";

function apply(entries: RsvpEntry[], capacity: number | null, userId: string, answer: "going" | "maybe" | "not_going", at: number) {
  return answerRsvp(entries, capacity, { userId, answer, at });
}

describe("capacity and the waiting list", () => {
  it("gives places while there are some, then puts newcomers on the waiting list", () => {
    let entries: RsvpEntry[] = [];
    const answers = ["a", "b", "c"].map((userId, index) => {
      const outcome = apply(entries, 2, userId, "going", index);
      entries = outcome.entries;
      return outcome.mine;
    });
    expect(answers).toEqual([
      { answer: "going", waitlisted: false },
      { answer: "going", waitlisted: false },
      { answer: "going", waitlisted: true },
    ]);
    expect(placedCount(entries)).toBe(2);
  });

  it("has no waiting list without a capacity", () => {
    let entries: RsvpEntry[] = [];
    for (let i = 0; i < 50; i++) entries = apply(entries, null, `p${i}`, "going", i).entries;
    expect(placedCount(entries)).toBe(50);
    expect(waitingList(entries)).toEqual([]);
  });

  it("lets the first on the waiting list move up when someone with a place cancels", () => {
    let entries: RsvpEntry[] = [];
    for (const [index, userId] of ["a", "b", "c", "d"].entries()) entries = apply(entries, 2, userId, "going", index).entries;
    const outcome = apply(entries, 2, "a", "not_going", 10);
    expect(outcome.movedUp).toEqual(["c"]);
    expect(outcome.entries.find((entry) => entry.userId === "c")?.waitlisted).toBe(false);
    expect(waitingList(outcome.entries).map((entry) => entry.userId)).toEqual(["d"]);
  });

  it("moves nobody up when someone on the waiting list changes their mind", () => {
    let entries: RsvpEntry[] = [];
    for (const [index, userId] of ["a", "b", "c"].entries()) entries = apply(entries, 2, userId, "going", index).entries;
    const outcome = apply(entries, 2, "c", "maybe", 10);
    expect(outcome.movedUp).toEqual([]);
    expect(placedCount(outcome.entries)).toBe(2);
  });

  it("keeps one's place (or turn) when saying going again", () => {
    let entries: RsvpEntry[] = [];
    for (const [index, userId] of ["a", "b", "c", "d"].entries()) entries = apply(entries, 1, userId, "going", index).entries;
    const again = apply(entries, 1, "b", "going", 99);
    expect(again.mine).toEqual({ answer: "going", waitlisted: true });
    expect(waitingList(again.entries).map((entry) => entry.userId)).toEqual(["b", "c", "d"]);
    expect(apply(entries, 1, "a", "going", 99).mine).toEqual({ answer: "going", waitlisted: false });
  });

  it("gives the last place to exactly one of two people answering at once", () => {
    // Two answers are applied one after the other (the database runs each as one statement, in turn):
    // whoever comes second sees the activity full.
    let entries: RsvpEntry[] = [{ userId: "a", answer: "going", waitlisted: false, respondedAt: 0 }];
    const first = apply(entries, 2, "x", "going", 5);
    entries = first.entries;
    const second = apply(entries, 2, "y", "going", 5);
    expect([first.mine.waitlisted, second.mine.waitlisted]).toEqual([false, true]);
    expect(placedCount(second.entries)).toBe(2);
  });

  it("fills places in waiting-list order when the capacity is raised or removed", () => {
    const entries: RsvpEntry[] = [
      { userId: "a", answer: "going", waitlisted: false, respondedAt: 0 },
      { userId: "c", answer: "going", waitlisted: true, respondedAt: 3 },
      { userId: "b", answer: "going", waitlisted: true, respondedAt: 2 },
      { userId: "d", answer: "going", waitlisted: true, respondedAt: 4 },
    ];
    expect(fillFreePlaces(entries, 3).movedUp).toEqual(["b", "c"]);
    expect(fillFreePlaces(entries, null).movedUp.sort()).toEqual(["b", "c", "d"]);
    expect(fillFreePlaces(entries, 1).movedUp).toEqual([]);
  });
});

describe("when answers are taken", () => {
  const activity = { status: "published", endsAt: 1000, registrationDeadline: 500 };
  it("takes answers until the deadline, and not going until the end", () => {
    expect(rsvpRefusal(activity, "going", 400)).toBeNull();
    expect(rsvpRefusal(activity, "going", 600)).toBe("deadline_passed");
    expect(rsvpRefusal(activity, "not_going", 600)).toBeNull();
    expect(rsvpRefusal(activity, "not_going", 1000)).toBe("ended");
  });
  it("takes none for an activity that is not published", () => {
    for (const status of ["cancelled", "submitted", "draft", "rejected", "withdrawn"]) expect(rsvpRefusal({ ...activity, status }, "going", 0)).toBe("not_open");
  });
});
