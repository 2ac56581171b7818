import { createContext, createElement, useContext, type ReactNode } from "react";

export const LOCALES = ["nl", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const LOCALE_COOKIE = "bp_lang";

/** All texts of one language, as the pages read them (t("<section>.<key>")). */
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

/** What a text may be given: {{name}} values, `count` (picks key_one / key_other), a default, or the raw object. */
export interface TOptions {
  defaultValue?: string;
  returnObjects?: boolean;
  count?: number;
  [param: string]: unknown;
}

export type TFunction = (key: string, options?: TOptions) => string;

export interface Translator {
  /** The reader's language. */
  language: Locale;
  t: TFunction;
  /** Texts in another language the page shows too (the bilingual letter and poster). */
  getFixedT(language: Locale): TFunction;
}

function lookup(dictionary: Dictionary, key: string): unknown {
  let node: unknown = dictionary;
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

function interpolate(text: string, options: TOptions): string {
  return text.includes("{{") ? text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (options[name] === undefined ? whole : String(options[name]))) : text;
}

/** Made once: an Intl.PluralRules costs more to make than a page's texts cost to look up. */
const pluralRules: Record<Locale, Intl.PluralRules> = { nl: new Intl.PluralRules("nl-NL"), en: new Intl.PluralRules("en-GB") };

/**
 * The page's `t`: a plain lookup in the catalogue with {{name}} placeholders and plural keys
 * (`key_one` / `key_other` by Intl.PluralRules), the same syntax the API and e-mails use
 * (packages/core/src/i18n). Looked-up paths are kept per dictionary, so a page's many texts cost
 * almost nothing.
 */
function fixedT(language: Locale, dictionary: Dictionary): TFunction {
  const found = new Map<string, unknown>();
  const plurals = pluralRules[language];
  const get = (key: string): unknown => {
    if (!found.has(key)) found.set(key, lookup(dictionary, key));
    return found.get(key);
  };
  return (key, options = {}) => {
    let value: unknown;
    if (typeof options.count === "number") value = get(`${key}_${plurals.select(options.count)}`) ?? get(`${key}_other`);
    value ??= get(key);
    if (options.returnObjects && typeof value === "object" && value !== null) return value as unknown as string;
    if (typeof value !== "string") return options.defaultValue ?? key;
    return interpolate(value, options);
  };
}

/**
 * One translator per render (server) or per page load (browser), from the dictionaries at hand: no
 * network, no flash of untranslated text. The reader's language must be among them; others serve
 * pages that show more than one language (the bilingual letter).
 */
export function createTranslator(locale: Locale, dictionaries: Dictionaries): Translator {
  const dictionary = dictionaries[locale];
  if (!dictionary) throw new Error(`no dictionary for "${locale}" in this runtime`);
  const others = new Map<Locale, TFunction>();
  return {
    language: locale,
    t: fixedT(locale, dictionary),
    getFixedT(language) {
      if (language === locale) return this.t;
      const other = dictionaries[language];
      if (!other) throw new Error(`no dictionary for "${language}" in this runtime`);
      if (!others.has(language)) others.set(language, fixedT(language, other));
      return others.get(language)!;
    },
  };
}

const TranslatorContext = createContext<Translator | null>(null);

export function TranslatorProvider({ translator, children }: { translator: Translator; children: ReactNode }) {
  return createElement(TranslatorContext.Provider, { value: translator }, children);
}

/** The page's texts: `const { t } = useTranslation()`. */
export function useTranslation(): { t: TFunction; i18n: Translator } {
  const translator = useContext(TranslatorContext);
  if (!translator) throw new Error("useTranslation outside TranslatorProvider (root.tsx)");
  return { t: translator.t, i18n: translator };
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
