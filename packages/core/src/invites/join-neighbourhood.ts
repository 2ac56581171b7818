// What a new resident fills in to join through an invite. E-mail is optional (many residents have
// none); then a password is needed to log in again with a generated login name.
import { z } from "zod";
import { blankToUndefined } from "./blank-to-undefined.ts";

export const ZJoinDisplayName = z
  .string({ error: "validation.profile.nameMissing" })
  .trim()
  .min(2, { error: "validation.profile.nameTooShort" })
  .max(60, { error: "validation.profile.nameTooLong60" });

export const ZJoinEmail = z.preprocess(
  blankToUndefined,
  z.string().trim().toLowerCase().pipe(z.email({ error: "validation.email.invalidOrEmpty" })).optional(),
);

/** Neighbours see the street at most: never a house number. */
export const ZJoinStreet = z.preprocess(
  blankToUndefined,
  z
    .string()
    .trim()
    .max(80, { error: "validation.profile.streetTooLong" })
    .refine((street) => !/\d/.test(street), { error: "validation.profile.joinStreetNoNumber" })
    .optional(),
);

export const ZJoinInput = z
  .object({
    /** The link token or the code from the letter. */
    invite: z.string({ error: "validation.join.inviteMissing" }).trim().min(1, { error: "validation.join.inviteMissing" }).max(100),
    displayName: ZJoinDisplayName,
    email: ZJoinEmail,
    street: ZJoinStreet,
    password: z.preprocess(
      (value) => (value === "" || value === null ? undefined : value),
      z
        .string()
        .min(10, { error: "validation.join.passwordTooShort" })
        .max(200, { error: "validation.signup.passwordTooLong" })
        .optional(),
    ),
    acceptHouseRules: z.literal(true, { error: "validation.join.houseRules" }),
  })
  .refine((input) => input.email !== undefined || input.password !== undefined, {
    error: "validation.join.emailOrPassword",
    path: ["password"],
    when: (payload) => typeof payload.value === "object" && payload.value !== null,
  });
export type TJoinInput = z.infer<typeof ZJoinInput>;
