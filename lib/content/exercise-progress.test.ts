import { describe, expect, it } from "vitest";
import { exerciseProgress } from "./module-progress";

const at = (minute: number) => new Date(Date.UTC(2026, 10, 26, 12, minute));

describe("exerciseProgress", () => {
  it("reports best and latest score by submission time, not by order", () => {
    const progress = exerciseProgress("batchnorm-forward", [
      { score: 0.9, verdict: "failed", createdAt: at(5) },
      { score: 0.4, verdict: "failed", createdAt: at(9) },
      { score: null, verdict: null, createdAt: at(12) }, // still grading: not a score
      { score: 0.6, verdict: "failed", createdAt: at(1) },
    ]);
    expect(progress).toEqual({ id: "batchnorm-forward", status: "attempted", bestScore: 0.9, latestScore: 0.4, attempts: 4 });
  });

  it("is passed once any submit passed, and empty without submits", () => {
    expect(exerciseProgress("x", [{ score: 1, verdict: "passed", createdAt: at(1) }, { score: 0.5, verdict: "failed", createdAt: at(2) }])).toMatchObject({
      status: "passed",
      bestScore: 1,
      latestScore: 0.5,
    });
    expect(exerciseProgress("x", [])).toEqual({ id: "x", status: "not-started", bestScore: null, latestScore: null, attempts: 0 });
  });
});
