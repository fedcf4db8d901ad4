/**
 * Tolerant comparison of a (decoded, untrusted) actual value against an
 * expected one: |a − b| ≤ atol + rtol·|b| elementwise. Pure. It doubles as the
 * shape and finiteness validation of copied-out student values: anything that
 * is not a finite number where a number is expected fails with a message.
 *
 * Non-finite numbers and non-JSON values arrive encoded by the harness as
 * marker strings (VALUE_MARKERS in vocabulary.ts).
 */
import type { Tolerance } from "./schema";
import { VALUE_MARKERS } from "./vocabulary";

/** The number that is furthest outside its tolerance, relative to that tolerance. */
export interface Violation {
  path: string;
  actual: number;
  expected: number;
  absError: number;
  /** atol + rtol·|expected|: the error allowed at this element */
  allowed: number;
}

export interface CompareResult {
  ok: boolean;
  worstAbsError: number | null;
  /**
   * Worst |a − b| / |b| over elements where a relative error means something:
   * |b| > atol/rtol, i.e. where rtol (not atol) dominates the tolerance. null
   * when there is no such element (e.g. every expected value is 0 or ~1e-17).
   */
  worstRelError: number | null;
  /** path of the first problem, e.g. "out[2][1]" ("" is the whole result);
   *  a wrong shape, a missing key or a non-finite value takes precedence over
   *  a number outside the tolerance */
  firstBadIndex: string | null;
  /** what is wrong at firstBadIndex, without revealing expected values */
  problem: string | null;
  /** "structure": wrong shape/type, missing key or non-finite value; "tolerance": only numbers are off */
  problemKind: "structure" | "tolerance" | null;
  /** numbers compared, and how many of them are outside the tolerance */
  numbersCompared: number;
  outsideCount: number;
  /** set when some number is outside the tolerance */
  worst: Violation | null;
}

const SENTINELS: Record<string, string> = {
  [VALUE_MARKERS.nan]: "NaN",
  [VALUE_MARKERS.infinity]: "Infinity",
  [VALUE_MARKERS.negativeInfinity]: "-Infinity",
  [VALUE_MARKERS.undefined]: "undefined",
  [VALUE_MARKERS.function]: "a function",
  [VALUE_MARKERS.bigint]: "a BigInt",
  [VALUE_MARKERS.symbol]: "a Symbol",
};

export function describeValue(v: unknown): string {
  if (typeof v === "string" && v in SENTINELS) return SENTINELS[v];
  if (Array.isArray(v)) return `an array of length ${v.length}`;
  if (v === null) return "null";
  if (typeof v === "object") return "an object";
  if (typeof v === "string") return "a string";
  return String(v);
}

function name(path: string): string {
  return path === "" ? "the result" : `\`${path}\``;
}

interface Problem {
  path: string;
  problem: string;
}

interface Walk {
  tol: Tolerance;
  worstAbs: number | null;
  worstRel: number | null;
  structural: Problem | null;
  firstOutside: Problem | null;
  numbers: number;
  outside: number;
  worst: Violation | null;
}

function fail(w: Walk, path: string, problem: string): false {
  w.structural ??= { path, problem };
  return false;
}

/** How far outside its tolerance a violation is (Infinity when nothing was allowed). */
export function excess(v: Pick<Violation, "absError" | "allowed">): number {
  return v.allowed > 0 ? v.absError / v.allowed : Number.POSITIVE_INFINITY;
}

function compareNumber(w: Walk, actual: number, expected: number, path: string): boolean {
  w.numbers++;
  const absError = Math.abs(actual - expected);
  w.worstAbs = Math.max(w.worstAbs ?? 0, absError);
  const magnitude = Math.abs(expected);
  // Below atol/rtol the absolute tolerance dominates, and err/|b| would be
  // meaningless (0 for b = 0, ~1e18 for b ≈ 1e-17).
  if (w.tol.rtol > 0 && magnitude > w.tol.atol / w.tol.rtol) w.worstRel = Math.max(w.worstRel ?? 0, absError / magnitude);
  const allowed = w.tol.atol + w.tol.rtol * magnitude;
  if (absError <= allowed) return true;
  w.outside++;
  w.firstOutside ??= { path, problem: `${name(path)} is outside the tolerance` };
  const v: Violation = { path, actual, expected, absError, allowed };
  if (!w.worst || excess(v) > excess(w.worst)) w.worst = v;
  return false;
}

function walk(w: Walk, actual: unknown, expected: unknown, path: string, keys?: string[]): boolean {
  if (typeof expected === "number") {
    if (typeof actual !== "number") return fail(w, path, `${name(path)} should be a finite number but is ${describeValue(actual)}`);
    return compareNumber(w, actual, expected, path);
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return fail(w, path, `${name(path)} should be an array of length ${expected.length} but is ${describeValue(actual)}`);
    if (actual.length !== expected.length) return fail(w, path, `${name(path)} has length ${actual.length}; expected length ${expected.length}`);
    let ok = true;
    for (let i = 0; i < expected.length; i++) ok = walk(w, actual[i], expected[i], `${path}[${i}]`) && ok;
    return ok;
  }
  if (expected !== null && typeof expected === "object") {
    if (actual === null || typeof actual !== "object" || Array.isArray(actual)) {
      return fail(w, path, `${name(path)} should be an object with keys ${Object.keys(expected).join(", ")} but is ${describeValue(actual)}`);
    }
    let ok = true;
    const exp = expected as Record<string, unknown>;
    const act = actual as Record<string, unknown>;
    for (const key of keys ?? Object.keys(exp)) {
      const sub = path === "" ? key : `${path}.${key}`;
      if (!Object.hasOwn(act, key)) ok = fail(w, sub, `${name(sub)} is missing from your result`);
      else ok = walk(w, act[key], exp[key], sub) && ok;
    }
    return ok;
  }
  if (actual === expected) return true;
  return fail(w, path, `${name(path)} should be ${describeValue(expected)} but is ${describeValue(actual)}`);
}

/** Compares `actual` with `expected`; `keys` restricts an object result to some keys. */
export function compareValues(actual: unknown, expected: unknown, tol: Tolerance, keys?: string[]): CompareResult {
  const w: Walk = { tol, worstAbs: null, worstRel: null, structural: null, firstOutside: null, numbers: 0, outside: 0, worst: null };
  const ok = walk(w, actual, expected, "", keys);
  const bad = w.structural ?? w.firstOutside;
  return {
    ok,
    worstAbsError: w.worstAbs,
    worstRelError: w.worstRel,
    firstBadIndex: bad?.path ?? null,
    problem: bad?.problem ?? null,
    problemKind: w.structural ? "structure" : w.firstOutside ? "tolerance" : null,
    numbersCompared: w.numbers,
    outsideCount: w.outside,
    worst: w.worst,
  };
}
