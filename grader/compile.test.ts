import { describe, expect, it } from "vitest";
import { compileSubmission, missingExportError } from "./compile";

describe("compileSubmission", () => {
  it("strips TypeScript types and keeps line numbers", () => {
    const r = compileSubmission("export function f(a: number): number {\n  return a + 1;\n}\n", "typescript");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.code).not.toContain(": number");
    expect(r.code).toContain("exports.f = f");
    expect(r.code.split("\n")[1]).toContain("return a + 1;");
  });

  it("reports a syntax error with 1-based line and column", () => {
    const r = compileSubmission("const a = 1;\nconst b = (2;\n", "typescript");
    expect(r).toEqual({ ok: false, errors: [{ line: 2, column: 13, message: expect.stringContaining("Unexpected token") }] });
  });

  it("rejects type annotations in JavaScript and says why", () => {
    const r = compileSubmission("export function f(a: number) { return a; }", "javascript");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0].message).toMatch(/TypeScript language setting/);
  });

  it("compiles classes with typed fields", () => {
    const r = compileSubmission("export class BatchNorm { gamma: number[] = []; constructor(public d: number) {} }", "typescript");
    expect(r.ok).toBe(true);
  });
});

describe("missingExportError", () => {
  it("names the expected export, what was found, and points at the near miss", () => {
    const source = "// hi\nexport function batchNormForward() {}\n";
    expect(missingExportError(source, "batchnormForward", "function", ["__esModule", "batchNormForward"])).toEqual({
      line: 2,
      column: 17,
      message: "expected `export function batchnormForward`; found exports: batchNormForward",
    });
  });

  it("says when the module exports nothing", () => {
    expect(missingExportError("function batchnormForward() {}", "batchnormForward", "function", []).message).toBe(
      "expected `export function batchnormForward`; the module exports nothing",
    );
  });
});
