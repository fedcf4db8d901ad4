import { describe, expect, it } from "vitest";
import { discriminationIndex, extremeGroups, groupSize } from "./discrimination";

describe("27% groups", () => {
  it("sizes groups as round(0.27 N), at least 1, never overlapping", () => {
    expect(groupSize(0)).toBe(0);
    expect(groupSize(1)).toBe(0);
    expect(groupSize(2)).toBe(1);
    expect(groupSize(10)).toBe(3);
    expect(groupSize(100)).toBe(27);
    expect(groupSize(500)).toBe(135);
  });

  it("takes the highest and lowest totals and breaks boundary ties by user id", () => {
    const students = [
      { userId: "d", total: 0.5, attemptId: "4" },
      { userId: "a", total: 0.9, attemptId: "1" },
      { userId: "c", total: 0.5, attemptId: "3" },
      { userId: "b", total: 0.9, attemptId: "2" },
      { userId: "e", total: 0.1, attemptId: "5" },
      { userId: "f", total: 0.5, attemptId: "6" },
      { userId: "g", total: 0.2, attemptId: "7" },
    ];
    const groups = extremeGroups(students)!;
    expect(groups.size).toBe(2); // round(1.89)
    expect(groups.upper.map((s) => s.userId)).toEqual(["a", "b"]);
    expect(groups.lower.map((s) => s.userId)).toEqual(["e", "g"]);
    expect(extremeGroups(students.slice(0, 1))).toBeNull();
  });

  it("computes D = (U − L) / n", () => {
    expect(discriminationIndex(27, 0, 27)).toBe(1);
    expect(discriminationIndex(10, 20, 20)).toBe(-0.5);
    expect(discriminationIndex(3, 3, 3)).toBe(0);
    expect(discriminationIndex(1, 0, 0)).toBeNull();
  });
});
