import { describe, expect, it } from "vitest";
import { downsample, MAX_CHART_POINTS } from "./downsample";

describe("downsample", () => {
  it("keeps short series as they are", () => {
    const rows = Array.from({ length: 150 }, (_, i) => i);
    expect(downsample(rows)).toEqual(rows);
  });

  it("caps a long series at the limit, evenly spaced, keeping the first and the last", () => {
    const rows = Array.from({ length: 1001 }, (_, i) => i);
    const picked = downsample(rows);
    expect(picked).toHaveLength(MAX_CHART_POINTS);
    expect(picked[0]).toBe(0);
    expect(picked.at(-1)).toBe(1000);
    const gaps = picked.slice(1).map((v, i) => v - picked[i]);
    expect(Math.max(...gaps) - Math.min(...gaps)).toBeLessThanOrEqual(1);
  });

  it("never repeats a row", () => {
    const picked = downsample(Array.from({ length: 201 }, (_, i) => i));
    expect(new Set(picked).size).toBe(picked.length);
  });
});
