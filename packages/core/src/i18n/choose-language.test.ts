import { describe, expect, it } from "vitest";
import { chooseLanguage, languageFromAcceptLanguage, languageFromCookie } from "./choose-language.ts";

describe("languageFromAcceptLanguage", () => {
  it("takes the first supported language by q-value, not by position", () => {
    expect(languageFromAcceptLanguage("de-DE,de;q=0.9,en;q=0.8,nl;q=0.7")).toBe("en");
    expect(languageFromAcceptLanguage("en;q=0.5, nl;q=0.9")).toBe("nl");
    expect(languageFromAcceptLanguage("en-GB")).toBe("en");
    expect(languageFromAcceptLanguage("NL-be, en")).toBe("nl");
  });

  it("keeps header order on equal weights and skips q=0", () => {
    expect(languageFromAcceptLanguage("en, nl")).toBe("en");
    expect(languageFromAcceptLanguage("en;q=0, nl;q=0.1")).toBe("nl");
  });

  it("answers null when nothing fits, and Dutch for *", () => {
    expect(languageFromAcceptLanguage("de, fr;q=0.5")).toBeNull();
    expect(languageFromAcceptLanguage("")).toBeNull();
    expect(languageFromAcceptLanguage(null)).toBeNull();
    expect(languageFromAcceptLanguage("de, *;q=0.1")).toBe("nl");
    expect(languageFromAcceptLanguage("en;q=abc")).toBeNull();
  });
});

describe("languageFromCookie", () => {
  it("reads bp_lang among other cookies and ignores other values", () => {
    expect(languageFromCookie("bp_session=abc; bp_lang=en")).toBe("en");
    expect(languageFromCookie("bp_lang=nl; x=1")).toBe("nl");
    expect(languageFromCookie("bp_lang=de")).toBeNull();
    expect(languageFromCookie("not_bp_lang=en")).toBeNull();
    expect(languageFromCookie(undefined)).toBeNull();
  });
});

describe("chooseLanguage", () => {
  it("cookie, then the member's choice, then Accept-Language, then the corporation's default, then Dutch", () => {
    const all = { cookieHeader: "bp_lang=en", memberLanguage: "nl", acceptLanguage: "nl", tenantDefault: "nl" };
    expect(chooseLanguage(all)).toBe("en");
    expect(chooseLanguage({ ...all, cookieHeader: null, memberLanguage: "en" })).toBe("en");
    expect(chooseLanguage({ ...all, cookieHeader: null, memberLanguage: null, acceptLanguage: "en-US,en;q=0.9" })).toBe("en");
    expect(chooseLanguage({ acceptLanguage: "de", tenantDefault: "en" })).toBe("en");
    expect(chooseLanguage({ memberLanguage: "fr", acceptLanguage: "de", tenantDefault: "xx" })).toBe("nl");
    expect(chooseLanguage({})).toBe("nl");
  });
});
