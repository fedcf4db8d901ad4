import { describe, expect, it } from "vitest";
import { formatPercent } from "./percent";

describe("formatPercent", () => {
  it("rounds a fraction to whole percent unless asked for digits", () => {
    expect(formatPercent(0.8333)).toBe("83%");
    expect(formatPercent(0.8333, 1)).toBe("83.3%");
    expect(formatPercent(1)).toBe("100%");
  });

  it("reads a dash for missing or non-finite values", () => {
    expect(formatPercent(null)).toBe("—");
    expect(formatPercent(undefined)).toBe("—");
    expect(formatPercent(Number.NaN)).toBe("—");
  });
});
