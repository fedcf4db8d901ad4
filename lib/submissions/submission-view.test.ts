/**
 * publicReport: what a browser gets of a stored report. Hidden entries are
 * rebuilt from status and category only, also from reports written by older
 * graders (free-text messages, details, per-test timing).
 */
import { describe, expect, it } from "vitest";
import { HIDDEN_MESSAGES } from "@/grader/contract/schema";
import { publicReport } from "./submission-view";

const report = (tests: unknown[]) =>
  JSON.stringify({
    version: 1,
    exerciseId: "batchnorm-forward",
    mode: "submit",
    status: "failed",
    score: 0.5,
    summary: "1 of 3 tests passed.",
    tests,
    misconceptions: [],
    compileErrors: [],
    console: [],
    limits: { callTimeoutMs: 1000, totalTimeoutMs: 5000, memoryMb: 64, maxConsoleLines: 100, maxConsoleBytes: 10000, maxResultBytes: 256000 },
    timings: { compileMs: 1, sandboxMs: 1, compareMs: 1, totalMs: 3 },
  });

const hidden = { id: "h", name: "N = 1", visibility: "hidden", points: 0, maxPoints: 2, hint: "Divide by N." };

describe("publicReport", () => {
  it("rebuilds legacy hidden entries: no student text, values, positions or timing survive", () => {
    const legacy = [
      { ...hidden, id: "h1", status: "error", message: "Your code threw a 0.12345678 at line 7, column 99.", timeMs: 180 },
      { ...hidden, id: "h2", status: "failed", message: "3 of 12 values are outside the tolerance; its error is 42× the error allowed", detail: { input: [1] } },
      { ...hidden, id: "h3", status: "passed", points: 2, message: "Passed.", hint: "Divide by N.", timeMs: 3 },
    ];
    const r = publicReport(report(legacy));
    expect(r).not.toBeNull();
    expect(r?.tests).toEqual([
      { id: "h1", name: "N = 1", visibility: "hidden", status: "error", points: 0, maxPoints: 2, failure: "threw-error", message: HIDDEN_MESSAGES["threw-error"], hint: "Divide by N." },
      { id: "h2", name: "N = 1", visibility: "hidden", status: "failed", points: 0, maxPoints: 2, failure: "wrong-values", message: HIDDEN_MESSAGES["wrong-values"], hint: "Divide by N." },
      { id: "h3", name: "N = 1", visibility: "hidden", status: "passed", points: 2, maxPoints: 2, message: "Passed." },
    ]);
    const text = JSON.stringify(r);
    for (const leaked of ["0.12345678", "line 7", "42×", "3 of 12", "timeMs", "detail"]) expect(text).not.toContain(leaked);
  });

  it("keeps a current hidden entry's category and the hint of a failed test; public entries keep their detail", () => {
    const pub = { id: "p", name: "P", visibility: "public", status: "failed", points: 0, maxPoints: 1, message: "`out[0][0]` is 1 but should be 2", failure: "wrong-values", detail: { input: [1], expected: 2, actual: 1, worstAbsError: 1, worstRelError: 0.5, firstBadIndex: "[0]", tolerance: { atol: 1e-9, rtol: 1e-7 } } };
    const current = { ...hidden, status: "failed", failure: "modified-input", message: HIDDEN_MESSAGES["modified-input"] };
    const r = publicReport(report([pub, current]));
    expect(r?.tests[0]).toEqual(pub);
    expect(r?.tests[1]).toMatchObject({ failure: "modified-input", hint: "Divide by N.", message: HIDDEN_MESSAGES["modified-input"] });
  });

  it("returns null for a report that is not JSON or not a report", () => {
    expect(publicReport("{not json")).toBeNull();
    expect(publicReport(JSON.stringify({ version: 2 }))).toBeNull();
  });
});
