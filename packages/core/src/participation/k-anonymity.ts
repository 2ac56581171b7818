// k-anonymity for everything a corporation sees: a figure that comes from fewer than five people is
// "< 5". Averages and percentages are hidden with the group they come from.
import { FEW, REACH_THRESHOLD, type MaskedCount } from "../activities/reach.ts";

export type Masked<T> = T | typeof FEW;

/** True when a group of `people` may be shown. */
export function showable(people: number): boolean {
  return people >= REACH_THRESHOLD;
}

/** The average of `values` to one decimal, or "< 5" when fewer than five people gave them. */
export function maskedAverage(values: readonly number[]): Masked<number> {
  if (!showable(values.length)) return FEW;
  return Math.round((values.reduce((sum, value) => sum + value, 0) / values.length) * 10) / 10;
}

/** `part` of `whole` as a whole percentage; "< 5" when either group has fewer than five people. */
export function maskedPercent(part: number, whole: number): Masked<number> {
  if (!showable(part) || !showable(whole)) return FEW;
  return Math.round((part / whole) * 100);
}

/**
 * Counts per category with the complement rule: a category under five is hidden, and when exactly one
 * category is hidden but the total is shown, the next-smallest is hidden too, so the total minus the
 * shown cells cannot reveal the hidden one.
 */
export function maskedBreakdown(counts: Readonly<Record<string, number>>, total: number): { cells: Record<string, MaskedCount>; total: MaskedCount } {
  const shownTotal = showable(total);
  const cells: Record<string, MaskedCount> = {};
  for (const [key, count] of Object.entries(counts)) cells[key] = shownTotal && showable(count) ? count : FEW;
  if (shownTotal) {
    const hidden = Object.keys(cells).filter((key) => cells[key] === FEW && counts[key]! > 0);
    const zeroHidden = Object.keys(cells).filter((key) => cells[key] === FEW && counts[key] === 0);
    if (hidden.length === 1 || (hidden.length === 0 && zeroHidden.length === 1)) {
      const next = Object.keys(cells)
        .filter((key) => cells[key] !== FEW)
        .sort((a, b) => counts[a]! - counts[b]! || a.localeCompare(b))[0];
      if (next !== undefined) cells[next] = FEW;
    }
  }
  return { cells, total: shownTotal ? total : FEW };
}

/** An average from its sum and the number of people, to one decimal; "< 5" under five people. */
export function maskedMean(sum: number, people: number): Masked<number> {
  if (!showable(people)) return FEW;
  return Math.round((sum / people) * 10) / 10;
}
