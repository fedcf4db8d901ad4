/**
 * Runs TRUSTED implementations (the reference and the known mistakes) in the
 * host on a resolved test, producing values in the same encoding the sandbox
 * harness uses for student values, so the two compare directly. Outputs are
 * deterministic, so callers cache them per exercise.
 */
import { reviveArgs } from "../content/function-args";
import type { ResolvedTest, ScenarioStep } from "../contract/schema";
import { encodeNumber, VALUE_MARKERS } from "../contract/vocabulary";

/** Where an argument was modified: path "[0][1][2]" = argument 0, row 1, column 2; step for scenarios. */
export interface Mutation {
  step: number | null;
  path: string;
}

export type TrustedOutcome =
  | { ok: true; value: unknown; mutated: Mutation | null }
  | { ok: false; error: string };

/** encodeNumber (the vocabulary's markers), with -0 as 0 as JSON writes it: the fast path must agree with the JSON one. */
function encodeNumberAsJson(v: number): number | string {
  return v === 0 ? 0 : encodeNumber(v);
}

const SLOW = Symbol("slow");

/**
 * The encoding without a JSON round trip, for what references return: numbers,
 * strings, booleans, null, arrays, typed arrays and plain objects. Anything
 * else (a Date, a class instance, a toJSON method, a bigint) answers SLOW and
 * goes through JSON, which defines the encoding. The round trip with a
 * replacer was the largest host-side cost of grading a hidden test.
 */
function encodePlain(v: unknown): unknown {
  switch (typeof v) {
    case "number":
      return encodeNumberAsJson(v);
    case "string":
    case "boolean":
      return v;
    case "undefined":
      return VALUE_MARKERS.undefined;
    case "function":
      return VALUE_MARKERS.function;
    case "object": {
      if (v === null) return null;
      if (Array.isArray(v)) {
        const out = new Array<unknown>(v.length);
        for (let i = 0; i < v.length; i++) {
          const e = encodePlain(v[i]);
          if (e === SLOW) return SLOW;
          out[i] = e;
        }
        return out;
      }
      if (ArrayBuffer.isView(v)) {
        if (v instanceof DataView || v instanceof BigInt64Array || v instanceof BigUint64Array) return SLOW;
        return Array.from(v as unknown as ArrayLike<number>, encodeNumberAsJson);
      }
      const proto = Object.getPrototypeOf(v);
      if ((proto !== Object.prototype && proto !== null) || "toJSON" in v) return SLOW;
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(v)) {
        const e = encodePlain((v as Record<string, unknown>)[key]);
        if (e === SLOW) return SLOW;
        out[key] = e;
      }
      return out;
    }
    default:
      return SLOW;
  }
}

/** The harness's JSON encoding: non-finite numbers and non-JSON values become marker strings. */
export function encode(value: unknown): unknown {
  const fast = encodePlain(value);
  return fast === SLOW ? encodeThroughJson(value) : fast;
}

/** The encoding through JSON, which defines it: encode's fast path must agree with it (host-runner.test.ts). */
export function encodeThroughJson(value: unknown): unknown {
  if (value === undefined) return VALUE_MARKERS.undefined;
  return JSON.parse(
    JSON.stringify(value, (_key, v: unknown) => {
      if (typeof v === "number") return encodeNumber(v);
      if (v === undefined) return VALUE_MARKERS.undefined;
      if (typeof v === "function") return VALUE_MARKERS.function;
      if (ArrayBuffer.isView(v)) return Array.from(v as unknown as ArrayLike<number>);
      return v;
    }),
  );
}

export function firstDifference(before: unknown, after: unknown, path = ""): string | null {
  if (before === null || typeof before !== "object") return Object.is(before, after) ? null : path;
  if (after === null || typeof after !== "object") return path;
  if (Array.isArray(before)) {
    if (!Array.isArray(after) || after.length !== before.length) return path;
    for (let i = 0; i < before.length; i++) {
      const d = firstDifference(before[i], after[i], `${path}[${i}]`);
      if (d !== null) return d;
    }
    return null;
  }
  const keys = Object.keys(before);
  if (Object.keys(after).length !== keys.length) return path;
  for (const key of keys) {
    const d = firstDifference((before as Record<string, unknown>)[key], (after as Record<string, unknown>)[key], `${path}.${key}`);
    if (d !== null) return d;
  }
  return null;
}

/** Step key used in comparisons and messages, e.g. "step 3: bn.runningMean". */
export function stepLabel(step: ScenarioStep, index: number): string {
  const what = step.op === "call" ? `${step.instance}.${step.method}()` : step.op === "new" ? `new ${step.instance}` : `${step.instance}.${step.field}`;
  return `step ${index + 1}: ${what}`;
}

function runScenario(impl: unknown, steps: ScenarioStep[]): TrustedOutcome {
  const Ctor = impl as new (...args: unknown[]) => Record<string, unknown>;
  const instances = new Map<string, Record<string, unknown>>();
  const values: unknown[] = [];
  let mutated: Mutation | null = null;
  for (const [k, step] of steps.entries()) {
    const args = "args" in step ? structuredClone(step.args) : [];
    if (step.op === "new") {
      instances.set(step.instance, new Ctor(...args));
      values.push(null);
      continue;
    }
    const obj = instances.get(step.instance);
    if (!obj) return { ok: false, error: `${stepLabel(step, k)}: unknown instance` };
    if (step.op === "set") {
      obj[step.field] = structuredClone(step.value);
      values.push(null);
    } else if (step.op === "get") {
      values.push(encode(obj[step.field]));
    } else {
      const fn = obj[step.method];
      if (typeof fn !== "function") return { ok: false, error: `${stepLabel(step, k)}: no such method` };
      values.push(encode(fn.apply(obj, args)));
      const diff = firstDifference(step.args, args);
      if (diff !== null && mutated === null) mutated = { step: k, path: diff };
    }
  }
  return { ok: true, value: values, mutated };
}

/** Runs `entries[entry]` (or, for a call test that names another entry, that function) on the test; `$call` markers call into `entries` too. */
export function runTrusted(entries: Readonly<Record<string, unknown>>, entry: string, test: ResolvedTest): TrustedOutcome {
  try {
    if (test.kind === "scenario") return runScenario(entries[entry], test.steps);
    const args = structuredClone(test.args);
    const fn = entries[test.entry ?? entry] as (...a: unknown[]) => unknown;
    const value = encode(fn(...(test.markers ? reviveArgs(args, entries) : args)));
    const diff = firstDifference(test.args, args);
    return { ok: true, value, mutated: diff === null ? null : { step: null, path: diff } };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  }
}

/**
 * Scenario values keyed by step label, keeping only the steps where the
 * reference yields a value (a `call` whose reference returns undefined, and
 * `new`/`set` steps, are not compared).
 */
export function comparableSteps(steps: ScenarioStep[], reference: unknown[], values: unknown[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, step] of steps.entries()) {
    if (reference[k] === null || reference[k] === VALUE_MARKERS.undefined) continue;
    out[stepLabel(step, k)] = k < values.length ? values[k] : VALUE_MARKERS.notReached;
  }
  return out;
}
