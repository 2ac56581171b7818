import i18next, { type i18n } from "i18next";
import { MESSAGES } from "@buurtplein/core/i18n/messages";

// The texts live in one catalogue per language in packages/core/src/i18n (pages, API errors, e-mails).
const resources = {
  nl: { translation: MESSAGES.nl },
  en: { translation: MESSAGES.en },
};

export const LOCALES = ["nl", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const LOCALE_COOKIE = "bp_lang";

export function isLocale(value: unknown): value is Locale {
  return value === "nl" || value === "en";
}

/**
 * One i18next instance per render (server) or per page load (browser), initialised synchronously
 * from bundled resources: no network, no flash of untranslated text.
 */
export function createI18n(locale: Locale): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: locale,
    fallbackLng: "nl",
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
