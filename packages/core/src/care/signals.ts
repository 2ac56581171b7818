// Early warning (vroegsignalering): a resident or staff member raises a concern; routing rules send it
// to the care organisation that can act; that organisation handles it through a small state machine.
// Pure rules only; the API (apps/worker/src/care/) stores and guards (decision 027).
import { z } from "zod";

/** What a concern is about. Never a person's appearance or origin: only what was noticed. */
export const SIGNAL_CATEGORIES = ["loneliness", "self_neglect", "confusion", "nuisance", "money", "safety", "other"] as const;
export type SignalCategory = (typeof SIGNAL_CATEGORIES)[number];

/** Things one may tick as noticed (the structured part of the description). */
export const SIGNAL_NOTICED = ["curtains_closed", "post_piling_up", "smell", "noise", "not_seen", "neglected_home", "confused_behaviour", "asked_for_money"] as const;
export type SignalNoticed = (typeof SIGNAL_NOTICED)[number];

export const SIGNAL_STATUSES = ["new", "acknowledged", "in_progress", "resolved", "closed"] as const;
export type SignalStatus = (typeof SIGNAL_STATUSES)[number];

/** What a handler may ask for: a next state, or "not_ours" (back to routing with a reason). */
export const SIGNAL_ACTIONS = ["acknowledged", "in_progress", "resolved", "closed", "not_ours"] as const;
export type SignalAction = (typeof SIGNAL_ACTIONS)[number];

/** The broad status the reporter sees: never more. */
export type BroadSignalStatus = "received" | "in_progress" | "done";

const TRANSITIONS: Record<SignalStatus, readonly SignalAction[]> = {
  new: ["acknowledged", "not_ours", "closed"],
  acknowledged: ["in_progress", "resolved", "not_ours", "closed"],
  in_progress: ["resolved", "closed"],
  resolved: ["closed"],
  closed: [],
};

export function canTransition(from: SignalStatus, action: SignalAction): boolean {
  return TRANSITIONS[from].includes(action);
}

export function allowedActions(from: SignalStatus): readonly SignalAction[] {
  return TRANSITIONS[from];
}

export function broadStatus(status: SignalStatus): BroadSignalStatus {
  if (status === "new") return "received";
  if (status === "acknowledged" || status === "in_progress") return "in_progress";
  return "done";
}

export function isSignalStatus(value: unknown): value is SignalStatus {
  return typeof value === "string" && (SIGNAL_STATUSES as readonly string[]).includes(value);
}

const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((value) => (value ? value : undefined));

/** A call-back contact: a string, or its parts; stored as one line. */
const ZContact = z
  .union([
    text(200),
    z.object({ name: optionalText(100), phone: optionalText(40), email: optionalText(200) }).strict(),
  ])
  .optional()
  .transform((value) => {
    if (value === undefined) return undefined;
    const line = typeof value === "string" ? value : [value.name, value.phone, value.email].filter(Boolean).join(", ");
    return line ? line : undefined;
  });

/**
 * POST /api/signals. `description` says what was noticed (10–2000 characters); `noticed` ticks from a
 * fixed list; a resident asking help for themselves must consent to sharing with the care partner.
 */
export const ZSignalInput = z
  .object({
    category: z.enum(SIGNAL_CATEGORIES),
    description: text(2000).min(10),
    noticed: z.array(z.enum(SIGNAL_NOTICED)).max(SIGNAL_NOTICED.length).optional().default([]),
    neighbourhood: z.string().trim().min(1).max(80),
    about: z.enum(["neighbour", "myself"]),
    consent: z.boolean().optional().default(false),
    address: optionalText(200),
    complex: optionalText(40),
    contact: ZContact,
  })
  .strict()
  .superRefine((input, context) => {
    if (input.about === "myself" && !input.consent) {
      context.addIssue({ code: "custom", path: ["consent"], message: "validation.care.consentRequired" });
    }
  });
export type SignalInput = z.infer<typeof ZSignalInput>;

/** POST /api/signals/:id/status. "not_ours" needs a reason (the note). */
export const ZSignalStatusInput = z
  .object({ status: z.enum(SIGNAL_ACTIONS), note: optionalText(1000) })
  .strict()
  .superRefine((input, context) => {
    if (input.status === "not_ours" && !input.note) context.addIssue({ code: "custom", path: ["note"], message: "validation.care.reasonRequired" });
  });

export const ZSignalNoteInput = z.object({ body: text(2000).min(1) }).strict();

/** A routing rule: category and/or neighbourhood (null: any) → a care organisation. */
export const ZRoutingRuleInput = z
  .object({
    category: z.enum(SIGNAL_CATEGORIES).nullable().optional().default(null),
    neighbourhood: z.string().trim().min(1).max(80).nullable().optional().default(null),
    organisationId: z.string().trim().min(1).max(80),
  })
  .strict();

/** The details that a signal holds (removed by retention once closed long enough). */
export interface SignalDetails {
  description: string;
  noticed: SignalNoticed[];
  address?: string;
  complex?: string;
  contact?: string;
}
