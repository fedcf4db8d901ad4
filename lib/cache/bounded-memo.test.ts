import { describe, expect, it } from "vitest";
import { boundedMemo } from "./bounded-memo";

describe("boundedMemo", () => {
  it("computes each key once and drops the oldest beyond its size", () => {
    let calls = 0;
    const square = boundedMemo((k) => {
      calls++;
      return Number(k) ** 2;
    }, 2);
    expect([square("2"), square("2"), square("3")]).toEqual([4, 4, 9]);
    expect(calls).toBe(2);
    square("4"); // evicts "2"
    square("2");
    expect(calls).toBe(4);
  });
});
