import { describe, expect, it } from "vitest";
import { compareValues } from "@/grader/contract/compare";
import { compareCell, formatDifference, formatPair, formatTimesAllowed, formatValue, MAX_ROWS, tensorGrids } from "./tensor-cells";

const tol = { atol: 1e-9, rtol: 1e-7 };

describe("tensor cells", () => {
  it("marks exactly the cells outside tolerance, with the difference at tolerance scale", () => {
    const [grid] = tensorGrids([[1, 2], [3, 4]], [[1, 2.5], [3 + 1e-12, 4]], tol);
    expect(grid.rows.map((r) => r.map((c) => c.ok))).toEqual([[true, false], [true, true]]);
    expect(grid.mismatches).toBe(1);
    expect(grid.rows[0][1].difference).toBeCloseTo(0.5);
    // allowed at 2 is 1e-9 + 2e-7
    expect(grid.rows[0][1].timesAllowed).toBeCloseTo(0.5 / (1e-9 + 2e-7), 3);
  });

  it("agrees with the grader's comparison on every cell, at the edge of the tolerance too", () => {
    const expected = [1, 1.0894, 0, 1e-17, -3];
    const actual = [1 + 1.01e-7, 1.0894 + 1e-7, 2e-9, 0, -3 - 3.1e-7];
    const [grid] = tensorGrids(expected, actual, tol);
    grid.rows[0].forEach((cell, i) => expect(cell.ok).toBe(compareValues(actual[i], expected[i], tol).ok));
    expect(grid.rows[0].map((c) => c.ok)).toEqual([true, true, false, true, false]);
  });

  it("splits an object result into one labelled grid per key, vectors as one row", () => {
    const grids = tensorGrids({ out: [[1, 2]], mean: [0, 1] }, { out: [[1, 2]], mean: [0, 2] }, tol);
    expect(grids.map((g) => [g.label, g.mismatches, g.cells])).toEqual([
      ["out", 0, 2],
      ["mean", 1, 2],
    ]);
    expect(grids[1].rows).toHaveLength(1);
  });

  it("shows each plane of a 4-D tensor and treats a missing or wrong-shaped actual as mismatches", () => {
    const x = [[[[1, 2]], [[3, 4]]]];
    const grids = tensorGrids(x, [[[[1, 2]]]], tol);
    expect(grids.map((g) => g.label)).toEqual(["[0][0]", "[0][1]"]);
    expect(grids[1].mismatches).toBe(2);
    expect(tensorGrids([1, 2], "oops", tol)[0].mismatches).toBe(2);
  });

  it("rejects the harness's NaN marker and compares booleans exactly", () => {
    expect(compareCell(1, "__NaN__", tol).ok).toBe(false);
    expect(compareCell(1, "__NaN__", tol).difference).toBeNull();
    expect(compareCell(true, false, tol).ok).toBe(false);
    expect(compareCell(true, true, tol).ok).toBe(true);
  });

  it("cuts large matrices but still counts every mismatch", () => {
    const big = Array.from({ length: 20 }, () => [0]);
    const [grid] = tensorGrids(big, big.map(() => [1]), tol);
    expect(grid.rows).toHaveLength(MAX_ROWS);
    expect(grid.truncated).toBe(true);
    expect(grid.mismatches).toBe(20);
  });

  it("names NaN and infinities instead of showing the harness's markers", () => {
    expect(formatValue("__NaN__")).toBe("NaN");
    expect(formatValue("__Infinity__")).toBe("∞");
    expect(formatValue("__-Infinity__")).toBe("−∞");
    expect(formatValue(-0.9526788234229954)).toBe("-0.952679");
    expect(formatValue(3)).toBe("3");
    expect(formatValue(undefined)).toBe("missing");
  });

  it("prints a failing pair with enough digits to see that they differ", () => {
    expect(formatPair(1.0894012, 1.0894036)).toEqual(["1.089401", "1.089404"]);
    const [a, b] = formatPair(1.08940001, 1.0894001);
    expect(a).not.toBe(b);
    expect(formatPair(2, "__NaN__")).toEqual(["2", "NaN"]);
  });

  it("formats differences and tolerance multiples compactly", () => {
    expect(formatDifference(3.2e-7)).toBe("+3.2e-7");
    expect(formatDifference(-0.41)).toBe("−0.41");
    expect(formatTimesAllowed(32.4)).toBe("32× allowed");
    expect(formatTimesAllowed(1.34)).toBe("1.3× allowed");
    expect(formatTimesAllowed(Number.POSITIVE_INFINITY)).toBe("nothing allowed");
  });
});
