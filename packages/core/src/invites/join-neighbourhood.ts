// What a new resident fills in to join through an invite. E-mail is optional (many residents have
// none); then a password is needed to log in again with a generated login name.
import { z } from "zod";
import { blankToUndefined } from "./blank-to-undefined.ts";

export const ZJoinDisplayName = z
  .string({ error: "Vul je naam in." })
  .trim()
  .min(2, { error: "Je naam moet minstens 2 tekens lang zijn." })
  .max(60, { error: "Je naam mag hoogstens 60 tekens lang zijn." });

export const ZJoinEmail = z.preprocess(
  blankToUndefined,
  z.string().trim().toLowerCase().pipe(z.email({ error: "Vul een geldig e-mailadres in, of laat het leeg." })).optional(),
);

/** Neighbours see the street at most: never a house number. */
export const ZJoinStreet = z.preprocess(
  blankToUndefined,
  z
    .string()
    .trim()
    .max(80, { error: "De straatnaam mag hoogstens 80 tekens lang zijn." })
    .refine((street) => !/\d/.test(street), { error: "Vul alleen je straat in, zonder huisnummer. Zo blijft je adres privé." })
    .optional(),
);

export const ZJoinInput = z
  .object({
    /** The link token or the code from the letter. */
    invite: z.string({ error: "Vul de buurtcode in." }).trim().min(1, { error: "Vul de buurtcode in." }).max(100),
    displayName: ZJoinDisplayName,
    email: ZJoinEmail,
    street: ZJoinStreet,
    password: z.preprocess(
      (value) => (value === "" || value === null ? undefined : value),
      z
        .string()
        .min(10, { error: "Kies een wachtwoord van minstens 10 tekens." })
        .max(200, { error: "Het wachtwoord mag hoogstens 200 tekens lang zijn." })
        .optional(),
    ),
    acceptHouseRules: z.literal(true, { error: "Ga akkoord met de huisregels om mee te doen." }),
  })
  .refine((input) => input.email !== undefined || input.password !== undefined, {
    error: "Vul een e-mailadres of een wachtwoord in, zodat je later weer kunt inloggen.",
    path: ["password"],
    when: (payload) => typeof payload.value === "object" && payload.value !== null,
  });
export type TJoinInput = z.infer<typeof ZJoinInput>;
