// What staff fill in to make a neighbourhood invite (a letter, a poster, a link).
import { z } from "zod";
import { isCalendarDate } from "./amsterdam-calendar.ts";
import { blankToUndefined } from "./blank-to-undefined.ts";

export const INVITE_ROLES = ["resident", "prospective"] as const;
export type InviteRole = (typeof INVITE_ROLES)[number];
export const MAX_INVITE_USES = 10_000;

export const ZCreateInviteInput = z.object({
  neighbourhood: z.string({ error: "validation.invite.neighbourhoodMissing" }).trim().min(1, { error: "validation.invite.neighbourhoodMissing" }).max(80),
  complexId: z.preprocess(blankToUndefined, z.string().trim().max(64).optional()),
  label: z
    .string({ error: "validation.invite.labelMissing" })
    .trim()
    .min(2, { error: "validation.invite.labelTooShort" })
    .max(80, { error: "validation.invite.labelTooLong" }),
  /** The last day the invite works ("2026-12-31"), in Amsterdam time. */
  expiresOn: z.preprocess(
    blankToUndefined,
    z.string().refine(isCalendarDate, { error: "validation.invite.dateInvalid" }).optional(),
  ),
  maxUses: z.preprocess(
    (value) => {
      const given = blankToUndefined(value);
      return typeof given === "string" && /^\s*\d+\s*$/.test(given) ? Number(given) : given;
    },
    z
      .number({ error: "validation.invite.wholeNumber" })
      .int({ error: "validation.invite.wholeNumber" })
      .min(1, { error: "validation.invite.usesAtLeastOne" })
      .max(MAX_INVITE_USES, { error: "validation.invite.usesAtMost" })
      .optional(),
  ),
  /** Prospective residents (waiting list) only make sense in a new-build neighbourhood. */
  role: z.preprocess(blankToUndefined, z.enum(INVITE_ROLES, { error: "validation.invite.role" }).default("resident")),
});
export type TCreateInviteInput = z.infer<typeof ZCreateInviteInput>;
