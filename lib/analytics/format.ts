/** Number formatting shared by the dashboards (plain text, so tables read well aloud). */
export { formatPercent } from "@/lib/format/percent";

export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return "—";
  return ms < 10 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`;
}

export function formatIndex(value: number | null): string {
  return value === null ? "—" : value.toFixed(2);
}

/** A common reading of D (Ebel's guidelines). */
export function describeDiscrimination(value: number | null): string {
  if (value === null) return "too few students";
  if (value < 0) return "negative: check the key";
  if (value < 0.2) return "poor";
  if (value < 0.3) return "fair";
  if (value < 0.4) return "good";
  return "very good";
}

/** Points as people write them: at most two decimals, no trailing zeros (4.666667 → "4.67"). */
export function formatPoints(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return String(Math.round(value * 100) / 100);
}
