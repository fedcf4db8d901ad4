/**
 * Turns a public test's expected and actual values (plain JSON: numbers,
 * vectors, matrices, N×C×H×W tensors, objects of those, scenario step maps)
 * into labelled grids of cells for the visual diff. Whether a cell is within
 * tolerance is decided by the grader's own comparison (grader/contract/compare.ts), so
 * the table can never disagree with the verdict. Pure, so it is unit-tested.
 */
import { compareValues } from "@/grader/contract/compare";
import type { Tolerance } from "@/grader/contract/schema";
import { VALUE_MARKERS } from "@/grader/contract/vocabulary";

export type { Tolerance };

export interface Cell {
  expected: unknown;
  actual: unknown;
  ok: boolean;
  /** actual − expected, when both are finite numbers */
  difference: number | null;
  /** |difference| as a multiple of the error allowed at this cell (atol + rtol·|expected|) */
  timesAllowed: number | null;
}

export interface Grid {
  label: string;
  rows: Cell[][];
  /** true when rows or columns were cut to keep the page readable */
  truncated: boolean;
  mismatches: number;
  cells: number;
}

export const MAX_ROWS = 12;
export const MAX_COLS = 12;

const isNumberArray = (v: unknown): v is number[] => Array.isArray(v) && v.every((x) => typeof x === "number");
const isMatrix = (v: unknown): v is number[][] => Array.isArray(v) && v.length > 0 && v.every(isNumberArray);

export function compareCell(expected: unknown, actual: unknown, tol: Tolerance): Cell {
  const verdict = compareValues(actual, expected, tol);
  const worst = verdict.worst;
  const numeric = typeof expected === "number" && typeof actual === "number" && Number.isFinite(actual);
  return {
    expected,
    actual,
    ok: verdict.ok,
    difference: numeric ? (actual as number) - expected : null,
    timesAllowed: worst ? (worst.allowed > 0 ? worst.absError / worst.allowed : Number.POSITIVE_INFINITY) : null,
  };
}

function matrixGrid(label: string, expected: number[][], actual: unknown, tol: Tolerance): Grid {
  const rows: Cell[][] = [];
  let mismatches = 0;
  let cells = 0;
  expected.forEach((row, i) => {
    const actualRow = Array.isArray(actual) ? (actual[i] as unknown) : undefined;
    const compared = row.map((e, j) => compareCell(e, Array.isArray(actualRow) ? actualRow[j] : undefined, tol));
    mismatches += compared.filter((c) => !c.ok).length;
    cells += compared.length;
    if (i < MAX_ROWS) rows.push(compared.slice(0, MAX_COLS));
  });
  const truncated = expected.length > MAX_ROWS || expected.some((r) => r.length > MAX_COLS);
  return { label, rows, truncated, mismatches, cells };
}

/** Flattens one labelled value into grids: 4-D → one grid per [n][c] plane, 2-D → one grid, 1-D → one row. */
function gridsFor(label: string, expected: unknown, actual: unknown, tol: Tolerance, out: Grid[]): void {
  if (out.length >= 24) return;
  if (isMatrix(expected)) {
    out.push(matrixGrid(label, expected, actual, tol));
  } else if (isNumberArray(expected)) {
    out.push(matrixGrid(label, [expected], [actual], tol));
  } else if (Array.isArray(expected) && expected.length > 0 && expected.every(Array.isArray)) {
    expected.forEach((inner, i) => gridsFor(`${label}[${i}]`, inner, Array.isArray(actual) ? actual[i] : undefined, tol, out));
  } else if (expected !== null && typeof expected === "object" && !Array.isArray(expected)) {
    for (const [key, value] of Object.entries(expected)) {
      const actualValue = actual !== null && typeof actual === "object" ? (actual as Record<string, unknown>)[key] : undefined;
      gridsFor(label ? `${label}.${key}` : key, value, actualValue, tol, out);
    }
  } else {
    const cell = compareCell(expected, actual, tol);
    out.push({ label: label || "result", rows: [[cell]], truncated: false, mismatches: cell.ok ? 0 : 1, cells: 1 });
  }
}

export function tensorGrids(expected: unknown, actual: unknown, tol: Tolerance): Grid[] {
  const grids: Grid[] = [];
  gridsFor("", expected, actual, tol, grids);
  return grids;
}

/** The harness encodes values JSON cannot carry as marker strings (grader/contract/vocabulary.ts). */
const MARKERS: Record<string, string> = {
  [VALUE_MARKERS.nan]: "NaN",
  [VALUE_MARKERS.infinity]: "∞",
  [VALUE_MARKERS.negativeInfinity]: "−∞",
  [VALUE_MARKERS.undefined]: "undefined",
  [VALUE_MARKERS.function]: "a function",
  [VALUE_MARKERS.bigint]: "a BigInt",
  [VALUE_MARKERS.symbol]: "a Symbol",
};

export function formatValue(value: unknown, digits = 6): string {
  if (typeof value === "number") {
    if (Number.isNaN(value)) return "NaN";
    if (!Number.isFinite(value)) return value > 0 ? "∞" : "−∞";
    return Number.isInteger(value) && Math.abs(value) < 1e15 ? String(value) : String(Number(value.toPrecision(digits)));
  }
  if (typeof value === "string" && value in MARKERS) return MARKERS[value];
  if (value === undefined) return "missing";
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

/**
 * Expected and actual with just enough significant digits that they read
 * differently (6 at least, 17 at most): 1.0894 vs 1.0894 becomes
 * 1.08940012 vs 1.08940035 when they differ in the 8th digit.
 */
export function formatPair(expected: unknown, actual: unknown): [string, string] {
  if (typeof expected !== "number" || typeof actual !== "number" || !Number.isFinite(actual) || expected === actual) {
    return [formatValue(expected), formatValue(actual)];
  }
  for (let digits = 6; digits < 17; digits++) {
    const pair: [string, string] = [formatValue(expected, digits), formatValue(actual, digits)];
    if (pair[0] !== pair[1]) return pair;
  }
  return [formatValue(expected, 17), formatValue(actual, 17)];
}

/** A signed difference in 2 significant digits: "+3.2e-7", "−0.41". */
export function formatDifference(difference: number): string {
  const sign = difference < 0 ? "−" : "+";
  const size = Math.abs(difference);
  const text = size !== 0 && (size < 1e-3 || size >= 1e5) ? size.toExponential(1) : String(Number(size.toPrecision(2)));
  return `${sign}${text}`;
}

/** "40× allowed" / "1.3× allowed": how far outside the tolerance a cell is. */
export function formatTimesAllowed(times: number): string {
  if (!Number.isFinite(times)) return "nothing allowed";
  return `${times >= 10 ? Math.round(times).toLocaleString("en-US") : Number(times.toPrecision(2))}× allowed`;
}
