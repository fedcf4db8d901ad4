import { describe, expect, it } from "vitest";
import { compareCell, formatValue, MAX_ROWS, tensorGrids } from "./tensor-cells";

const tol = { atol: 1e-9, rtol: 1e-7 };

describe("tensor cells", () => {
  it("marks exactly the cells outside tolerance", () => {
    const [grid] = tensorGrids([[1, 2], [3, 4]], [[1, 2.5], [3 + 1e-12, 4]], tol);
    expect(grid.rows.map((r) => r.map((c) => c.ok))).toEqual([[true, false], [true, true]]);
    expect(grid.mismatches).toBe(1);
    expect(grid.rows[0][1].absError).toBeCloseTo(0.5);
  });

  it("splits an object result into one labelled grid per key, vectors as one row", () => {
    const grids = tensorGrids({ out: [[1, 2]], mean: [0, 1] }, { out: [[1, 2]], mean: [0, 2] }, tol);
    expect(grids.map((g) => [g.label, g.mismatches])).toEqual([["out", 0], ["mean", 1]]);
    expect(grids[1].rows).toHaveLength(1);
  });

  it("shows each plane of a 4-D tensor and treats a missing or wrong-shaped actual as mismatches", () => {
    const x = [[[[1, 2]], [[3, 4]]]];
    const grids = tensorGrids(x, [[[[1, 2]]]], tol);
    expect(grids.map((g) => g.label)).toEqual(["[0][0]", "[0][1]"]);
    expect(grids[1].mismatches).toBe(2);
    expect(tensorGrids([1, 2], "oops", tol)[0].mismatches).toBe(2);
  });

  it("rejects non-finite values and compares booleans exactly", () => {
    expect(compareCell(1, Number.NaN, tol).ok).toBe(false);
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

  it("formats numbers compactly", () => {
    expect(formatValue(-0.9526788234229954)).toBe("-0.952679");
    expect(formatValue(3)).toBe("3");
    expect(formatValue(undefined)).toBe("—");
  });
});
