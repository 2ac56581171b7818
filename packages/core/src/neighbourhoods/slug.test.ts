import { describe, expect, it } from "vitest";
import { foldName, slugFromName, uniqueSlug } from "./slug.ts";

describe("slugFromName", () => {
  it.each([
    ["Lindenhof", "lindenhof"],
    ["De Nieuwe Werf", "de-nieuwe-werf"],
    ["Oud-Zuid (Noord)", "oud-zuid-noord"],
    ["Café Élysée", "cafe-elysee"],
    ["Zuidoever  ’t Hoogje", "zuidoever-t-hoogje"],
    ["Straße Øresund", "strasse-oresund"],
    ["  --Kade 12-- ", "kade-12"],
    ["!!!", "buurt"],
  ])("%s → %s", (name, slug) => {
    expect(slugFromName(name)).toBe(slug);
  });

  it("keeps a slug short, without a dash at the end", () => {
    const slug = slugFromName(`${"a".repeat(59)} b`);
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug.endsWith("-")).toBe(false);
  });
});

describe("uniqueSlug", () => {
  it("takes the base when it is free, else the first free number", () => {
    expect(uniqueSlug("lindenhof", [])).toBe("lindenhof");
    expect(uniqueSlug("lindenhof", ["lindenhof"])).toBe("lindenhof-2");
    expect(uniqueSlug("lindenhof", ["lindenhof", "lindenhof-2", "lindenhof-3"])).toBe("lindenhof-4");
  });

  it("stays within the length limit with its number", () => {
    const base = "a".repeat(60);
    expect(uniqueSlug(base, [base])).toBe(`${"a".repeat(58)}-2`);
  });
});

describe("foldName", () => {
  it("treats case, diacritics and spaces as the same name", () => {
    expect(foldName("  Église   Noord ")).toBe(foldName("eglise noord"));
  });
});
