import { describe, expect, it } from "vitest";
import { capReport, clip, MAX_REPORT_BYTES, STRING_CAPS } from "./report-caps";
import { FIXED_CAPS, type GradeReport, GradeReportSchema, type TestResult } from "../contract/schema";
import { escapeForTerminal, jsonForTerminal } from "../cli/terminal-text";

function report(tests: TestResult[], extra: Partial<GradeReport> = {}): GradeReport {
  return {
    version: 1,
    exerciseId: "batchnorm-forward",
    mode: "submit",
    status: "failed",
    score: 0,
    summary: "s",
    tests,
    misconceptions: [],
    compileErrors: [],
    console: [],
    limits: { callTimeoutMs: 1000, totalTimeoutMs: 5000, memoryMb: 64, ...FIXED_CAPS },
    timings: { compileMs: 0, sandboxMs: 0, compareMs: 0, totalMs: 0 },
    ...extra,
  };
}

const test = (id: string, actualNumbers: number): TestResult => ({
  id,
  name: id,
  visibility: "public",
  status: "failed",
  points: 0,
  maxPoints: 1,
  message: "m",
  detail: { input: [[1]], expected: [1], actual: new Array(actualNumbers).fill(0.123456789), worstAbsError: null, worstRelError: null, firstBadIndex: null, tolerance: { atol: 0, rtol: 0 } },
});

describe("capReport", () => {
  it("clips every student-derived string and list", () => {
    const huge = "x".repeat(1_000_000);
    const r = capReport(
      report([{ ...test("a", 1), message: huge, name: huge }], {
        summary: huge,
        compileErrors: Array.from({ length: 50 }, () => ({ line: 1, column: 1, message: huge })),
        console: Array.from({ length: 500 }, () => huge),
      }),
    );
    expect(r.summary).toHaveLength(STRING_CAPS.summary);
    expect(r.tests[0].message).toHaveLength(STRING_CAPS.testMessage);
    expect(r.compileErrors).toHaveLength(10);
    expect(Buffer.byteLength(JSON.stringify(r))).toBeLessThanOrEqual(MAX_REPORT_BYTES);
    expect(GradeReportSchema.parse(r)).toBeTruthy();
  });

  it("drops the largest public details' values first until the report fits", () => {
    const r = capReport(report([test("small", 10), test("big", 30_000), test("bigger", 40_000)]));
    expect(Buffer.byteLength(JSON.stringify(r))).toBeLessThanOrEqual(MAX_REPORT_BYTES);
    expect(r.tests[2].detail?.actual).toMatch(/omitted/);
    expect(r.tests[0].detail?.actual).toHaveLength(10);
  });

  it("leaves a report under the limit untouched", () => {
    const r = report([test("a", 10)]);
    expect(capReport(r)).toEqual(r);
  });

  it("clip marks what it cut", () => {
    expect(clip("abcdef", 4)).toBe("abc…");
    expect(clip("abc", 4)).toBe("abc");
  });
});

describe("terminal text", () => {
  it("shows control, C1 and bidi characters as escapes", () => {
    expect(escapeForTerminal("a\x1b[32mb\r\n\u202e\u009b")).toBe("a\\u{1b}[32mb\\u{d}\\u{a}\\u{202e}\\u{9b}");
  });

  it("keeps JSON valid and equal", () => {
    const value = { s: "\x1b[31m\u2028\u0085" };
    const text = jsonForTerminal(value);
    for (const c of ["\u001b", "\u2028", "\u0085"]) expect(text).not.toContain(c);
    expect(JSON.parse(text)).toEqual(value);
  });
});
