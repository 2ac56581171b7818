// What members and moderators send about moderation: reports, decisions, suspensions, appeals.
import { z } from "zod";
import { HOUSE_RULES } from "../invites/house-rules.ts";

export const MODERATION_TARGET_TYPES = ["post", "reply", "member"] as const;
export type ModerationTargetType = (typeof MODERATION_TARGET_TYPES)[number];

/** Content that can be hidden and restored (a member is warned or suspended instead). */
export const HIDEABLE_TARGET_TYPES = ["post", "reply"] as const;
export type HideableTargetType = (typeof HIDEABLE_TARGET_TYPES)[number];

export const MODERATION_ACTIONS = ["hide", "restore", "warn", "suspend"] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

export const REPORT_REASON_MAX = 500;
export const MODERATION_REASON_MAX = 500;
export const APPEAL_MAX = 1000;
export const SUSPENSION_DAYS_MAX = 90;
/** How many house rules there are to point at (1-based numbers of HOUSE_RULES). */
export const HOUSE_RULE_COUNT = HOUSE_RULES.nl.rules.length;

const targetId = z.string({ error: "validation.moderation.targetMissing" }).regex(/^[\w-]{1,64}$/, "validation.moderation.targetMissing");

const reason = (max: number) =>
  z
    .string({ error: "validation.moderation.reasonMissing" })
    .trim()
    .min(3, "validation.moderation.reasonMissing")
    .max(max, "validation.moderation.reasonTooLong");

/** A form sends "" for "no rule chosen"; the API takes a number or nothing. */
const houseRule = z.preprocess(
  (value) => (value === "" || value === null ? undefined : typeof value === "string" ? Number(value) : value),
  z.number({ error: "validation.moderation.houseRuleInvalid" }).int("validation.moderation.houseRuleInvalid").min(1, "validation.moderation.houseRuleInvalid").max(HOUSE_RULE_COUNT, "validation.moderation.houseRuleInvalid").optional(),
);

export const ZReportInput = z.object({
  targetType: z.enum(MODERATION_TARGET_TYPES, { error: "validation.moderation.targetTypeInvalid" }),
  targetId,
  reason: reason(REPORT_REASON_MAX),
  houseRule,
});
export type ReportInput = z.infer<typeof ZReportInput>;

/** Hide or restore a post or reply. */
export const ZContentDecisionInput = z.object({
  targetType: z.enum(HIDEABLE_TARGET_TYPES, { error: "validation.moderation.targetTypeInvalid" }),
  targetId,
  reason: reason(MODERATION_REASON_MAX),
  houseRule,
});
export type ContentDecisionInput = z.infer<typeof ZContentDecisionInput>;

/** Warn a member (about something they did; nothing is blocked). */
export const ZWarnInput = z.object({
  userId: targetId,
  reason: reason(MODERATION_REASON_MAX),
  houseRule,
});

/** Suspend a member for a number of days: no posts, replies or reactions until the end. */
export const ZSuspendMemberInput = z.object({
  userId: targetId,
  reason: reason(MODERATION_REASON_MAX),
  houseRule,
  days: z.preprocess(
    (value) => (typeof value === "string" && value !== "" ? Number(value) : value),
    z.number({ error: "validation.moderation.daysInvalid" }).int("validation.moderation.daysInvalid").min(1, "validation.moderation.daysInvalid").max(SUSPENSION_DAYS_MAX, "validation.moderation.daysInvalid"),
  ),
});

export const ZAppealInput = z.object({
  body: reason(APPEAL_MAX),
});
