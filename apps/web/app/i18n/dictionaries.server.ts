// Every language's dictionary, for the server only (entry.server.tsx): `.server` keeps it out of the
// browser bundle; a browser gets its reader's dictionary from the page (i18n.ts, DictionaryContext).
import type { Dictionary, Locale } from "./i18n.ts";
import { en } from "./en.ts";
import { nl } from "./nl.ts";
import { FEATURE_MESSAGES } from "./features/index.ts";

export const DICTIONARIES: Record<Locale, Dictionary> = {
  nl: Object.assign({}, nl, ...FEATURE_MESSAGES.map((feature) => feature.nl)),
  en: Object.assign({}, en, ...FEATURE_MESSAGES.map((feature) => feature.en)),
};
