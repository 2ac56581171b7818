import { describe, expect, it } from "vitest";
import { brandingContrastError, ZBrandingInput, ZSponsorInput, ZSponsorUpdate } from "./branding-input.ts";

describe("the branding refusal", () => {
  it("names each failing colour, its pair, the shortfall and a passing shade, in both languages", () => {
    const error = brandingContrastError({ primaryColor: "#7fbfae", accentColor: "#1d4e89" })!;
    expect(error.code).toBe("contrast_too_low");
    expect(error.status).toBe(422);
    const nl = error.toBody("nl").error as { message: string; details: { fields: Record<string, string>; contrast: { field: string; suggestion: string }[] } };
    expect(Object.keys(nl.details.fields).sort()).toEqual(["accentColor", "primaryColor"]);
    expect(nl.details.fields.primaryColor).toMatch(/^Hoofdkleur #7fbfae: .* nodig is 4\.5:1 \(\d\.\d\d te weinig\)\. Kies een donkerdere kleur, bijvoorbeeld #[0-9a-f]{6}\.$/);
    expect(nl.details.fields.accentColor).toContain("Accentkleur #1d4e89");
    const suggestion = nl.details.contrast.find((item) => item.field === "primaryColor")!.suggestion;
    expect(nl.details.fields.primaryColor).toContain(suggestion);
    expect(error.toBody("en").error.message).toContain("Primary colour #7fbfae");
  });

  it("says nothing when the colours pass or are not given", () => {
    expect(brandingContrastError({ primaryColor: "#1f6f5c", accentColor: "#f2b134" })).toBeNull();
    expect(brandingContrastError({})).toBeNull();
  });
});

describe("branding input", () => {
  it("lower-cases colours, clears empty texts and leaves absent ones alone", () => {
    expect(ZBrandingInput.parse({ primaryColor: "#1F6F5C", tagline: "", houseRules: null })).toEqual({ primaryColor: "#1f6f5c", tagline: null, houseRules: null });
    expect(ZBrandingInput.parse({})).toEqual({});
  });

  it("refuses colours that are not #rrggbb", () => {
    for (const colour of ["red", "#fff", "#12345g", "1f6f5c", "url(x)"]) expect(ZBrandingInput.safeParse({ primaryColor: colour }).success).toBe(false);
  });

  it("accepts only http(s) sponsor links and keeps absent fields absent when updating", () => {
    expect(ZSponsorInput.safeParse({ name: "Bakkerij", website: "javascript:alert(1)" }).success).toBe(false);
    expect(ZSponsorInput.parse({ name: "Bakkerij", website: "https://bakkerij.example" }).website).toBe("https://bakkerij.example");
    expect(ZSponsorUpdate.parse({ name: "Bakkerij" })).toEqual({ name: "Bakkerij" });
  });
});
