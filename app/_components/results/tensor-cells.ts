/**
 * Turns a public test's expected and actual values (plain JSON: numbers,
 * vectors, matrices, N×C×H×W tensors, objects of those, scenario step maps)
 * into labelled grids of cells for the visual diff. Pure, so it is unit-tested.
 */

export interface Tolerance {
  atol: number;
  rtol: number;
}

export interface Cell {
  expected: unknown;
  actual: unknown;
  ok: boolean;
  absError: number | null;
}

export interface Grid {
  label: string;
  rows: Cell[][];
  /** true when rows or columns were cut to keep the page readable */
  truncated: boolean;
  mismatches: number;
}

export const MAX_ROWS = 12;
export const MAX_COLS = 12;

const isNumberArray = (v: unknown): v is number[] => Array.isArray(v) && v.every((x) => typeof x === "number");
const isMatrix = (v: unknown): v is number[][] => Array.isArray(v) && v.length > 0 && v.every(isNumberArray);

export function compareCell(expected: unknown, actual: unknown, tol: Tolerance): Cell {
  if (typeof expected === "number" && typeof actual === "number") {
    const absError = Math.abs(actual - expected);
    const ok = Number.isFinite(actual) && absError <= tol.atol + tol.rtol * Math.abs(expected);
    return { expected, actual, ok, absError };
  }
  return { expected, actual, ok: JSON.stringify(expected) === JSON.stringify(actual), absError: null };
}

function matrixGrid(label: string, expected: number[][], actual: unknown, tol: Tolerance): Grid {
  const rows: Cell[][] = [];
  let mismatches = 0;
  expected.forEach((row, i) => {
    const actualRow = Array.isArray(actual) ? (actual[i] as unknown) : undefined;
    const cells = row.map((e, j) => compareCell(e, Array.isArray(actualRow) ? actualRow[j] : undefined, tol));
    mismatches += cells.filter((c) => !c.ok).length;
    if (i < MAX_ROWS) rows.push(cells.slice(0, MAX_COLS));
  });
  const truncated = expected.length > MAX_ROWS || expected.some((r) => r.length > MAX_COLS);
  return { label, rows, truncated, mismatches };
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
    out.push({ label: label || "result", rows: [[cell]], truncated: false, mismatches: cell.ok ? 0 : 1 });
  }
}

export function tensorGrids(expected: unknown, actual: unknown, tol: Tolerance): Grid[] {
  const grids: Grid[] = [];
  gridsFor("", expected, actual, tol, grids);
  return grids;
}

export function formatValue(value: unknown): string {
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : value.toPrecision(6);
  if (value === undefined) return "—";
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}
