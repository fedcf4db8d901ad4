/**
 * planFeedback on real gradings of known-wrong solutions: the hint shown is
 * the one that fits the failure, and never one the value table contradicts.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { gradeInProcess } from "@/grader/engine/grade";
import { loadExercise } from "@/grader/content/load-exercise";
import type { GradeReport } from "@/grader/contract/schema";
import { planFeedback } from "./feedback-plan";
import type { Mode } from "@/grader/contract/vocabulary";

async function grade(exerciseId: string, file: string, mode: Mode): Promise<GradeReport> {
  const exercise = await loadExercise(exerciseId);
  const code = await readFile(path.join(process.cwd(), "exercises", exerciseId, file), "utf8");
  return gradeInProcess(exercise, code, "typescript", mode, { seed: "0123abcd" });
}

/** The same report as if no known mistake had been recognised. */
const unrecognised = (r: GradeReport): GradeReport => ({ ...r, misconceptions: [] });

describe("planFeedback", () => {
  it("puts a recognised misconception first and hides the hints it explains", async () => {
    const report = await grade("batchnorm-forward", "mistakes/unbiased-variance.ts", "submit");
    const plan = planFeedback(report);
    expect(plan.fixFirst?.text).toContain("N − 1");
    const explained = report.misconceptions.flatMap((m) => m.testIds);
    expect(explained.length).toBeGreaterThan(0);
    for (const id of explained) expect(plan.hints[id]).toBeNull();
  });

  it("with an N − 1 variance never shows a hint about the mean, which the table shows correct", async () => {
    const plan = planFeedback(unrecognised(await grade("batchnorm-forward", "mistakes/unbiased-variance.ts", "run")));
    expect(plan.failingPart["small-batch"]).toMatch(/`variance`: 3 of 3 values too large \(about 1\.33× the expected values\)/);
    expect(plan.failingPart["small-batch"]).toContain("`mean` is correct");
    const shown = Object.values(plan.hints).filter((h): h is string => h !== null);
    expect(shown.some((h) => /average down each column/.test(h))).toBe(false);
    expect(shown.length).toBeLessThanOrEqual(1);
    expect(plan.fixFirst?.text).toContain("`variance`");
  });

  it("does not tell a backward pass that applies γ correctly to multiply by γ", async () => {
    const plan = planFeedback(unrecognised(await grade("batchnorm-backward", "mistakes/dropped-variance-path.ts", "run")));
    expect(plan.hints["non-unit-gamma"]).toBeNull();
    const shown = Object.values(plan.hints).filter((h) => h !== null);
    expect(shown.length).toBeLessThanOrEqual(1);
  });

  it("shows the γ hint when γ really is missing from dx (unit-γ tests pass)", async () => {
    const report = unrecognised(await grade("batchnorm-backward", "mistakes/gamma-missing-in-dx.ts", "run"));
    expect(report.tests.find((t) => t.id === "small-batch")?.status).toBe("passed");
    const plan = planFeedback(report);
    expect(plan.hints["non-unit-gamma"]).toMatch(/multiplied by γ/);
    expect(plan.fixFirst?.testId).toBe("non-unit-gamma");
  });

  it("shows a hidden `throws` test's hint when the only failure is a missing error", async () => {
    const exercise = await loadExercise("groupnorm");
    const reference = await readFile(path.join(process.cwd(), "exercises", "groupnorm", "reference.ts"), "utf8");
    // The backward pass forgets to refuse groups that do not divide C; everything else is the reference.
    const code = reference.replace(
      "const perGroup = checkGroups(channels, groups);\n  const { mean, variance } = groupStatistics(x, groups, perGroup);\n  const dgamma",
      "if (channels % groups !== 0) return { dx: dout, dgamma: gamma.map(() => 0), dbeta: gamma.map(() => 0) };\n  const perGroup = checkGroups(channels, groups);\n  const { mean, variance } = groupStatistics(x, groups, perGroup);\n  const dgamma",
    );
    expect(code).not.toBe(reference);
    const report = await gradeInProcess(exercise, code, "typescript", "submit", { seed: "0123abcd" });
    const failing = report.tests.filter((t) => t.status !== "passed");
    expect(failing.map((t) => [t.id, t.failure])).toEqual([["backward-not-divisible-throws", "no-error-thrown"]]);
    // (the named mistake no-divisibility-check explains it when recognised; without it, the hint is the help)
    expect(planFeedback(unrecognised(report)).hints["backward-not-divisible-throws"]).toMatch(/checks groups exactly like the forward pass/);
  });

  it("gives no fix-this-first line and no hints to a passing submission", async () => {
    const plan = planFeedback(await grade("batchnorm-forward", "reference.ts", "submit"));
    expect(plan.fixFirst).toBeNull();
    expect(Object.values(plan.hints).every((h) => h === null)).toBe(true);
  });
});
