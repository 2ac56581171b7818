// What an organiser or partner sends to create or change an activity, and the other activity inputs.
// Times arrive as ISO 8601 (see activity-time.ts) and leave as instants.
import { z } from "zod";
import { parseActivityTime } from "./activity-time.ts";

export const RSVP_ANSWERS = ["going", "maybe", "not_going"] as const;
export type RsvpAnswer = (typeof RSVP_ANSWERS)[number];

/** Where an activity stands. Residents' and staff's activities are published at once; sponsored ones go through review. */
export const ACTIVITY_STATUSES = ["draft", "submitted", "published", "rejected", "withdrawn", "cancelled"] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

export const MAX_CAPACITY = 10_000;

const time = (message: "validation.activity.startMissing" | "validation.activity.endMissing" | "validation.activity.deadlineInvalid") =>
  z
    .string({ error: message })
    .refine((value) => parseActivityTime(value) !== null, message)
    .transform((value) => parseActivityTime(value)!);

const activityFields = {
  title: z.string({ error: "validation.activity.titleMissing" }).trim().min(1, "validation.activity.titleMissing").max(120, "validation.activity.titleTooLong"),
  description: z.string({ error: "validation.activity.descriptionMissing" }).trim().min(1, "validation.activity.descriptionMissing").max(5000, "validation.activity.descriptionTooLong"),
  place: z.string({ error: "validation.activity.placeMissing" }).trim().min(1, "validation.activity.placeMissing").max(200, "validation.activity.placeTooLong"),
  startsAt: time("validation.activity.startMissing"),
  endsAt: time("validation.activity.endMissing"),
  capacity: z
    .number({ error: "validation.activity.capacityInvalid" })
    .int("validation.activity.capacityInvalid")
    .min(1, "validation.activity.capacityTooSmall")
    .max(MAX_CAPACITY, "validation.activity.capacityTooBig")
    .nullish()
    .transform((value) => value ?? null),
  registrationDeadline: time("validation.activity.deadlineInvalid")
    .nullish()
    .transform((value) => value ?? null),
};

interface Timed {
  startsAt: number;
  endsAt: number;
  registrationDeadline: number | null;
}

function checkTimes(value: Timed, ctx: z.RefinementCtx) {
  if (value.endsAt <= value.startsAt) ctx.addIssue({ code: "custom", path: ["endsAt"], message: "validation.activity.endBeforeStart" });
  if (value.registrationDeadline !== null && value.registrationDeadline > value.startsAt) {
    ctx.addIssue({ code: "custom", path: ["registrationDeadline"], message: "validation.activity.deadlineAfterStart" });
  }
}

export const ZActivityInput = z.object(activityFields).superRefine(checkTimes);
export type TActivityInput = z.infer<typeof ZActivityInput>;

/** A partner's sponsored activity: the activity, the neighbourhoods (slugs) it is for, a sponsor note. */
export const ZPartnerActivityInput = z
  .object({
    ...activityFields,
    neighbourhoods: z
      .array(z.string().trim().min(1).max(80), { error: "validation.activity.neighbourhoodsMissing" })
      .min(1, "validation.activity.neighbourhoodsMissing")
      .max(50)
      .transform((slugs) => [...new Set(slugs)]),
    sponsorNote: z
      .string()
      .trim()
      .max(300, "validation.activity.sponsorNoteTooLong")
      .nullish()
      .transform((value) => value || null),
    /** Keep as a draft instead of submitting for review now. */
    draft: z.boolean().optional().default(false),
  })
  .superRefine(checkTimes);
export type TPartnerActivityInput = z.infer<typeof ZPartnerActivityInput>;

export const ZRsvpInput = z.object({ answer: z.enum(RSVP_ANSWERS, { error: "validation.activity.answerInvalid" }) });

export const ZRejectInput = z.object({
  reason: z.string({ error: "validation.activity.reasonMissing" }).trim().min(1, "validation.activity.reasonMissing").max(1000, "validation.activity.reasonTooLong"),
});

export const ZCancelInput = z.object({
  message: z.string({ error: "validation.activity.cancelMessageMissing" }).trim().min(1, "validation.activity.cancelMessageMissing").max(1000, "validation.activity.reasonTooLong"),
});

export const ZSponsoredSetting = z.object({ enabled: z.boolean({ error: "validation.generic.invalid_type" }) });
