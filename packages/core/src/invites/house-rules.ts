// The house rules every new member accepts when joining, in both languages: their texts live in the
// catalogue (packages/core/src/i18n/catalogue/invites.ts, `invites.houseRules`).
import { invitesMessages } from "../i18n/catalogue/invites.ts";

export const HOUSE_RULES = {
  nl: invitesMessages.nl.invites.houseRules,
  en: invitesMessages.en.invites.houseRules,
};

export type HouseRules = { title: string; rules: readonly string[] };
