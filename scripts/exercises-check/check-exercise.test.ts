/**
 * checkExercise's verdict logic with a scripted grader: a reference that fails,
 * a starter that passes or does not compile, and a mistake caught only by
 * public tests must each be reported as errors. The real exercise folder
 * supplies the files; only the grading is faked.
 */
import { describe, expect, it } from "vitest";
import { loadExercise } from "@/grader/load-exercise";
import type { GradeReport } from "@/grader/schema";
import { checkExercise, type GradeSource } from "./check-exercise";

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

/** Grades by recognising which file the code came from. */
function scripted(verdicts: { reference: Verdict; starter: Verdict; mistake: Verdict }): GradeSource {
  return async (exercise, code) => {
    const kind = code === exercise.starter ? "starter" : code.includes("export const misconception") ? "mistake" : "reference";
    return fakeReport(exercise.tests, verdicts[kind]);
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
});
