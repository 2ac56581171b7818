// Feature translations: each feature keeps its texts in its own file as { nl: { <feature>: … }, en: … }
// and is listed here once. Keys are then used as t("<feature>.<key>").
import { invitesMessages } from "./invites.ts";
import { accessMessages } from "./access.ts";

export interface FeatureMessages {
  nl: Record<string, unknown>;
  en: Record<string, unknown>;
}

export const FEATURE_MESSAGES: FeatureMessages[] = [];
FEATURE_MESSAGES.push(accessMessages);
FEATURE_MESSAGES.push(invitesMessages);
