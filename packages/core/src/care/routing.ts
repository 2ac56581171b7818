// Routing: which care organisation gets a signal. The most specific rule wins (category and
// neighbourhood, then neighbourhood only, then category only, then "any"); organisations that said
// "not ours" are skipped; without a rule it goes to the corporation's social coordinator.
import type { SignalCategory } from "./signals.ts";

export interface RoutingRule {
  id: string;
  /** null: every category. */
  category: SignalCategory | null;
  /** null: every neighbourhood. */
  neighbourhoodId: string | null;
  partnerId: string;
}

export type RoutingOutcome = { kind: "organisation"; ruleId: string; partnerId: string } | { kind: "coordinator" };

function specificity(rule: RoutingRule): number {
  return (rule.neighbourhoodId !== null ? 2 : 0) + (rule.category !== null ? 1 : 0);
}

export function routeSignal(
  rules: readonly RoutingRule[],
  signal: { category: SignalCategory; neighbourhoodId: string },
  declinedPartnerIds: readonly string[] = [],
): RoutingOutcome {
  const matching = rules
    .filter((rule) => (rule.category === null || rule.category === signal.category) && (rule.neighbourhoodId === null || rule.neighbourhoodId === signal.neighbourhoodId))
    .filter((rule) => !declinedPartnerIds.includes(rule.partnerId))
    // Most specific first; among equals the oldest (the list's order) stays first.
    .map((rule, index) => ({ rule, index }))
    .sort((a, b) => specificity(b.rule) - specificity(a.rule) || a.index - b.index);
  const best = matching[0]?.rule;
  return best ? { kind: "organisation", ruleId: best.id, partnerId: best.partnerId } : { kind: "coordinator" };
}
