/**
 * Size caps on a finished GradeReport. Most of a report's text and values
 * come from student code (thrown messages, export names, console output,
 * returned values), and a 400-byte submission could once produce a 144 MB
 * report. Applied once, as the last step of report building: every string and
 * list gets a ceiling, and if the whole report is still over MAX_REPORT_BYTES
 * the largest public-test details are dropped (their values first) until it fits.
 */
import type { GradeReport, TestResult } from "../contract/schema";

export const MAX_REPORT_BYTES = 256 * 1024;

export const STRING_CAPS = {
  summary: 1000,
  testMessage: 1000,
  testName: 200,
  hint: 500,
  compileErrorMessage: 500,
  consoleLine: 10_000,
  misconceptionMessage: 1000,
} as const;

export const LIST_CAPS = { compileErrors: 10, console: 101, misconceptions: 20, testIds: 100 } as const;

const OMITTED = "(omitted: reports are limited to 256 KB)";

export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value), "utf8");

function capTest(t: TestResult): TestResult {
  return {
    ...t,
    name: clip(t.name, STRING_CAPS.testName),
    message: clip(t.message, STRING_CAPS.testMessage),
    ...(t.hint !== undefined ? { hint: clip(t.hint, STRING_CAPS.hint) } : {}),
  };
}

export function capReport(report: GradeReport): GradeReport {
  const capped: GradeReport = {
    ...report,
    summary: clip(report.summary, STRING_CAPS.summary),
    tests: report.tests.map(capTest),
    compileErrors: report.compileErrors.slice(0, LIST_CAPS.compileErrors).map((e) => ({ ...e, message: clip(e.message, STRING_CAPS.compileErrorMessage) })),
    console: report.console.slice(0, LIST_CAPS.console).map((line) => clip(line, STRING_CAPS.consoleLine)),
    misconceptions: report.misconceptions.slice(0, LIST_CAPS.misconceptions).map((m) => ({
      ...m,
      message: clip(m.message, STRING_CAPS.misconceptionMessage),
      testIds: m.testIds.slice(0, LIST_CAPS.testIds),
    })),
  };
  if (bytes(capped) <= MAX_REPORT_BYTES) return capped;

  // Largest details first: first their student values, then the whole detail.
  const bySize = capped.tests
    .map((t, i) => ({ i, size: t.detail ? bytes(t.detail) : 0 }))
    .filter((x) => x.size > 0)
    .sort((a, b) => b.size - a.size);
  let total = bytes(capped);
  for (const step of ["actual", "detail"] as const) {
    for (const { i } of bySize) {
      if (total <= MAX_REPORT_BYTES) return capped;
      const t = capped.tests[i];
      if (!t.detail) continue;
      const before = bytes(t);
      capped.tests[i] = step === "actual" ? { ...t, detail: { ...t.detail, actual: OMITTED } } : { ...t, detail: undefined };
      total -= before - bytes(capped.tests[i]);
    }
  }
  if (total > MAX_REPORT_BYTES) capped.console = [OMITTED];
  return capped;
}
