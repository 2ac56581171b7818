// The fixed themes of the liveability pulse and of "What first?", each mapped to a dimension of the
// Leefbaarometer 3.0 (decision 028), so a corporation can set the residents' view beside the national score.

export const PULSE_THEMES = ["safety", "cleanliness", "social_contact", "facilities", "green_and_play", "nuisance", "maintenance"] as const;
export type PulseTheme = (typeof PULSE_THEMES)[number];

/** The five dimensions of the Leefbaarometer 3.0. */
export const LEEFBAAROMETER_DIMENSIONS = ["fysieke_omgeving", "woningvoorraad", "voorzieningen", "sociale_samenhang", "overlast_en_onveiligheid"] as const;
export type LeefbaarometerDimension = (typeof LEEFBAAROMETER_DIMENSIONS)[number];

export const THEME_DIMENSION: Record<PulseTheme, LeefbaarometerDimension> = {
  safety: "overlast_en_onveiligheid",
  cleanliness: "fysieke_omgeving",
  social_contact: "sociale_samenhang",
  facilities: "voorzieningen",
  green_and_play: "fysieke_omgeving",
  nuisance: "overlast_en_onveiligheid",
  maintenance: "woningvoorraad",
};

export function isPulseTheme(value: unknown): value is PulseTheme {
  return typeof value === "string" && (PULSE_THEMES as readonly string[]).includes(value);
}
