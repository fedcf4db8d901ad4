/**
 * Which named outputs of a public test failed, and which way: read from the
 * test's expected/actual values with the grader's own comparison, so what
 * this says always agrees with the table beside it.
 */
import { compareValues } from "@/grader/contract/compare";
import type { TestDetail } from "@/grader/contract/schema";

export type Direction = "too-large" | "too-small" | "mixed" | "not-numbers";

export interface OutputVerdict {
  /** the key of an object result ("variance"), or "" for a plain result */
  name: string;
  ok: boolean;
  /** how many values are outside the tolerance, of how many */
  outside: number;
  compared: number;
  direction: Direction | null;
  /** median of yours ÷ expected over failing values, when they all lean one way */
  ratio: number | null;
}

function numbersOf(value: unknown, out: number[] = []): number[] {
  if (typeof value === "number") out.push(value);
  else if (Array.isArray(value)) for (const v of value) numbersOf(v, out);
  return out;
}

function direction(expected: unknown, actual: unknown, tol: TestDetail["tolerance"]): Pick<OutputVerdict, "direction" | "ratio"> {
  const want = numbersOf(expected);
  const got = numbersOf(actual);
  if (want.length !== got.length || got.some((n) => !Number.isFinite(n))) return { direction: "not-numbers", ratio: null };
  let above = 0;
  let below = 0;
  const ratios: number[] = [];
  want.forEach((w, i) => {
    if (compareValues(got[i], w, tol).ok) return;
    if (got[i] > w) above++;
    else below++;
    if (Math.abs(w) > 1e-12) ratios.push(got[i] / w);
  });
  if (above + below === 0) return { direction: null, ratio: null };
  const lean: Direction = below === 0 ? "too-large" : above === 0 ? "too-small" : "mixed";
  ratios.sort((a, b) => a - b);
  const median = ratios.length ? ratios[Math.floor(ratios.length / 2)] : null;
  const steady = median !== null && ratios.every((r) => Math.abs(r - median) <= 0.02 * Math.abs(median));
  return { direction: lean, ratio: lean !== "mixed" && steady ? median : null };
}

export function outputVerdicts(detail: Pick<TestDetail, "expected" | "actual" | "tolerance">): OutputVerdict[] {
  const { expected, actual, tolerance } = detail;
  const named = expected !== null && typeof expected === "object" && !Array.isArray(expected);
  const entries: [string, unknown, unknown][] = named
    ? Object.entries(expected as Record<string, unknown>).map(([k, v]) => [k, v, actual !== null && typeof actual === "object" ? (actual as Record<string, unknown>)[k] : undefined])
    : [["", expected, actual]];
  return entries.map(([name, want, got]) => {
    const cmp = compareValues(got, want, tolerance);
    return {
      name,
      ok: cmp.ok,
      outside: cmp.problemKind === "structure" ? Math.max(1, cmp.outsideCount) : cmp.outsideCount,
      compared: cmp.numbersCompared,
      ...(cmp.ok ? { direction: null, ratio: null } : direction(want, got, tolerance)),
    };
  });
}
