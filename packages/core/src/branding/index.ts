// Branding and sponsorship: the corporation's colours (contrast rule), its texts, its sponsors.
export * from "./colour-contrast.ts";
export * from "./branding-input.ts";
