/**
 * Messages for numbers outside the tolerance mean something for every expected
 * value — 0 and ~1e-17 included. They are for public tests: a hidden test's
 * entry carries only the fixed text of its failure category.
 */
import { describe, expect, it } from "vitest";
import { compareValues } from "../contract/compare";
import { gradeInProcess } from "./grade";
import { loadExercise } from "../content/load-exercise";
import { HIDDEN_MESSAGES } from "../contract/schema";
import { toleranceMessage } from "./tolerance-message";

const tol = { atol: 1e-9, rtol: 1e-7 };
const message = (actual: number[], expected: number[]) => toleranceMessage(compareValues(actual, expected, tol), tol);

describe("toleranceMessage (public)", () => {
  it("expected 0: states the absolute error and the allowed error, no relative error", () => {
    expect(message([0.001], [0])).toBe(
      "`[0]` is outside the tolerance: it is 0.00100000 but should be 0 — absolute error 0.001, allowed 1e-9 (atol 1e-9 + rtol 1e-7·|expected|).",
    );
  });

  it("expected ~1e-17: no astronomically large relative error", () => {
    const text = message([1.5e-1], [1e-17]) ?? "";
    expect(text).toContain("absolute error 0.15, allowed 1e-9");
    expect(text).not.toMatch(/relative/);
    expect(text).not.toMatch(/e\+1[0-9]/);
  });

  it("adds the relative error where rtol sets the tolerance, and names the worst of several", () => {
    expect(message([1, 2.2, 0.5], [1, 2, 0.4])).toBe(
      "2 of 3 values are outside the tolerance; the worst is `[2]`: it is 0.500000 but should be 0.400000 — absolute error 0.1, allowed 4.1e-8 (atol 1e-9 + rtol 1e-7·|expected|), relative error 0.25.",
    );
  });

  it("a scalar result is called the result (its path is empty)", () => {
    const tolerance = toleranceMessage(compareValues(0.5, 0.4, tol), tol) ?? "";
    expect(tolerance).toMatch(/^The result is outside the tolerance: it is 0\.500000 but should be 0\.400000/);
  });

  it("returns null when nothing is outside the tolerance", () => {
    expect(message([1, 2], [1, 2])).toBeNull();
  });
});

describe("gradeInProcess tolerance messages", () => {
  it("a hidden test whose wrong values are all expected to be 0 fails as wrong values, with no ratio or count", async () => {
    // Correct, except that outputs which should be exactly 0 come out as 1e-6:
    // only the hidden constant-batch test (β = 0 in column 1) expects zeros.
    const code = `export function batchnormForward(x, gamma, beta, eps) {
      const n = x.length;
      const mean = gamma.map((_, j) => x.reduce((s, r) => s + r[j], 0) / n);
      const variance = gamma.map((_, j) => x.reduce((s, r) => s + (r[j] - mean[j]) ** 2, 0) / n);
      const out = x.map((r) => r.map((v, j) => gamma[j] * ((v - mean[j]) / Math.sqrt(variance[j] + eps)) + beta[j]));
      return { out: out.map((r) => r.map((v) => (v === 0 ? 1e-6 : v))), mean, variance };
    }`;
    const report = await gradeInProcess(await loadExercise("batchnorm-forward"), code, "javascript", "submit");
    const failed = report.tests.filter((t) => t.status !== "passed");
    expect(failed.map((t) => t.id)).toEqual(["constant-batch"]);
    expect(failed[0]).toMatchObject({ failure: "wrong-values", message: HIDDEN_MESSAGES["wrong-values"] });
  });
});
