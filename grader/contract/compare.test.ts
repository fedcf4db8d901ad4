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

  it("reports the worst absolute and relative error, the first offending index and the worst violation", () => {
    const r = compareValues({ out: [[1, 2], [3, 4.5]] }, { out: [[1, 2.1], [3, 4]] }, tol);
    expect(r.ok).toBe(false);
    expect(r.firstBadIndex).toBe("out[0][1]");
    expect(r.problemKind).toBe("tolerance");
    expect(r.worstAbsError).toBeCloseTo(0.5, 12);
    expect(r.worstRelError).toBeCloseTo(0.125, 12);
    expect([r.numbersCompared, r.outsideCount]).toEqual([4, 2]);
    // furthest outside its own tolerance: 0.5 / (1e-9 + 4e-7) beats 0.1 / (1e-9 + 2.1e-7)
    expect(r.worst).toMatchObject({ path: "out[1][1]", actual: 4.5, expected: 4 });
    expect(r.worst?.allowed).toBeCloseTo(1e-9 + 4e-7, 20);
  });

  it("has no relative error where the absolute tolerance dominates (|b| ≤ atol/rtol)", () => {
    expect(compareValues([0.001], [0], tol).worstRelError).toBeNull();
    expect(compareValues([1e-3], [1e-17], tol).worstRelError).toBeNull();
    expect(compareValues([1e-3], [0.01], tol).worstRelError).toBeNull();
    // only the large element counts, not the ~1e18 one next to it
    const r = compareValues([1e-3, 2.2], [1e-17, 2], tol);
    expect(r.worstRelError).toBeCloseTo(0.1, 12);
    expect(r.worst?.path).toBe("[0]");
    expect(compareValues([1.1], [1], { atol: 1e-9, rtol: 0 }).worstRelError).toBeNull();
  });

  it("a non-finite value or wrong shape takes precedence over numbers outside the tolerance", () => {
    const r = compareValues([5, "__NaN__"], [1, 1], tol);
    expect(r.problemKind).toBe("structure");
    expect(r.firstBadIndex).toBe("[1]");
    expect(r.problem).toBe("`[1]` should be a finite number but is NaN");
    expect(r.worst?.path).toBe("[0]");
    expect(compareValues([1], [1], tol).problemKind).toBeNull();
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
