// PATCH /api/settings/branding and the sponsors an admin manages: their input checks, and the contrast
// refusal (422 contrast_too_low) that names each failing colour, the pair, the shortfall and a shade
// that would pass.
import { z } from "zod";
import { AppError } from "../errors/app-error.ts";
import type { MessageKey, MessageParams } from "../i18n/messages.ts";
import { checkColourContrast, contrastMessage, HEX_COLOUR, MIN_TEXT_CONTRAST, type BrandColour, type ContrastFailure } from "./colour-contrast.ts";

/** "" and null clear an optional text; absent leaves it as it is. */
const optionalText = (max: number, tooLong: MessageKey) =>
  z
    .string({ error: "validation.generic.invalid_type" })
    .trim()
    .max(max, tooLong)
    .nullable()
    .optional()
    .transform((text) => (text === undefined ? undefined : text ? text : null));

const colour = z
  .string({ error: "validation.branding.colourFormat" })
  .trim()
  .regex(HEX_COLOUR, "validation.branding.colourFormat")
  .transform((value) => value.toLowerCase())
  .optional();

export const ZBrandingInput = z.object({
  displayName: z
    .string({ error: "validation.branding.nameMissing" })
    .trim()
    .min(2, "validation.branding.nameTooShort")
    .max(80, "validation.branding.nameTooLong")
    .optional(),
  tagline: optionalText(140, "validation.branding.taglineTooLong"),
  primaryColor: colour,
  accentColor: colour,
  sponsorStatement: optionalText(300, "validation.branding.sponsorStatementTooLong"),
  houseRules: optionalText(3000, "validation.branding.houseRulesTooLong"),
  defaultLanguage: z.enum(["nl", "en"], { error: "validation.branding.language" }).optional(),
});
export type TBrandingInput = z.infer<typeof ZBrandingInput>;

/**
 * The colours of a branding change that text on them would not be readable with, as one 422
 * `contrast_too_low`: details.fields names each failing colour with its message, details.contrast
 * has the figures (pair, ratio, needed, short by, suggestion). Null when every given colour passes.
 */
export function brandingContrastError(input: Partial<Record<BrandColour, string>>): AppError | null {
  const failures = (["primaryColor", "accentColor"] as const)
    .map((colour) => (input[colour] ? checkColourContrast(colour, input[colour]) : null))
    .filter((failure): failure is ContrastFailure => failure !== null);
  if (failures.length === 0) return null;
  const fields: Record<string, MessageKey> = {};
  let params: MessageParams = {};
  for (const failure of failures) {
    const message = contrastMessage(failure);
    fields[failure.colour] = message.key;
    params = { ...params, ...message.params };
  }
  return new AppError("contrast_too_low", {
    fields,
    params,
    details: {
      contrast: failures.map((failure) => ({
        field: failure.colour,
        value: failure.value,
        pair: { use: failure.pair.use, text: failure.pair.text, background: failure.pair.background },
        ratio: failure.ratio,
        required: MIN_TEXT_CONTRAST,
        shortBy: failure.shortBy,
        suggestion: failure.suggestion,
      })),
    },
  });
}

/** A sponsor of the corporation's Buurtplein (a partner of kind `sponsor`: never a user, no access to anything). */
export const ZSponsorInput = z.object({
  name: z.string({ error: "validation.sponsor.nameMissing" }).trim().min(2, "validation.sponsor.nameTooShort").max(80, "validation.sponsor.nameTooLong"),
  website: z
    .string({ error: "validation.sponsor.website" })
    .trim()
    .max(300, "validation.sponsor.website")
    .refine((value) => value === "" || isWebAddress(value), "validation.sponsor.website")
    .nullable()
    .optional()
    .transform((value) => (value === undefined ? undefined : value ? value : null)),
  description: z
    .string({ error: "validation.generic.invalid_type" })
    .trim()
    .max(300, "validation.sponsor.descriptionTooLong")
    .nullable()
    .optional()
    .transform((value) => (value === undefined ? undefined : value ? value : null)),
});
export type TSponsorInput = z.infer<typeof ZSponsorInput>;

/** For PATCH: every field optional (an absent field stays as it is). */
export const ZSponsorUpdate = ZSponsorInput.partial();

/** Only http(s) addresses: a sponsor link never runs script (javascript:) or opens something else. */
export function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname.includes(".");
  } catch {
    return false;
  }
}
