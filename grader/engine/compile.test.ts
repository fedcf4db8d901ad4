import { describe, expect, it } from "vitest";
import { compileSubmission, missingExportError, studentPosition } from "./compile";
import { MODULE_LINE_OFFSET } from "./sandbox-harness";

function compiled(source: string) {
  const r = compileSubmission(source, "typescript");
  if (!r.ok) throw new Error(`did not compile: ${r.errors[0].message}`);
  return r.module;
}

describe("compileSubmission (TypeScript's transpileModule)", () => {
  it("strips types and rewrites exports as CommonJS", () => {
    const m = compiled("export function f(a: number): number {\n  return a + 1;\n}\n");
    expect(m.code).not.toContain(": number");
    expect(m.code).toContain("exports.f = f");
  });

  it("keeps what TypeScript means: enums, namespaces and parameter properties are emitted, not dropped", () => {
    const m = compiled("enum Axis { Batch, Feature }\nnamespace Stats { export const eps = 1e-5; }\nexport class BN { constructor(public d: number) {} }\n");
    expect(m.code).toMatch(/Axis\[Axis\["Batch"\] = 0\] = "Batch"/);
    expect(m.code).toMatch(/\(function \(Stats\)/);
    expect(m.code).toMatch(/this\.d = d/);
  });

  it("reports a syntax error with the student's 1-based line and column", () => {
    const r = compileSubmission("const a = 1;\nconst b = (2;\n", "typescript");
    expect(r).toEqual({ ok: false, errors: [{ line: 2, column: 13, message: "')' expected." }] });
  });

  it("rejects type annotations in JavaScript and says why", () => {
    const r = compileSubmission("export function f(a: number) { return a; }", "javascript");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]).toMatchObject({ line: 1, column: 22 });
    expect(r.errors[0].message).toMatch(/TypeScript language setting/);
  });

  it("caches by source text: the same code compiles once", () => {
    const source = `export const n${Date.now()} = 1;`;
    expect(compileSubmission(source, "typescript")).toBe(compileSubmission(source, "typescript"));
    expect(compileSubmission(source, "javascript")).not.toBe(compileSubmission(source, "typescript"));
  });
});

describe("studentPosition", () => {
  it("maps a runtime position in the wrapped module back to the student's line", () => {
    const m = compiled("interface A { x: number }\n\nexport function f(a: number): number {\n  const q = 1;\n  throw new Error('x');\n}\n");
    const outputLine = m.code.split("\n").findIndex((l) => l.includes("throw")) + 1;
    expect(studentPosition(m, outputLine + MODULE_LINE_OFFSET, 5)).toEqual({ line: 5, column: 3 });
  });

  it("returns null for a position outside the student's code", () => {
    expect(studentPosition(compiled("export const a = 1;"), 0, 1)).toBeNull();
  });
});

describe("missingExportError", () => {
  it("names the expected export, what was found, and points at the near miss", () => {
    const source = "// hi\nexport function batchNormForward() {}\n";
    expect(missingExportError(source, "batchnormForward", "function", ["batchNormForward"])).toEqual({
      line: 2,
      column: 17,
      message: "expected `export function batchnormForward`; found exports: batchNormForward",
    });
  });

  it("says when the module exports nothing", () => {
    expect(missingExportError("function batchnormForward() {}", "batchnormForward", "function", [], 0).message).toBe(
      "expected `export function batchnormForward`; the module exports nothing",
    );
  });

  it("shows at most five shortened names of thousands, with the count", () => {
    const names = Array.from({ length: 20 }, (_, i) => `n${i}_${"x".repeat(200)}`);
    const e = missingExportError("", "f", "function", names, 8000);
    expect(e.message).toMatch(/and 7995 more$/);
    expect(e.message.length).toBeLessThan(400);
  });

  it("treats export names as text, not as regular expressions", () => {
    const e = missingExportError("const x = 1;\nexport { x as \"(a+)+$\" };", "F", "function", ["(a+)+$"], 1);
    expect(e.line).toBe(1);
  });
});
