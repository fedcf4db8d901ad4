/**
 * Hidden tests cannot be read out or memorised (issue 12, items 1 and 2).
 *
 * Hostile fixtures (grader/fixtures/hidden/) try to carry hidden inputs out
 * through everything a report used to echo: error names, messages and stack
 * positions, thrown non-errors, "cannot be copied out" texts, numbers and
 * lengths in shape messages, error ratios and counts, mutation paths, result
 * sizes, NaN positions, per-test timing, scenario step numbers. Each must fail
 * every hidden test, and its report must hold no hidden value and nothing
 * else: a hidden entry is exactly id, name, status, points, hint, category.
 *
 * Then the lookup-table attack: everything a student can see (public test
 * details, the browser's view of every earlier report, the reference's
 * included) becomes a table of answers; the table passes the public tests
 * and no hidden test, on a fresh seed and even on the probes' own seed.
 */
import { spawnSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { publicReport } from "@/lib/submissions/submission-view";
import { gradeInProcess } from "./engine/grade";
import { hiddenTestsFor } from "./content/hidden-tests";
import { type LoadedExercise, loadExercise } from "./content/load-exercise";
import { type GradeReport, GradeReportSchema, HIDDEN_MESSAGES, type ResolvedTest } from "./contract/schema";

const dir = path.join(process.cwd(), "grader", "fixtures", "hidden");
const PROBE_SEED = "00c0ffee00c0ffee";

interface Fixture {
  file: string;
  exercise: string;
  /** the failure category every hidden test must report (or, with `or`, one of these) */
  category: string;
  or?: string[];
}

const FIXTURES: Fixture[] = [
  { file: "error-name.ts.txt", exercise: "batchnorm-forward", category: "threw-error" },
  { file: "error-message.ts.txt", exercise: "batchnorm-forward", category: "threw-error" },
  { file: "error-stack.ts.txt", exercise: "batchnorm-forward", category: "threw-error" },
  { file: "thrown-object.ts.txt", exercise: "batchnorm-forward", category: "threw-error" },
  { file: "thrown-string.ts.txt", exercise: "batchnorm-forward", category: "threw-error" },
  { file: "thrown-getter.ts.txt", exercise: "batchnorm-forward", category: "threw-error" },
  { file: "unserializable-result.ts.txt", exercise: "batchnorm-forward", category: "not-plain-data" },
  { file: "number-where-array.ts.txt", exercise: "batchnorm-forward", category: "wrong-shape-or-type" },
  { file: "wrong-length.ts.txt", exercise: "batchnorm-forward", category: "wrong-shape-or-type" },
  { file: "ratio-probe.ts.txt", exercise: "batchnorm-forward", category: "wrong-values" },
  { file: "nan-position.ts.txt", exercise: "batchnorm-forward", category: "not-finite" },
  { file: "mutation-path.ts.txt", exercise: "batchnorm-forward", category: "modified-input" },
  { file: "result-too-large.ts.txt", exercise: "batchnorm-forward", category: "result-too-large" },
  { file: "busy-wait.ts.txt", exercise: "batchnorm-forward", category: "wrong-shape-or-type" },
  // scenarios with fewer forward() calls than the data-chosen one fail on their values instead
  { file: "scenario-step-throw.ts.txt", exercise: "batchnorm-inference", category: "threw-error", or: ["wrong-values"] },
];

const fixtureCode = (file: string) => readFile(path.join(dir, file), "utf8");

/** Every number of the hidden inputs under a seed. */
function hiddenNumbers(tests: ResolvedTest[]): number[] {
  const out: number[] = [];
  const walk = (v: unknown) => {
    if (typeof v === "number") out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v !== null && typeof v === "object") Object.values(v).forEach(walk);
  };
  for (const t of tests) walk(t.kind === "call" ? t.args : t.steps);
  return out;
}

/** A value drawn from the rng (~16 significant digits), not a constant such as 0, 1, 0.5 or 1e-5 that is everywhere. */
const drawn = (v: number) => Math.abs(v) >= 1e-3 && String(Math.abs(v)).replace(/\D/g, "").replace(/^0+/, "").length >= 10;

/** How a hidden number would look if it leaked: in full, rounded, or as the digits a fixture encodes. */
function leakForms(values: number[]): string[] {
  const forms = new Set<string>();
  for (const v of values) {
    if (!drawn(v)) continue;
    forms.add(String(Math.abs(v)));
    forms.add(Math.abs(v).toPrecision(6));
    forms.add(String(Math.round(Math.abs(v) * 1e6) + 1));
    forms.add(String(Math.round(Math.abs(v) * 1e6)));
  }
  return [...forms].filter((f) => f.replace(/\D/g, "").length >= 6);
}

/** The report as text, without its timing figures (floats that could match by chance). */
const reportText = (r: GradeReport) => JSON.stringify({ ...r, timings: null });

const HIDDEN_KEYS = new Set(["id", "name", "visibility", "status", "points", "maxPoints", "message", "hint", "failure"]);

function expectNothingHiddenLeaks(report: GradeReport, exercise: LoadedExercise, seed: string): void {
  expect(GradeReportSchema.safeParse(report).success).toBe(true);
  const hidden = report.tests.filter((t) => t.visibility === "hidden");
  expect(hidden.length).toBe(exercise.tests.filter((t) => t.visibility === "hidden").length);
  for (const t of hidden) {
    expect(Object.keys(t).filter((k) => !HIDDEN_KEYS.has(k))).toEqual([]);
    expect(t.message).toBe(HIDDEN_MESSAGES[t.failure ?? "passed"]);
    expect(JSON.stringify(t)).not.toContain("LEAK");
  }
  expect(leaksIn(reportText(report), hiddenNumbers(hiddenTestsFor(exercise, seed)))).toEqual([]);
}

/** The leak forms of `values` that stand alone in `text` (a whole number, not digits inside a longer one). */
function leaksIn(text: string, values: number[]): string[] {
  return leakForms(values).filter((form) => new RegExp(`(?<![\\d.])${form.replace(/\./g, "\\.")}(?!\\d)`).test(text));
}

describe("hostile submissions cannot read hidden inputs out of their report", () => {
  it("has at least 12 hostile fixtures", () => {
    expect(FIXTURES.length).toBeGreaterThanOrEqual(12);
  });

  for (const fixture of FIXTURES) {
    it(`${fixture.file}: every hidden test fails as ${fixture.category}, and the report holds no hidden value`, async () => {
      const exercise = await loadExercise(fixture.exercise);
      const report = await gradeInProcess(exercise, await fixtureCode(fixture.file), "typescript", "submit", { seed: PROBE_SEED });
      const hidden = report.tests.filter((t) => t.visibility === "hidden");
      const allowed = [fixture.category, ...(fixture.or ?? [])];
      expect(hidden.map((t) => t.failure).filter((f) => !allowed.includes(f ?? "passed"))).toEqual([]);
      expect(hidden.some((t) => t.failure === fixture.category)).toBe(true);
      expect(hidden.every((t) => t.points === 0 && t.timeMs === undefined && t.detail === undefined)).toBe(true);
      expectNothingHiddenLeaks(report, exercise, PROBE_SEED);
      // The same fixture's public entries keep their rich detail: the marker shows it really tried.
      // (and the same detector does find the public inputs it echoed there)
      if (fixture.category === "threw-error") {
        expect(JSON.stringify(report.tests.filter((t) => t.visibility === "public"))).toContain("LEAK");
        const publicTests = exercise.tests.filter((t) => t.visibility === "public");
        if (fixture.file !== "error-stack.ts.txt") expect(leaksIn(reportText(report), hiddenNumbers(publicTests)).length).toBeGreaterThan(0);
      }
    });
  }

  it("the busy-wait probe cannot time hidden tests: no per-test timing on hidden entries", async () => {
    const exercise = await loadExercise("batchnorm-forward");
    const report = await gradeInProcess(exercise, await fixtureCode("busy-wait.ts.txt"), "typescript", "submit", { seed: PROBE_SEED });
    expect(report.tests.filter((t) => t.visibility === "hidden").map((t) => t.timeMs)).toEqual(report.tests.filter((t) => t.visibility === "hidden").map(() => undefined));
    expect(report.tests.find((t) => t.visibility === "public")?.timeMs).toBeTypeOf("number");
  });
});

describe("fresh hidden inputs per grading", () => {
  it("a hidden test keeps its structure while its values change with the seed", async () => {
    const exercise = await loadExercise("batchnorm-forward");
    const a = hiddenTestsFor(exercise, "aaaaaaaaaaaaaaaa");
    const b = hiddenTestsFor(exercise, "bbbbbbbbbbbbbbbb");
    expect(hiddenTestsFor(exercise, "aaaaaaaaaaaaaaaa")).toEqual(a);
    for (const [k, t] of a.entries()) {
      expect(JSON.stringify(t)).not.toBe(JSON.stringify(b[k]));
      if (t.kind !== "call" || b[k].kind !== "call") throw new Error("call tests expected");
      const shape = (args: unknown[]) => JSON.stringify(args, (_key, v) => (typeof v === "number" ? 0 : v));
      expect(shape(t.args), t.id).toBe(shape(b[k].args));
    }
    const byId = (tests: ResolvedTest[], id: string) => tests.find((t) => t.id === id) as Extract<ResolvedTest, { kind: "call" }>;
    for (const tests of [a, b]) {
      const single = byId(tests, "single-example").args[0] as number[][];
      expect(single).toHaveLength(1);
      const constantColumn = byId(tests, "constant-column").args[0] as number[][];
      expect(new Set(constantColumn.map((row) => row[1])).size).toBe(1);
      const offset = byId(tests, "large-offset").args[0] as number[][];
      expect(offset.flat().every((v) => Math.abs(v - 1e8) < 1e3)).toBe(true);
    }
  });

  it("the reference passes on any seed; a grading without a seed draws a fresh one", async () => {
    const exercise = await loadExercise("batchnorm-inference");
    const reference = await readFile(path.join(exercise.dir, "reference.ts"), "utf8");
    for (const seed of ["0000000000000001", "ffffffffffffffff"]) {
      expect((await gradeInProcess(exercise, reference, "typescript", "submit", { seed })).status).toBe("passed");
    }
    expect((await gradeInProcess(exercise, reference, "typescript", "submit")).status).toBe("passed");
  });
});

describe("the lookup-table attack", () => {
  it("a table built from everything a student can see passes the public tests and no hidden test", async () => {
    const exercise = await loadExercise("batchnorm-forward");
    const reference = await readFile(path.join(exercise.dir, "reference.ts"), "utf8");
    // Earlier submissions: the reference itself (a student who has it once) and
    // every hostile probe, all on the probes' seed, as the browser sees them.
    const seen: GradeReport[] = [];
    for (const code of [reference, ...(await Promise.all(FIXTURES.filter((f) => f.exercise === exercise.spec.id).map((f) => fixtureCode(f.file))))]) {
      const report = await gradeInProcess(exercise, code, "typescript", "submit", { seed: PROBE_SEED });
      const view = publicReport(JSON.stringify(report));
      if (!view) throw new Error("the browser view of a report did not parse");
      seen.push(view);
    }
    // The table: every input → expected output pair any report shows, and every number any report mentions.
    const table: Record<string, unknown> = {};
    const numbers = new Set<number>();
    for (const report of seen) {
      for (const t of report.tests) if (t.visibility === "public" && t.detail) table[JSON.stringify(t.detail.input)] = t.detail.expected;
      for (const match of reportText(report).matchAll(/-?\d+(?:\.\d+)?(?:e[-+]?\d+)?/g)) numbers.add(Number(match[0]));
    }
    expect(Object.keys(table).length).toBe(exercise.tests.filter((t) => t.visibility === "public").length);
    const hiddenValues = new Set(hiddenNumbers(hiddenTestsFor(exercise, PROBE_SEED)).filter(drawn));
    expect(hiddenValues.size).toBeGreaterThan(100);
    expect([...numbers].filter((n) => hiddenValues.has(n))).toEqual([]);

    const tableSolution = `
      const TABLE: Record<string, unknown> = ${JSON.stringify(table)};
      export function batchnormForward(x: number[][], gamma: number[], beta: number[], eps: number) {
        const known = TABLE[JSON.stringify([x, gamma, beta, eps])];
        if (known) return known;
        return { out: x.map((row) => row.map((_, j) => beta[j])), mean: gamma.map(() => 0), variance: gamma.map(() => 1) };
      }`;
    for (const seed of ["5eed5eed5eed5eed", PROBE_SEED]) {
      const report = await gradeInProcess(exercise, tableSolution, "typescript", "submit", { seed });
      expect(report.tests.filter((t) => t.visibility === "public").every((t) => t.status === "passed")).toBe(true);
      expect(report.tests.filter((t) => t.visibility === "hidden" && t.status === "passed").map((t) => t.id)).toEqual([]);
    }
  });
});

describe("even a complete readout of one grading is worth nothing on the next", () => {
  it("a table of every hidden input of seed A with its correct output passes no hidden test under seed B", async () => {
    const exercise = await loadExercise("batchnorm-forward");
    const { batchnormForward } = (await import("../exercises/batchnorm-forward/reference")) as {
      batchnormForward: (...args: unknown[]) => unknown;
    };
    // Worst case: the student somehow knows seed A's hidden inputs and computes their answers offline.
    const table: Record<string, unknown> = {};
    for (const t of [...exercise.tests.filter((x) => x.visibility === "public"), ...hiddenTestsFor(exercise, PROBE_SEED)]) {
      if (t.kind === "call") table[JSON.stringify(t.args)] = batchnormForward(...structuredClone(t.args));
    }
    const tableSolution = `
      const TABLE: Record<string, unknown> = ${JSON.stringify(table)};
      export function batchnormForward(x: number[][], gamma: number[], beta: number[], eps: number) {
        return TABLE[JSON.stringify([x, gamma, beta, eps])] ?? { out: [], mean: [], variance: [] };
      }`;
    const sameSeed = await gradeInProcess(exercise, tableSolution, "typescript", "submit", { seed: PROBE_SEED });
    expect(sameSeed.status).toBe("passed"); // control: the table is complete for the grading it came from
    const nextSubmission = await gradeInProcess(exercise, tableSolution, "typescript", "submit", { seed: "0123456789abcdef" });
    expect(nextSubmission.tests.filter((t) => t.visibility === "hidden" && t.status === "passed").map((t) => t.id)).toEqual([]);
    expect(nextSubmission.tests.filter((t) => t.visibility === "public").every((t) => t.status === "passed")).toBe(true);
  });
});

describe("the lookup-table attack on a class exercise (scenarios)", () => {
  it("forward() answers from every public scenario's outputs: public tests pass, no hidden test does", async () => {
    const exercise = await loadExercise("batchnorm-inference");
    const reference = await readFile(path.join(exercise.dir, "reference.ts"), "utf8");
    const view = publicReport(JSON.stringify(await gradeInProcess(exercise, reference, "typescript", "submit", { seed: PROBE_SEED })));
    // forward input → the output the reference's report showed for it; plus the value of every field read
    const forwardTable: Record<string, unknown> = {};
    for (const t of view?.tests ?? []) {
      if (t.visibility !== "public" || !t.detail) continue;
      const steps = t.detail.input as { op: string; method?: string; args?: unknown[] }[];
      const expected = t.detail.expected as Record<string, unknown>;
      for (const [k, step] of steps.entries()) {
        const label = Object.keys(expected).find((key) => key.startsWith(`step ${k + 1}: `));
        if (step.op === "call" && step.method === "forward" && label) forwardTable[JSON.stringify(step.args?.[0])] = expected[label];
      }
    }
    expect(Object.keys(forwardTable).length).toBeGreaterThanOrEqual(3);
    const tableSolution = `
      const TABLE: Record<string, number[][]> = ${JSON.stringify(forwardTable)};
      export class BatchNorm {
        gamma: number[]; beta: number[]; runningMean: number[]; runningVar: number[]; training = true;
        constructor(d: number) { this.gamma = new Array(d).fill(1); this.beta = new Array(d).fill(0); this.runningMean = new Array(d).fill(0); this.runningVar = new Array(d).fill(1); }
        train() { this.training = true; }
        eval() { this.training = false; }
        forward(x: number[][]) { return TABLE[JSON.stringify(x)] ?? x.map((row) => row.map(() => 0)); }
      }`;
    for (const seed of ["5eed5eed5eed5eed", PROBE_SEED]) {
      const report = await gradeInProcess(exercise, tableSolution, "typescript", "submit", { seed });
      const byVisibility = (v: string) => report.tests.filter((t) => t.visibility === v);
      expect(byVisibility("public").filter((t) => t.status === "passed").length).toBeGreaterThanOrEqual(1);
      expect(byVisibility("hidden").filter((t) => t.status === "passed").map((t) => t.id)).toEqual([]);
    }
  });
});

describe("hidden hints: fixed author text, shown alike by the grader, the CLI and the browser view", () => {
  it("a failed hidden test carries its hint everywhere; a passed one carries none", async () => {
    const exercise = await loadExercise("batchnorm-forward");
    const starter = await readFile(path.join(exercise.dir, "starter.ts"), "utf8");
    const hint = exercise.tests.find((t) => t.id === "single-example")?.hint ?? "";
    expect(hint.length).toBeGreaterThan(10);
    const report = await gradeInProcess(exercise, starter, "typescript", "submit", { seed: PROBE_SEED });
    const entry = report.tests.find((t) => t.id === "single-example");
    expect(entry).toMatchObject({ visibility: "hidden", status: "failed", hint });
    expect(publicReport(JSON.stringify(report))?.tests.find((t) => t.id === "single-example")?.hint).toBe(hint);

    const reference = await readFile(path.join(exercise.dir, "reference.ts"), "utf8");
    const passed = await gradeInProcess(exercise, reference, "typescript", "submit", { seed: PROBE_SEED });
    expect(passed.tests.filter((t) => t.visibility === "hidden").every((t) => t.hint === undefined)).toBe(true);

    const cli = (...args: string[]) =>
      spawnSync(process.execPath, ["--import", "tsx", "--no-node-snapshot", "grader/cli/cli.ts", "batchnorm-forward", "exercises/batchnorm-forward/starter.ts", ...args], {
        encoding: "utf8",
        timeout: 60_000,
      }).stdout;
    const json = GradeReportSchema.parse(JSON.parse(cli("--json")));
    expect(json.tests.find((t) => t.id === "single-example")?.hint).toBe(hint);
    const text = cli();
    expect(text).toContain(`[hidden] ${entry?.name}`);
    expect(text).toContain(`hint: ${hint}`);
  }, 60_000);
});
