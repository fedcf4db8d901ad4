/**
 * Several exported functions and functions as test arguments, through the
 * real sandbox (function-args.ts; the gradient-check exercise): the function
 * the student receives computes bit for bit what the host's copy computes,
 * a missing function of otherEntries is named, a `$call` result flows from one student
 * function into another, and a mutation made inside a `$call` is caught.
 */
import { describe, expect, it } from "vitest";
import { EnvelopeSchema } from "./envelope";
import { reviveArgs } from "../content/function-args";
import { gradeInProcess } from "./grade";
import { loadExercise, parseTests, resolveTests } from "../content/load-exercise";
import { runInSandbox } from "./sandbox";
import { FIXED_CAPS, type JsonData } from "../contract/schema";
import { createRng, matrix, vector } from "../test-kit";

const limits = { callTimeoutMs: 1000, totalTimeoutMs: 5000, memoryMb: 64 };
const caps = { ...FIXED_CAPS, maxTotalBytes: 4_000_000, maxExportNames: 20 };

/** Runs a CommonJS body on call tests and returns each copied-out value. */
function sandboxValues(code: string, tests: { args: JsonData[]; entry?: string }[]): unknown[] {
  const outcome = runInSandbox({
    code,
    language: "javascript",
    entry: "gradCheck",
    others: ["relError"],
    limits,
    caps,
    tests: tests.map((t) => ({ hidden: false, kind: "call", payload: JSON.stringify(t.args), markers: true, ...(t.entry ? { entry: t.entry } : {}) })),
  });
  if (outcome.kind !== "finished") throw new Error(outcome.kind);
  const env = EnvelopeSchema.parse(JSON.parse(outcome.envelope));
  return env.results.map((r) => (r && "r" in r && r.r.s === "ok" ? r.r.v : r));
}

describe("functions as test arguments (through the sandbox)", () => {
  const rng = createRng(9);
  const x = matrix(rng, 4, 3);
  const specs = [
    { $fn: "batchnorm", gamma: vector(rng, 3), beta: vector(rng, 3), eps: 1e-5 },
    { $fn: "layernorm", gamma: vector(rng, 3), beta: vector(rng, 3), eps: 1e-3 },
    { $fn: "tanh" },
    { $fn: "affine", weight: matrix(rng, 3, 5), bias: vector(rng, 5) },
  ];

  it("the student's function returns exactly the host's values for every catalog entry", () => {
    const code = "exports.gradCheck = function (f, x) { return f(x); }; exports.relError = function () { return 0; };";
    const values = sandboxValues(
      code,
      specs.map((spec) => ({ args: [spec, x] as JsonData[] })),
    );
    specs.forEach((spec, k) => expect(values[k]).toEqual((reviveArgs([spec], {})[0] as (v: number[][]) => number[][])(x)));
  });

  it("$call feeds the student's own gradCheck result into the student's relError", () => {
    const code = "exports.gradCheck = function (f, x) { return f(x); }; exports.relError = function (a, b) { return a[0][0] - b[0][0]; };";
    const [value] = sandboxValues(code, [{ entry: "relError", args: [{ $call: "gradCheck", args: [{ $fn: "tanh" }, [[2]]] }, [[1]]] }]);
    expect(value).toBe(Math.tanh(2) - 1);
  });

  it("a submission without a function of otherEntries gets the missing-export error naming it", async () => {
    const ex = await loadExercise("gradient-check");
    const r = await gradeInProcess(ex, "export function gradCheck(f: any, x: number[][]) { return x; }", "typescript", "run");
    expect(r.status).toBe("error");
    expect(r.compileErrors[0].message).toMatch(/^expected `export function relError`/);
    expect(r.tests.every((t) => t.message === "Not run: your module does not export `relError`.")).toBe(true);
  });

  it("a gradCheck that modifies x inside a $call fails the relError test as a modified input", async () => {
    const ex = await loadExercise("gradient-check");
    const code = `
      export function gradCheck(f: (x: number[][]) => number[][], x: number[][], dout: number[][], h: number) {
        x[0][0] += 1;
        return x.map((row) => row.map(() => 0));
      }
      export function relError(a: number[][], b: number[][]) { return 0; }`;
    const r = await gradeInProcess(ex, code, "typescript", "submit", { seed: "fixed" });
    const hidden = r.tests.find((t) => t.id === "accepts-correct-gradient");
    expect(hidden?.status).toBe("failed");
    expect(hidden?.failure).toBe("modified-input");
    // On the public relError test the path starts at relError's own parameter (otherEntries names it `a`), not gradCheck's.
    const open = r.tests.find((t) => t.id === "accepts-correct-gradient-public");
    expect(open?.message).toContain("`a.args[1][0][0]`");
  });

  it("load-time validation: an unknown `entry` or $call name is an author error naming the test", () => {
    const spec = { ...ex0(), otherEntries: { relError: ["a", "b"] } };
    expect(() => parseTests([{ id: "t", name: "t", visibility: "public", points: 1, entry: "nope", args: [] }], spec)).toThrow(
      /test "t": `entry` "nope" is neither the exercise's entry nor one of its otherEntries/,
    );
    expect(() => resolveTests([{ id: "t", name: "t", visibility: "public", points: 1, args: [{ $call: "nope", args: [] }] }], spec)).toThrow(
      /test "t": field `args`: \$call "nope" is not the entry or one of exercise.json's otherEntries/,
    );
  });
});

function ex0() {
  return {
    id: "gradient-check",
    title: "t",
    module: "m",
    kind: "function" as const,
    entry: "gradCheck",
    languages: ["typescript" as const],
    tolerance: { atol: 1e-9, rtol: 1e-7 },
    limits,
    lesson: "/lessons/m#a",
  };
}
