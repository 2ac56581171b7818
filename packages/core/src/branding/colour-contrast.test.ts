import { describe, expect, it } from "vitest";
import { checkColourContrast, contrastRatio, MIN_TEXT_CONTRAST, nearestPassingShade, pairsFor, relativeLuminance } from "./colour-contrast.ts";

describe("contrast ratio (WCAG 2.2)", () => {
  it("knows the extremes and well-known pairs", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#ffffff", "#ffffff")).toBeCloseTo(1, 5);
    // #767676 is the lightest grey that passes on white; #777777 just fails.
    expect(contrastRatio("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
    expect(contrastRatio("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
    // Pure red on white, and the order of the two colours does not matter.
    expect(contrastRatio("#ff0000", "#ffffff")).toBeCloseTo(4.0, 1);
    expect(contrastRatio("#ffffff", "#ff0000")).toBe(contrastRatio("#ff0000", "#ffffff"));
    expect(relativeLuminance("#ffffff")).toBeCloseTo(1, 5);
  });
});

describe("the colours of a corporation", () => {
  it("accepts the default colours, which the stylesheet uses", () => {
    expect(checkColourContrast("primaryColor", "#1f6f5c")).toBeNull();
    expect(checkColourContrast("accentColor", "#f2b134")).toBeNull();
  });

  it("checks the primary colour as background of white text and as text on the page", () => {
    expect(pairsFor("primaryColor", "#123456").map((pair) => pair.use)).toEqual(["whiteOnPrimary", "primaryOnPage"]);
    const failure = checkColourContrast("primaryColor", "#7fbfae");
    expect(failure).toMatchObject({ colour: "primaryColor", value: "#7fbfae" });
    expect(failure!.ratio).toBeLessThan(MIN_TEXT_CONTRAST);
    expect(failure!.shortBy).toBeCloseTo(MIN_TEXT_CONTRAST - failure!.ratio, 5);
  });

  it("refuses a primary colour that passes on white but not on the slightly darker page", () => {
    // #767676 passes against white (4.54) but the page paper (#fbfaf7) is a shade darker.
    const failure = checkColourContrast("primaryColor", "#767676");
    expect(failure?.pair.use).toBe("primaryOnPage");
  });

  it("checks the accent colour as background of dark ink text", () => {
    expect(pairsFor("accentColor", "#123456").map((pair) => pair.use)).toEqual(["inkOnAccent"]);
    const failure = checkColourContrast("accentColor", "#1d4e89");
    expect(failure).toMatchObject({ colour: "accentColor", pair: { use: "inkOnAccent" } });
  });

  it("names the ratio and how much it falls short, two decimals", () => {
    const failure = checkColourContrast("primaryColor", "#ffff00")!;
    expect(failure.ratio).toBe(1.02); // yellow as text on the page
    expect(failure.shortBy).toBe(3.48);
  });
});

describe("the nearest passing shade", () => {
  it("darkens a primary colour that is too light, just enough", () => {
    const suggestion = nearestPassingShade("primaryColor", "#7fbfae")!;
    expect(checkColourContrast("primaryColor", suggestion)).toBeNull();
    // Just enough: a shade one step lighter fails again.
    expect(contrastRatio(suggestion, "#fbfaf7")).toBeLessThan(4.7);
  });

  it("lightens an accent colour that is too dark", () => {
    const suggestion = nearestPassingShade("accentColor", "#1d4e89")!;
    expect(checkColourContrast("accentColor", suggestion)).toBeNull();
    expect(relativeLuminance(suggestion)).toBeGreaterThan(relativeLuminance("#1d4e89"));
    expect(contrastRatio(suggestion, "#1b1f23")).toBeLessThan(4.8);
  });

  it("keeps the hue: a grey stays grey, a red stays red", () => {
    const grey = nearestPassingShade("primaryColor", "#999999")!;
    expect(grey.slice(1, 3)).toBe(grey.slice(3, 5));
    expect(grey.slice(3, 5)).toBe(grey.slice(5, 7));
    const red = nearestPassingShade("primaryColor", "#ff0000")!;
    expect(red).toMatch(/^#[0-9a-f]{2}0000$/);
    expect(checkColourContrast("primaryColor", red)).toBeNull();
  });

  it("keeps a colour that already passes", () => {
    expect(nearestPassingShade("primaryColor", "#1F6F5C")).toBe("#1f6f5c");
  });

  it("suggests a passing shade in every failure", () => {
    for (const value of ["#ffffff", "#000000", "#808080", "#00ff00", "#f2b134"]) {
      for (const colour of ["primaryColor", "accentColor"] as const) {
        const failure = checkColourContrast(colour, value);
        if (failure) expect(checkColourContrast(colour, failure.suggestion!)).toBeNull();
      }
    }
  });
});
