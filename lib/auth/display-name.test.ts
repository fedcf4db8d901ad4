import { describe, expect, it } from "vitest";
import { checkDisplayName } from "./display-name";

describe("checkDisplayName", () => {
  it("trims and accepts ordinary names in any script", () => {
    expect(checkDisplayName("  Ada Lovelace ")).toEqual({ ok: true, name: "Ada Lovelace" });
    expect(checkDisplayName("שרה כהן").ok).toBe(true);
    expect(checkDisplayName("李小龍").ok).toBe(true);
    expect(checkDisplayName("x".repeat(80)).ok).toBe(true);
  });
  it.each([
    ["empty", ""],
    ["blank", "   "],
    ["81 characters", "x".repeat(81)],
    ["5 000 000 characters", "x".repeat(5_000_000)],
    ["right-to-left override", "Bob\u202Eevil"],
    ["isolate", "Bob\u2067evil\u2069"],
    ["right-to-left mark", "Bob\u200F"],
    ["newline", "Bob\nInstructor"],
    ["tab", "Bob\tx"],
    ["NUL", "Bob\u0000"],
    ["not a string", 42],
  ])("refuses %s", (_label, value) => {
    expect(checkDisplayName(value).ok).toBe(false);
  });
});
