// Which language to answer a request in. Pure, so the API (and the pages) can share one rule.
import { isLanguage, LANGUAGES, type Language } from "./messages.ts";

/** The cookie the language switch on the pages sets (`bp_lang=nl|en`). */
export const LANGUAGE_COOKIE = "bp_lang";

/** The language in the `bp_lang` cookie of a Cookie header, if it names one we write in. */
export function languageFromCookie(cookieHeader: string | null | undefined): Language | null {
  const match = /(?:^|;\s*)bp_lang=([^;]*)/.exec(cookieHeader ?? "");
  const value = match?.[1]?.trim();
  return isLanguage(value) ? value : null;
}

/**
 * The first language we write in from an Accept-Language header, by its q-values (highest first, ties
 * in header order); "en-GB" counts as "en", q=0 means "not this one". Null when none fits.
 */
export function languageFromAcceptLanguage(header: string | null | undefined): Language | null {
  if (!header) return null;
  const ranges = header
    .split(",")
    .map((part, index) => {
      const [range = "", ...options] = part.trim().split(";");
      const q = options.map((option) => /^\s*q\s*=(.*)$/i.exec(option)?.[1]).find((value) => value !== undefined);
      // A q-value that is not a number between 0 and 1 counts as "not this one".
      const weight = q === undefined ? 1 : /^\s*(0(\.\d*)?|1(\.0*)?)\s*$/.test(q) ? Number(q) : 0;
      return { primary: range.trim().toLowerCase().split("-")[0] ?? "", weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((range) => range.weight > 0 && range.primary !== "")
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const range of ranges) {
    if (isLanguage(range.primary)) return range.primary;
    // "*" accepts anything: our first language.
    if (range.primary === "*") return LANGUAGES[0];
  }
  return null;
}

export interface LanguageSources {
  /** The request's Cookie header (the `bp_lang` choice made with the language switch). */
  cookieHeader?: string | null;
  /** The logged-in member's stored choice (users.locale), if any. */
  memberLanguage?: string | null;
  acceptLanguage?: string | null;
  /** The corporation's default language (tenant settings). */
  tenantDefault?: string | null;
}

/**
 * The reader's own choice first (the language switch's cookie, else the member's stored choice), then
 * the browser's Accept-Language, then the corporation's default, then Dutch.
 */
export function chooseLanguage(sources: LanguageSources): Language {
  return (
    languageFromCookie(sources.cookieHeader) ??
    (isLanguage(sources.memberLanguage) ? sources.memberLanguage : null) ??
    languageFromAcceptLanguage(sources.acceptLanguage) ??
    (isLanguage(sources.tenantDefault) ? sources.tenantDefault : null) ??
    "nl"
  );
}
