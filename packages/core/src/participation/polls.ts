// Polls in a neighbourhood: single or multiple choice, an optional deadline; results after voting or
// after closing. One vote per member, final once given.
import { z } from "zod";
import { parseActivityTime } from "../activities/activity-time.ts";

export const MAX_POLL_OPTIONS = 10;

export const ZPollInput = z.object({
  question: z.string({ error: "validation.poll.questionMissing" }).trim().min(1, "validation.poll.questionMissing").max(200, "validation.poll.questionTooLong"),
  options: z
    .array(z.string({ error: "validation.poll.optionMissing" }).trim().min(1, "validation.poll.optionMissing").max(100, "validation.poll.optionTooLong"), {
      error: "validation.poll.optionsMissing",
    })
    .min(2, "validation.poll.optionsMissing")
    .max(MAX_POLL_OPTIONS, "validation.poll.tooManyOptions")
    .refine((options) => new Set(options.map((option) => option.toLowerCase())).size === options.length, "validation.poll.optionsDuplicate"),
  multiple: z.boolean({ error: "validation.poll.multipleInvalid" }).optional().default(false),
  closesAt: z
    .string({ error: "validation.poll.closesAtInvalid" })
    .refine((value) => parseActivityTime(value) !== null, "validation.poll.closesAtInvalid")
    .transform((value) => parseActivityTime(value)!)
    .nullish()
    .transform((value) => value ?? null),
});
export type TPollInput = z.infer<typeof ZPollInput>;

export const ZVoteInput = z.object({
  options: z
    .array(z.number({ error: "validation.poll.voteInvalid" }).int("validation.poll.voteInvalid").min(0, "validation.poll.voteInvalid"), { error: "validation.poll.voteMissing" })
    .min(1, "validation.poll.voteMissing")
    .max(MAX_POLL_OPTIONS, "validation.poll.voteInvalid"),
});

export interface PollShape {
  optionCount: number;
  multiple: boolean;
  closesAt: number | null;
}

export function pollClosed(poll: Pick<PollShape, "closesAt">, now: number): boolean {
  return poll.closesAt !== null && poll.closesAt <= now;
}

/** Why this vote cannot be taken, or null when it can: closed, options out of range, repeated or more than one in a single-choice poll. */
export function voteRefusal(poll: PollShape, chosen: readonly number[], now: number): "closed" | "invalid_option" | "single_choice" | null {
  if (pollClosed(poll, now)) return "closed";
  if (chosen.some((index) => index >= poll.optionCount) || new Set(chosen).size !== chosen.length) return "invalid_option";
  if (!poll.multiple && chosen.length !== 1) return "single_choice";
  return null;
}

/** Members see the results once they voted or once the poll closed. */
export function resultsVisible(poll: Pick<PollShape, "closesAt">, hasVoted: boolean, now: number): boolean {
  return hasVoted || pollClosed(poll, now);
}

/** Votes per option from each voter's chosen options. */
export function tallyVotes(optionCount: number, ballots: readonly (readonly number[])[]): number[] {
  const counts = Array.from({ length: optionCount }, () => 0);
  for (const ballot of ballots) for (const index of ballot) if (index < optionCount) counts[index]! += 1;
  return counts;
}
