import { describe, expect, it } from "vitest";
import { compareValues } from "./compare";

const tol = { atol: 1e-9, rtol: 1e-7 };

describe("compareValues", () => {
  it("accepts values exactly at the tolerance boundary and rejects just beyond", () => {
    const b = 2;
    const edge = b + (1e-9 + 1e-7 * b) * 0.999;
    expect(compareValues([edge], [b], tol).ok).toBe(true);
    const beyond = b + (1e-9 + 1e-7 * b) * 1.01;
    const r = compareValues([beyond], [b], tol);
    expect(r.ok).toBe(false);
    expect(r.firstBadIndex).toBe("[0]");
  });

  it("reports the worst absolute and relative error and the first offending index", () => {
    const r = compareValues({ out: [[1, 2], [3, 4.5]] }, { out: [[1, 2.1], [3, 4]] }, tol);
    expect(r.ok).toBe(false);
    expect(r.firstBadIndex).toBe("out[0][1]");
    expect(r.worstAbsError).toBeCloseTo(0.5, 12);
    expect(r.worstRelError).toBeCloseTo(0.125, 12);
    expect(r.actualAtBad).toBe(2);
    expect(r.expectedAtBad).toBe(2.1);
  });

  it("treats NaN and Infinity markers as not finite", () => {
    const r = compareValues({ mean: ["__NaN__"] }, { mean: [0] }, tol);
    expect(r.ok).toBe(false);
    expect(r.problem).toBe("`mean[0]` should be a finite number but is NaN");
  });

  it("catches shape mismatches and missing keys", () => {
    expect(compareValues({ out: [1, 2, 3] }, { out: [1, 2] }, tol).problem).toBe("`out` has length 3; expected length 2");
    expect(compareValues({ out: [1] }, { out: [1], mean: [0] }, tol).problem).toBe("`mean` is missing from your result");
    expect(compareValues([1, 2], { out: [1] }, tol).problem).toMatch(/should be an object with keys out/);
    expect(compareValues("__undefined__", [1], tol).problem).toBe("the result should be an array of length 1 but is undefined");
  });

  it("compares only the selected keys when asked", () => {
    expect(compareValues({ out: "garbage", mean: [1] }, { out: [[0]], mean: [1] }, tol, ["mean"]).ok).toBe(true);
    expect(compareValues({ out: "garbage", mean: [1] }, { out: [[0]], mean: [1] }, tol).ok).toBe(false);
  });

  it("compares strings, booleans and null exactly", () => {
    expect(compareValues([true, null, "a"], [true, null, "a"], tol).ok).toBe(true);
    expect(compareValues([false], [true], tol).ok).toBe(false);
  });
});
