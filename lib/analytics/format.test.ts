import { describe, expect, it } from "vitest";
import { describeDiscrimination, formatMs, formatPercent, formatPoints } from "./format";

describe("dashboard number formats", () => {
  it("rounds points to two decimals without trailing zeros", () => {
    expect(formatPoints(4.666667)).toBe("4.67");
    expect(formatPoints(6)).toBe("6");
    expect(formatPoints(null)).toBe("—");
  });

  it("formats percentages, milliseconds and the reading of D", () => {
    expect(formatPercent(0.756)).toBe("76%");
    expect(formatPercent(null)).toBe("—");
    expect(formatMs(3.12)).toBe("3.1 ms");
    expect(formatMs(123.6)).toBe("124 ms");
    expect(describeDiscrimination(-0.1)).toBe("negative: check the key");
    expect(describeDiscrimination(0.45)).toBe("very good");
    expect(describeDiscrimination(null)).toBe("too few students");
  });
});
