// The contrast rule for a corporation's colours (WCAG 2.2 AA, 1.4.3: body text needs 4.5:1). Which
// text sits on which colour is decided by the product's stylesheet (apps/web/app/styles.css); the pairs
// below are exactly the ones it uses, so a colour that passes here is readable everywhere it is used.
// Pure and small: the branding page runs it in the browser too, for its live check.
import type { MessageKey, MessageParams } from "../i18n/messages.ts";

/** The fixed colours of the stylesheet that brand colours meet (`--paper`, `--ink`, white). */
export const PAGE_COLOURS = {
  white: "#ffffff",
  /** --paper: the page background, where links and outlined buttons show the primary colour as text. */
  paper: "#fbfaf7",
  /** --ink: body text, also on the accent colour (the progress bar). */
  ink: "#1b1f23",
} as const;

/** WCAG 2.2 AA for body text. */
export const MIN_TEXT_CONTRAST = 4.5;

export type BrandColour = "primaryColor" | "accentColor";

export interface ColourPair {
  /** Which stylesheet use this is (a catalogue key part: branding.contrast.pairs.<use>). */
  use: "whiteOnPrimary" | "primaryOnPage" | "inkOnAccent";
  text: string;
  background: string;
}

/** The text/background pairs each brand colour takes part in. */
export function pairsFor(colour: BrandColour, value: string): ColourPair[] {
  if (colour === "primaryColor") {
    return [
      // The header, buttons: white text on the primary colour.
      { use: "whiteOnPrimary", text: PAGE_COLOURS.white, background: value },
      // Links, outlined buttons, titles: the primary colour as text on the page (paper is the darker of
      // the page's white and paper, so it is the stricter one).
      { use: "primaryOnPage", text: value, background: PAGE_COLOURS.paper },
    ];
  }
  // The progress bar: ink on the accent colour. (Borders and the focus ring in the accent colour are
  // not text.)
  return [{ use: "inkOnAccent", text: PAGE_COLOURS.ink, background: value }];
}

export const HEX_COLOUR = /^#[0-9a-f]{6}$/i;

type Rgb = [number, number, number];

function parseHex(hex: string): Rgb {
  if (!HEX_COLOUR.test(hex)) throw new Error(`not a #rrggbb colour: ${hex}`);
  return [1, 3, 5].map((start) => Number.parseInt(hex.slice(start, start + 2), 16)) as Rgb;
}

function toHex([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((channel) => Math.round(channel).toString(16).padStart(2, "0")).join("")}`;
}

/** Relative luminance (WCAG 2.2, sRGB). */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = parseHex(hex).map((channel) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio of two colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** Ratios are shown and compared to two decimals down (4.499 is not 4.5). */
export function floorTo2(value: number): number {
  return Math.floor(value * 100 + 1e-9) / 100;
}

function passes(colour: BrandColour, value: string): boolean {
  return pairsFor(colour, value).every((pair) => contrastRatio(pair.text, pair.background) >= MIN_TEXT_CONTRAST);
}

function rgbToHsl([r, g, b]: Rgb): [number, number, number] {
  const [rn, gn, bn] = [r / 255, g / 255, b / 255];
  const max = Math.max(rn, gn, bn);
  const min = Math.min(rn, gn, bn);
  const l = (max + min) / 2;
  if (max === min) return [0, 0, l];
  const d = max - min;
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
  const h = max === rn ? (gn - bn) / d + (gn < bn ? 6 : 0) : max === gn ? (bn - rn) / d + 2 : (rn - gn) / d + 4;
  return [h / 6, s, l];
}

function hslToRgb([h, s, l]: [number, number, number]): Rgb {
  if (s === 0) return [l * 255, l * 255, l * 255];
  const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
  const p = 2 * l - q;
  const channel = (t: number) => {
    const x = t < 0 ? t + 1 : t > 1 ? t - 1 : t;
    if (x < 1 / 6) return p + (q - p) * 6 * x;
    if (x < 1 / 2) return q;
    if (x < 2 / 3) return p + (q - p) * (2 / 3 - x) * 6;
    return p;
  };
  return [channel(h + 1 / 3) * 255, channel(h) * 255, channel(h - 1 / 3) * 255];
}

/**
 * The nearest shade of the same hue and saturation that passes every pair of this colour: lightness
 * (HSL) is moved in steps of 0.1 % towards dark and towards light, and the smaller move that passes
 * wins. Null when no lightness passes (cannot happen for these pairs: black or white always does).
 */
export function nearestPassingShade(colour: BrandColour, value: string): string | null {
  if (passes(colour, value)) return value.toLowerCase();
  const [h, s, l] = rgbToHsl(parseHex(value));
  for (let step = 1; step <= 1000; step++) {
    const delta = step / 1000;
    for (const lightness of [l - delta, l + delta]) {
      if (lightness < 0 || lightness > 1) continue;
      const candidate = toHex(hslToRgb([h, s, lightness]));
      if (passes(colour, candidate)) return candidate;
    }
  }
  return null;
}

export interface ContrastFailure {
  colour: BrandColour;
  value: string;
  /** The pair that fails by the most. */
  pair: ColourPair;
  ratio: number;
  /** How much contrast is missing (4.5 − ratio), two decimals, rounded up. */
  shortBy: number;
  suggestion: string | null;
}

/** Why a colour is refused, or null when every text on or in it is readable. */
export function checkColourContrast(colour: BrandColour, value: string): ContrastFailure | null {
  const measured = pairsFor(colour, value).map((pair) => ({ pair, ratio: contrastRatio(pair.text, pair.background) }));
  const worst = measured.sort((a, b) => a.ratio - b.ratio)[0]!;
  if (worst.ratio >= MIN_TEXT_CONTRAST) return null;
  const ratio = floorTo2(worst.ratio);
  return {
    colour,
    value: value.toLowerCase(),
    pair: worst.pair,
    ratio,
    shortBy: Math.round((MIN_TEXT_CONTRAST - ratio) * 100) / 100,
    suggestion: nearestPassingShade(colour, value),
  };
}

/** The weakest pair of a colour and its ratio (two decimals, down): what the live check shows. */
export function weakestContrast(colour: BrandColour, value: string): { pair: ColourPair; ratio: number } {
  const measured = pairsFor(colour, value).map((pair) => ({ pair, ratio: contrastRatio(pair.text, pair.background) }));
  const weakest = measured.sort((a, b) => a.ratio - b.ratio)[0]!;
  return { pair: weakest.pair, ratio: floorTo2(weakest.ratio) };
}

const CONTRAST_MESSAGES: Record<ContrastFailure["pair"]["use"], MessageKey> = {
  whiteOnPrimary: "branding.contrast.whiteOnPrimary",
  primaryOnPage: "branding.contrast.primaryOnPage",
  inkOnAccent: "branding.contrast.inkOnAccent",
};

/** The message key of a failure and its placeholder values (prefixed by colour, so two failures never mix). */
export function contrastMessage(failure: ContrastFailure): { key: MessageKey; params: MessageParams } {
  const prefix = failure.colour === "primaryColor" ? "primary" : "accent";
  return {
    key: CONTRAST_MESSAGES[failure.pair.use],
    params: {
      [`${prefix}Value`]: failure.value,
      [`${prefix}Ratio`]: failure.ratio.toFixed(2),
      [`${prefix}Short`]: failure.shortBy.toFixed(2),
      [`${prefix}Suggestion`]: failure.suggestion ?? "",
      required: MIN_TEXT_CONTRAST.toFixed(1),
    },
  };
}

