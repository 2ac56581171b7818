import { createContext } from "react";
import i18next, { type i18n } from "i18next";

export const LOCALES = ["nl", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const LOCALE_COOKIE = "bp_lang";

/** All texts of one language, as i18next reads them (t("<section>.<key>")). */
export type Dictionary = Record<string, unknown>;
/** The dictionaries a runtime holds, by language. */
export type Dictionaries = Partial<Record<Locale, Dictionary>>;

/**
 * The dictionaries this runtime holds. The server holds every language (entry.server.tsx, from
 * dictionaries.server.ts); a browser holds only what the page carries: its reader's, plus any other a
 * route names because it shows it (root.tsx, `DictionaryScript`; read by entry.client.tsx). So no
 * page carries a language it does not show, and the dictionaries are no part of the client bundle.
 */
export const DictionaryContext = createContext<Dictionaries>({});

export function isLocale(value: unknown): value is Locale {
  return value === "nl" || value === "en";
}

/**
 * One i18next instance per render (server) or per page load (browser), initialised synchronously
 * from the dictionaries at hand: no network, no flash of untranslated text. The reader's language
 * must be among them; others serve pages that show more than one language (the bilingual letter).
 */
export function createI18n(locale: Locale, dictionaries: Dictionaries): i18n {
  if (!dictionaries[locale]) throw new Error(`no dictionary for "${locale}" in this runtime`);
  const resources = Object.fromEntries(Object.entries(dictionaries).map(([language, dictionary]) => [language, { translation: dictionary }]));
  const instance = i18next.createInstance();
  void instance.init({
    lng: locale,
    fallbackLng: false,
    resources,
    interpolation: { escapeValue: false },
    initAsync: false,
    returnObjects: true,
  });
  return instance;
}

/** The locale asked for by the `bp_lang` cookie, else the tenant's default. */
export function localeFromCookie(cookieHeader: string | null, fallback: Locale): Locale {
  const match = /(?:^|;\s*)bp_lang=(nl|en)(?:;|$)/.exec(cookieHeader ?? "");
  return isLocale(match?.[1]) ? match[1] : fallback;
}

/** Where a page that runs JavaScript carries its reader's dictionary (see entry.client.tsx). */
export const DICTIONARY_ELEMENT_ID = "bp-dictionary";

/** JSON that can stand inside a <script> element: no "</script>" or "<!--" can end it early. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}
