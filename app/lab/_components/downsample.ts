/**
 * At most `max` evenly spaced rows of a series, always keeping the first and
 * the last: a chart's cost grows with its points, and a 560-pixel plot shows
 * no more than a few hundred of them anyway.
 */
export const MAX_CHART_POINTS = 200;

export function downsample<T>(rows: readonly T[], max = MAX_CHART_POINTS): T[] {
  if (rows.length <= max) return rows.slice();
  if (max < 2) return rows.slice(0, max);
  const picked: T[] = [];
  for (let k = 0; k < max; k++) picked.push(rows[Math.round((k * (rows.length - 1)) / (max - 1))]);
  return picked;
}
