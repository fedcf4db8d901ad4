import { describe, expect, it } from "vitest";
import { readNumber } from "./number-input";

describe("readNumber", () => {
  it("reads plain numbers, a typographic minus and exponents", () => {
    expect(readNumber(" -1.25 ").value).toBe(-1.25);
    expect(readNumber("\u22120.5").value).toBe(-0.5);
    expect(readNumber("1e-5").value).toBe(1e-5);
    expect(readNumber(".5").value).toBe(0.5);
  });

  it("lets the locale decide what a comma means", () => {
    expect(readNumber("1,297", ",")).toMatchObject({ value: 1.297, grouped: false, decimals: 3 });
    expect(readNumber("1,297", ".")).toMatchObject({ value: 1297, grouped: true, decimals: 0 });
    expect(readNumber("0,5", ".").value).toBe(0.5);
    expect(readNumber("1,234.5", ".").value).toBe(1234.5);
    expect(readNumber("1.234.567,5", ",").value).toBe(1234567.5);
    expect(readNumber("1 297,5", ",").value).toBe(1297.5);
  });

  it("explains text that is not a number, and says nothing about an empty field", () => {
    for (const bad of ["abc", "1/2", "1,2,3", "0x10", "Infinity", "1..2"]) expect(readNumber(bad).problem).toMatch(/Not a number/);
    expect(readNumber("")).toMatchObject({ value: null, problem: null });
  });

  it("counts the decimals typed", () => {
    expect(readNumber("1.30").decimals).toBe(2);
    expect(readNumber("2").decimals).toBe(0);
    expect(readNumber("1.5e-3").decimals).toBe(1);
  });
});
