// What staff fill in to make a neighbourhood invite (a letter, a poster, a link).
import { z } from "zod";
import { isCalendarDate } from "./amsterdam-calendar.ts";
import { blankToUndefined } from "./blank-to-undefined.ts";

export const INVITE_ROLES = ["resident", "prospective"] as const;
export type InviteRole = (typeof INVITE_ROLES)[number];
export const MAX_INVITE_USES = 10_000;

export const ZCreateInviteInput = z.object({
  neighbourhood: z.string({ error: "Kies een buurt." }).trim().min(1, { error: "Kies een buurt." }).max(80),
  complexId: z.preprocess(blankToUndefined, z.string().trim().max(64).optional()),
  label: z
    .string({ error: "Geef de uitnodiging een naam, bijvoorbeeld 'Brief Lindenhof najaar'." })
    .trim()
    .min(2, { error: "Geef de uitnodiging een naam van minstens 2 tekens." })
    .max(80, { error: "De naam mag hoogstens 80 tekens lang zijn." }),
  /** The last day the invite works ("2026-12-31"), in Amsterdam time. */
  expiresOn: z.preprocess(
    blankToUndefined,
    z.string().refine(isCalendarDate, { error: "Vul een geldige datum in (jjjj-mm-dd)." }).optional(),
  ),
  maxUses: z.preprocess(
    (value) => {
      const given = blankToUndefined(value);
      return typeof given === "string" && /^\s*\d+\s*$/.test(given) ? Number(given) : given;
    },
    z
      .number({ error: "Vul een heel getal in." })
      .int({ error: "Vul een heel getal in." })
      .min(1, { error: "Minstens 1 keer." })
      .max(MAX_INVITE_USES, { error: `Hoogstens ${MAX_INVITE_USES} keer.` })
      .optional(),
  ),
  /** Prospective residents (waiting list) only make sense in a new-build neighbourhood. */
  role: z.preprocess(blankToUndefined, z.enum(INVITE_ROLES, { error: "Kies bewoner of toekomstige bewoner." }).default("resident")),
});
export type TCreateInviteInput = z.infer<typeof ZCreateInviteInput>;
