/**
 * Tolerant comparison of a (decoded, untrusted) actual value against an
 * expected one: |a − b| ≤ atol + rtol·|b| elementwise. Pure. It doubles as the
 * shape and finiteness validation of copied-out student values: anything that
 * is not a finite number where a number is expected fails with a message.
 *
 * Non-finite numbers and non-JSON values arrive encoded by the harness as
 * strings "__NaN__", "__Infinity__", "__-Infinity__", "__undefined__", "__function__".
 */
import type { Tolerance } from "./schema";

export interface CompareResult {
  ok: boolean;
  worstAbsError: number | null;
  worstRelError: number | null;
  /** path of the first problem, e.g. "out[2][1]" ("" is the whole result) */
  firstBadIndex: string | null;
  /** what is wrong at firstBadIndex, without revealing expected values */
  problem: string | null;
  /** the offending values when the problem is a number outside tolerance */
  actualAtBad?: number;
  expectedAtBad?: number;
}

const SENTINELS: Record<string, string> = {
  __NaN__: "NaN",
  __Infinity__: "Infinity",
  "__-Infinity__": "-Infinity",
  __undefined__: "undefined",
  __function__: "a function",
  __bigint__: "a BigInt",
  __symbol__: "a Symbol",
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

interface Walk {
  tol: Tolerance;
  worstAbs: number | null;
  worstRel: number | null;
  bad: Omit<CompareResult, "ok" | "worstAbsError" | "worstRelError"> | null;
}

function fail(w: Walk, path: string, problem: string): false {
  w.bad ??= { firstBadIndex: path, problem };
  return false;
}

function walk(w: Walk, actual: unknown, expected: unknown, path: string, keys?: string[]): boolean {
  if (typeof expected === "number") {
    if (typeof actual !== "number") return fail(w, path, `${name(path)} should be a finite number but is ${describeValue(actual)}`);
    const err = Math.abs(actual - expected);
    w.worstAbs = Math.max(w.worstAbs ?? 0, err);
    if (expected !== 0) w.worstRel = Math.max(w.worstRel ?? 0, err / Math.abs(expected));
    if (err <= w.tol.atol + w.tol.rtol * Math.abs(expected)) return true;
    if (!w.bad) w.bad = { firstBadIndex: path, problem: `${name(path)} is outside the tolerance`, actualAtBad: actual, expectedAtBad: expected };
    return false;
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
  const w: Walk = { tol, worstAbs: null, worstRel: null, bad: null };
  const ok = walk(w, actual, expected, "", keys);
  return {
    ok,
    worstAbsError: w.worstAbs,
    worstRelError: w.worstRel,
    firstBadIndex: w.bad?.firstBadIndex ?? null,
    problem: w.bad?.problem ?? null,
    ...(w.bad?.actualAtBad !== undefined ? { actualAtBad: w.bad.actualAtBad, expectedAtBad: w.bad.expectedAtBad } : {}),
  };
}
