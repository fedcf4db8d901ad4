import { describe, expect, it } from "vitest";
import { percentile, summarize } from "./stats";

describe("percentile (nearest rank)", () => {
  it("picks the value at the rank, not an interpolation", () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
  });

  it("does not depend on input order and handles tiny samples", () => {
    expect(percentile([30, 10, 20], 50)).toBe(20);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 95)).toBe(0);
  });
});

describe("summarize", () => {
  it("reports count, percentiles and max rounded to 0.1 ms", () => {
    expect(summarize([1.04, 2.26, 3.5, 100.01])).toEqual({ count: 4, p50Ms: 2.3, p95Ms: 100, p99Ms: 100, maxMs: 100 });
  });
});
