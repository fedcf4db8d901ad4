/**
 * Function arguments for tests (grader/FORMAT.md, "Functions as arguments").
 * Only plain data crosses into the isolate (DESIGN.md §4 rule 2), so a test
 * cannot hand student code a host function. Instead a test names a function
 * from this fixed catalog with a marker object, and the function is BUILT ON
 * EACH SIDE from the same source text: inside the isolate by the harness
 * (sandbox-harness.ts splices FUNCTION_CATALOG_SOURCE in), and in the host for
 * the reference and the mistakes (makeHostFunction below). Same source, same
 * V8: the two sides compute bit-identical values.
 *
 *   { "$fn": "batchnorm", "gamma": [...], "beta": [...], "eps": 1e-5 }   y = BN(x) (training mode, per column)
 *   { "$fn": "layernorm", "gamma": [...], "beta": [...], "eps": 1e-5 }   y = LN(x) (per row)
 *   { "$fn": "tanh" }                                                      y = tanh(x) elementwise
 *   { "$fn": "affine", "weight": D×K, "bias": K }                          y = x·W + b (N×K: not x's shape)
 *
 * Every catalog function maps an N×D number[][] to a new number[][] and
 * never writes into its argument. Inside the isolate what the student
 * receives is a frozen BOUND function: its text reads "[native code]", it
 * has no `prototype`, and the strict inner function gives call-site APIs no
 * function object and refuses `caller`/`arguments`. It is built from the
 * test's JSON and the harness's captured Math functions only, so it can
 * reach nothing of the grader (grader/fixtures/function-arg-probe.ts.txt).
 *
 * A second marker, { "$call": "<name>", "args": [...] }, stands for the
 * value the SAME submission's entry or one of its otherEntries returns on those args (which may hold
 * `$fn` markers, not further `$call`s): it lets a test feed the student's own
 * gradCheck result into the student's own relError, in one test.
 */
import type { JsonData } from "../contract/schema";

/** Plain ES5 inside one expression: `(function (sqrt, tanh) { … })` → `make(spec)`. */
export const FUNCTION_CATALOG_SOURCE = `(function (sqrt, tanh) {
  "use strict";
  function numbers(list) { var out = []; for (var i = 0; i < list.length; i++) out[i] = +list[i]; return out; }
  function matrix(list) { var out = []; for (var i = 0; i < list.length; i++) out[i] = numbers(list[i]); return out; }
  function normalize(x, gamma, beta, eps, perRow) {
    var n = x.length, d = n > 0 ? x[0].length : 0, y = [], i, j, k;
    for (i = 0; i < n; i++) { y[i] = []; for (j = 0; j < d; j++) y[i][j] = +x[i][j]; }
    var groups = perRow ? n : d, size = perRow ? d : n;
    for (k = 0; k < groups; k++) {
      var mean = 0, sq = 0, t;
      for (t = 0; t < size; t++) mean += perRow ? y[k][t] : y[t][k];
      mean /= size;
      for (t = 0; t < size; t++) { var c = (perRow ? y[k][t] : y[t][k]) - mean; sq += c * c; }
      var inv = 1 / sqrt(sq / size + eps);
      for (t = 0; t < size; t++) {
        if (perRow) y[k][t] = gamma[t] * (y[k][t] - mean) * inv + beta[t];
        else y[t][k] = gamma[k] * (y[t][k] - mean) * inv + beta[k];
      }
    }
    return y;
  }
  var makers = {
    batchnorm: function (p) {
      var gamma = numbers(p.gamma), beta = numbers(p.beta), eps = +p.eps;
      return function (x) { return normalize(x, gamma, beta, eps, false); };
    },
    layernorm: function (p) {
      var gamma = numbers(p.gamma), beta = numbers(p.beta), eps = +p.eps;
      return function (x) { return normalize(x, gamma, beta, eps, true); };
    },
    tanh: function () {
      return function (x) {
        var y = [];
        for (var i = 0; i < x.length; i++) { y[i] = []; for (var j = 0; j < x[i].length; j++) y[i][j] = tanh(+x[i][j]); }
        return y;
      };
    },
    affine: function (p) {
      var w = matrix(p.weight), b = numbers(p.bias);
      return function (x) {
        var y = [];
        for (var i = 0; i < x.length; i++) {
          y[i] = [];
          for (var k = 0; k < b.length; k++) { var s = b[k]; for (var j = 0; j < w.length; j++) s += +x[i][j] * w[j][k]; y[i][k] = s; }
        }
        return y;
      };
    },
  };
  return function make(spec) {
    var name = spec.$fn;
    if (name !== "batchnorm" && name !== "layernorm" && name !== "tanh" && name !== "affine") throw new TypeError("unknown function " + name);
    return makers[name](spec);
  };
})`;

export const FUNCTION_NAMES = ["batchnorm", "layernorm", "tanh", "affine"] as const;

type Make = (spec: Record<string, unknown>) => (x: number[][]) => number[][];
// The catalog is one constant string of our own (never student text), evaluated
// once, so host and isolate run the same code.
const hostMake = new Function(`return ${FUNCTION_CATALOG_SOURCE}`)()(Math.sqrt, Math.tanh) as Make;

type Marker = { $fn: string } | { $call: string; args: JsonData[] };

function markerOf(v: unknown): Marker | null {
  if (v === null || typeof v !== "object" || Array.isArray(v)) return null;
  return "$fn" in v || "$call" in v ? (v as Marker) : null;
}

/** Whether any top-level argument is a marker (then the harness revives the arguments). */
export function hasMarkers(args: unknown[]): boolean {
  return args.some((arg) => markerOf(arg) !== null);
}

/**
 * The argument list a trusted implementation is called with: markers become
 * functions or the value of another entry; plain arguments stay the SAME
 * objects (so a mutation by the implementation shows in `args`).
 */
export function reviveArgs(args: unknown[], entries: Readonly<Record<string, unknown>>, nested = false): unknown[] {
  return args.map((arg) => {
    const m = markerOf(arg);
    if (m === null) return arg;
    if ("$fn" in m) return hostMake(m as Record<string, unknown>);
    const fn = Object.hasOwn(entries, m.$call) ? entries[m.$call] : undefined;
    if (nested || typeof fn !== "function") throw new TypeError(`cannot call ${m.$call} here`);
    return (fn as (...a: unknown[]) => unknown)(...reviveArgs(m.args, entries, true));
  });
}

/** Load-time check of a test's markers: known function names, `$call` naming the entry or one of otherEntries, no nested $call. Returns a problem or null. */
export function markerProblem(args: unknown[], callable: string[], nested = false): string | null {
  for (const arg of args) {
    const m = markerOf(arg);
    if (m === null) continue;
    if ("$fn" in m) {
      if (!(FUNCTION_NAMES as readonly string[]).includes(m.$fn)) return `unknown $fn "${m.$fn}" (known: ${FUNCTION_NAMES.join(", ")})`;
      continue;
    }
    if (nested) return "a $call marker cannot contain another $call";
    if (!callable.includes(m.$call)) return `$call "${m.$call}" is not the entry or one of exercise.json's otherEntries`;
    if (!Array.isArray(m.args)) return `$call "${m.$call}" needs an "args" array`;
    const inner = markerProblem(m.args, callable, true);
    if (inner) return inner;
  }
  return null;
}
