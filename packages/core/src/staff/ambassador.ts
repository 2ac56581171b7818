// Ambassadors: residents who help their neighbourhood (welcome newcomers, review requests to join).
// An admin or moderator makes a resident an ambassador of their neighbourhood, and back.
import type { MessageKey } from "../i18n/messages.ts";

export interface AmbassadorCandidate {
  role: string;
  status: string;
  /** How many neighbourhoods this person is an active member of. */
  activeNeighbourhoods: number;
}

/** Why this person cannot become (or stop being) an ambassador, or null when they can. */
export type AmbassadorRefusal = "prospective" | "staff" | "not_active" | "no_neighbourhood";

export function ambassadorRefusal(person: AmbassadorCandidate): AmbassadorRefusal | null {
  // Someone still waiting for their new-build home does not live in the neighbourhood yet.
  if (person.role === "prospective") return "prospective";
  if (person.role !== "resident" && person.role !== "ambassador") return "staff";
  if (person.status !== "active") return "not_active";
  if (person.activeNeighbourhoods === 0) return "no_neighbourhood";
  return null;
}

/** The catalogue key of each refusal's text. */
export const AMBASSADOR_REFUSAL_MESSAGES: Record<AmbassadorRefusal, MessageKey> = {
  prospective: "apiErrors.ambassadors.prospective",
  staff: "apiErrors.ambassadors.staff",
  not_active: "apiErrors.ambassadors.notActive",
  no_neighbourhood: "apiErrors.ambassadors.noNeighbourhood",
};
