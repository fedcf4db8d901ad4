/**
 * The one percent formatter: a fraction in [0, 1] as people read it ("83%").
 * Missing or non-finite values read "—" so tables never show "NaN%".
 */
export function formatPercent(fraction: number | null | undefined, digits = 0): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return "—";
  return `${(100 * fraction).toFixed(digits)}%`;
}
