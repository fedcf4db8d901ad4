import { describe, expect, it } from "vitest";
import { cellText, confusionRows } from "./confusion-matrix";

describe("confusionRows (checker table and preview page)", () => {
  it("marks the diagonal, wrong labels and seeds with nothing named", () => {
    const rows = confusionRows(
      [
        { id: "a", named: { a: 3, b: 1 } },
        { id: "b", named: { b: 2 } },
      ],
      3,
    );
    expect(rows.map((r) => r.cells.map(cellText))).toEqual([
      ["3", "1!!"],
      ["·", "2!"],
    ]);
    expect(rows[0].cells[1]).toEqual({ kind: "off-diagonal", count: 1, wrongLabel: true });
    expect(rows.map((r) => r.none)).toEqual([0, 1]);
  });
});
