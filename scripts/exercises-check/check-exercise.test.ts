/**
 * checkExercise's verdict logic with a scripted grader: a reference that fails,
 * a starter that passes or does not compile, and a mistake caught only by
 * public tests must each be reported as errors. The real exercise folder
 * supplies the files; only the grading is faked.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { type LoadedExercise, loadExercise } from "@/grader/content/load-exercise";
import type { GradeReport } from "@/grader/contract/schema";
import { checkExercise, checkerSeeds, fixedHiddenTests, type GradeSource } from "./check-exercise";
import { confusionMatrix } from "./confusion-matrix";

type Verdict = "pass" | "fail-hidden" | "fail-public-only" | "compile-error";

function fakeReport(ids: { id: string; visibility: "public" | "hidden" }[], verdict: Verdict): GradeReport {
  const failed = (v: "public" | "hidden") => verdict === "fail-hidden" ? v === "hidden" : verdict === "fail-public-only" && v === "public";
  return {
    version: 1,
    exerciseId: "x",
    mode: "submit",
    status: verdict === "pass" ? "passed" : verdict === "compile-error" ? "error" : "failed",
    score: verdict === "pass" ? 1 : 0.5,
    summary: verdict,
    tests:
      verdict === "compile-error"
        ? []
        : ids.map((t) => ({
            id: t.id,
            name: t.id,
            visibility: t.visibility,
            status: failed(t.visibility) ? "failed" : "passed",
            points: 0,
            maxPoints: 1,
            message: "m",
          })),
    misconceptions: [],
    compileErrors: verdict === "compile-error" ? [{ line: 1, column: 1, message: "Unexpected token" }] : [],
    console: [],
    limits: { callTimeoutMs: 1, totalTimeoutMs: 1, memoryMb: 8, maxConsoleLines: 1, maxConsoleBytes: 1, maxResultBytes: 1 },
    timings: { compileMs: 0, sandboxMs: 0, compareMs: 0, totalMs: 1 },
  };
}

/** A report for a mistake that fails hidden tests and names the given misconceptions. */
function naming(ids: { id: string; visibility: "public" | "hidden" }[], named: string[]): GradeReport {
  return { ...fakeReport(ids, "fail-hidden"), misconceptions: named.map((id) => ({ id, message: "m", testIds: [] })) };
}

/** Which known mistake's file this code is (undefined: not a mistake). */
function mistakeIdOf(exercise: LoadedExercise, code: string): string | undefined {
  return exercise.mistakes.find((m) => readFileSync(path.join(exercise.dir, "mistakes", `${m.id}.ts`), "utf8") === code)?.id;
}

/** Grades by recognising which file the code came from; a failing mistake is named as itself. */
function scripted(verdicts: { reference: Verdict; starter: Verdict; mistake: Verdict }): GradeSource {
  return async (exercise, code) => {
    const mistake = mistakeIdOf(exercise, code);
    const kind = code === exercise.starter ? "starter" : mistake ? "mistake" : "reference";
    return mistake && verdicts.mistake === "fail-hidden" ? naming(exercise.tests, [mistake]) : fakeReport(exercise.tests, verdicts[kind]);
  };
}

describe("checkExercise", () => {
  const load = () => loadExercise("layernorm-forward");
  const course = { modules: [{ id: "beyond-batchnorm", exercises: ["layernorm-forward"] }] };

  it("is clean when the reference passes, the starter fails and hidden tests catch every mistake", async () => {
    const exercise = await load();
    const check = await checkExercise(exercise, scripted({ reference: "pass", starter: "fail-hidden", mistake: "fail-hidden" }), course);
    expect(check.errors).toEqual([]);
    expect(check.referencePassed).toBe(true);
    expect(check.starterFailed).toBe(true);
    expect(check.mistakes.every((m) => m.caughtBy.length > 0)).toBe(true);
  });

  it("reports a failing reference, a passing starter and mistakes only public tests catch", async () => {
    const exercise = await load();
    const check = await checkExercise(exercise, scripted({ reference: "fail-hidden", starter: "pass", mistake: "fail-public-only" }), course);
    const errors = check.errors.join("\n");
    expect(errors).toMatch(/reference\.ts: must pass all of its own tests/);
    expect(errors).toMatch(/starter\.ts: passes every test/);
    expect(check.errors.filter((e) => e.includes("no hidden test catches this mistake (only public:"))).toHaveLength(exercise.mistakes.length);
  });

  it("reports a starter that does not compile", async () => {
    const exercise = await load();
    const check = await checkExercise(exercise, scripted({ reference: "pass", starter: "compile-error", mistake: "fail-hidden" }), course);
    expect(check.errors.join("\n")).toMatch(/starter\.ts: must compile, but: line 1:1 Unexpected token/);
  });

  it("names each mistake on every seed: a clean diagonal, and a wrong label is an error", async () => {
    const exercise = await load();
    const [first, second] = exercise.mistakes;
    const seeds = checkerSeeds(3);
    const grade: GradeSource = async (ex, code, _language, seed) => {
      const own = mistakeIdOf(ex, code);
      if (!own) return fakeReport(ex.tests, code === ex.starter ? "fail-hidden" : "pass");
      // the first mistake's code is also labelled as the second one, on one seed only
      return naming(ex.tests, own === first.id && seed === seeds[1] ? [own, second.id] : [own]);
    };
    const check = await checkExercise(exercise, grade, course, seeds);
    const wrong = check.errors.filter((e) => e.includes("a wrong label is worse than none"));
    expect(wrong).toHaveLength(1);
    expect(wrong[0]).toContain(`mistakes/${first.id}.ts: grading it names the misconception "${second.id}" (on 1 of 3 seeds)`);
    const matrix = confusionMatrix(check.mistakes, 3);
    expect(matrix).toMatch(/1!!/);
    expect(matrix).toMatch(/\b3\b/);
  });

  it("a mistake caught on only some seeds is an error", async () => {
    const exercise = await load();
    const seeds = checkerSeeds(4);
    const grade: GradeSource = async (ex, code, _language, seed) => {
      const own = mistakeIdOf(ex, code);
      if (!own) return fakeReport(ex.tests, code === ex.starter ? "fail-hidden" : "pass");
      return seed === seeds[2] ? fakeReport(ex.tests, "pass") : naming(ex.tests, [own]);
    };
    const check = await checkExercise(exercise, grade, course, seeds);
    expect(check.errors.filter((e) => e.includes("catch this mistake on only 3 of 4 seeds"))).toHaveLength(exercise.mistakes.length);
  });

  it("finds hidden tests whose inputs do not depend on the seed", async () => {
    const exercise = await load();
    expect(fixedHiddenTests(exercise, checkerSeeds(3))).toEqual([]);
    const frozen = exercise.parsedTests.map((p) =>
      p.definition.visibility === "hidden" && p.definition.id === exercise.parsedTests.at(-1)?.definition.id
        ? { ...p, definition: { ...p.definition, args: () => [[[1, 2]], [1, 1], [0, 0], 1e-5] } }
        : p,
    );
    const lastHidden = exercise.parsedTests.at(-1)?.definition;
    expect(lastHidden?.visibility).toBe("hidden");
    expect(fixedHiddenTests({ ...exercise, parsedTests: frozen }, checkerSeeds(3))).toEqual([lastHidden?.id]);
  });
});
