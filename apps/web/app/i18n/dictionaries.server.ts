// Every language's dictionary, for the server only (entry.server.tsx): `.server` keeps it out of the
// browser bundle; a browser gets its reader's dictionary from the page (i18n.ts, DictionaryContext).
// The texts live in one catalogue per language in packages/core/src/i18n (pages, API errors, e-mails).
import { MESSAGES } from "@buurtplein/core/i18n/messages";
import type { Dictionary, Locale } from "./i18n.ts";

export const DICTIONARIES: Record<Locale, Dictionary> = MESSAGES;
