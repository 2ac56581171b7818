import { z } from "zod";
import { blankToUndefined } from "../invites/blank-to-undefined.ts";
import { ORGANISATION_KINDS } from "./staff-roles.ts";

const name = z
  .string({ error: "validation.organisation.nameMissing" })
  .trim()
  .min(2, "validation.organisation.nameTooShort")
  .max(100, "validation.organisation.nameTooLong");
const kind = z.enum(ORGANISATION_KINDS, { error: "validation.organisation.kind" });
/** Empty (or absent) clears it. */
const description = z.preprocess(
  blankToUndefined,
  z.string({ error: "validation.organisation.descriptionTooLong" }).trim().max(1000, "validation.organisation.descriptionTooLong").optional(),
);
/** Only http(s) addresses: a website people can open. */
const websiteUrl = z
  .string({ error: "validation.organisation.website" })
  .trim()
  .max(200, "validation.organisation.websiteTooLong")
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "https:" || url.protocol === "http:") && url.hostname.includes(".");
    } catch {
      return false;
    }
  }, "validation.organisation.website");
const website = z.preprocess(blankToUndefined, websiteUrl.optional());
/** For a change: "" (or null) clears the field. */
const cleared = (value: unknown) => (value === null ? "" : typeof value === "string" ? value.trim() : value);
/** The neighbourhoods served, by slug; a form sends one value or several. */
const neighbourhoods = z.preprocess(
  (value) => (typeof value === "string" ? (value.trim() === "" ? [] : [value]) : value),
  z
    .array(z.string({ error: "validation.organisation.neighbourhoodUnknown" }).trim().min(1, "validation.organisation.neighbourhoodUnknown").max(80, "validation.organisation.neighbourhoodUnknown"), {
      error: "validation.organisation.neighbourhoods",
    })
    .max(200, "validation.organisation.neighbourhoods")
    .transform((slugs) => [...new Set(slugs)]),
);

/** POST /api/organisations: a partner or care organisation. */
export const ZCreateOrganisationInput = z.object({
  name,
  kind,
  description,
  website,
  neighbourhoods: neighbourhoods.default([]),
});
export type TCreateOrganisationInput = z.infer<typeof ZCreateOrganisationInput>;

/** PATCH /api/organisations/:id: what is given changes; description and website "" clear them. */
export const ZUpdateOrganisationInput = z.object({
  name: name.optional(),
  kind: kind.optional(),
  description: z.preprocess(cleared, z.string({ error: "validation.organisation.descriptionTooLong" }).max(1000, "validation.organisation.descriptionTooLong").optional()),
  website: z.preprocess(cleared, z.union([z.literal(""), websiteUrl], { error: "validation.organisation.website" }).optional()),
  neighbourhoods: neighbourhoods.optional(),
});
export type TUpdateOrganisationInput = z.infer<typeof ZUpdateOrganisationInput>;
