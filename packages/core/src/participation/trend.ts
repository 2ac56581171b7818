// The trend lines of the dashboard's chart: per theme, the runs of periods whose score may be shown.
// A period hidden by the < 5 rule breaks the line, so no value is guessed between two shown ones.

/** Runs of consecutive shown values as [index, value] pairs (oldest first, as given). */
export function trendSegments(values: readonly (number | string)[]): [number, number][][] {
  const segments: [number, number][][] = [];
  let current: [number, number][] = [];
  values.forEach((value, index) => {
    if (typeof value === "number") current.push([index, value]);
    else if (current.length > 0) {
      segments.push(current);
      current = [];
    }
  });
  if (current.length > 0) segments.push(current);
  return segments;
}
