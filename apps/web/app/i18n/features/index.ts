// Feature translations: each feature keeps its texts in its own file as { nl: { <feature>: … }, en: … }
// and is listed here once. Keys are then used as t("<feature>.<key>").
export interface FeatureMessages {
  nl: Record<string, unknown>;
  en: Record<string, unknown>;
}

export const FEATURE_MESSAGES: FeatureMessages[] = [];
