/**
 * Student source → a CommonJS-style function body for the sandbox. Sucrase
 * strips types and rewrites `export` into `exports.x = …` while keeping every
 * line where it was, so runtime line numbers in the sandbox match the editor.
 */
import { transform } from "sucrase";
import type { CompileError, Language } from "./schema";

export type CompileResult = { ok: true; code: string } | { ok: false; errors: CompileError[] };

interface SucraseError {
  message: string;
  loc?: { line: number; column: number };
}

export function compileSubmission(source: string, language: Language): CompileResult {
  try {
    const { code } = transform(source, {
      transforms: language === "typescript" ? ["typescript", "imports"] : ["imports"],
      filePath: language === "typescript" ? "submission.ts" : "submission.js",
      production: true,
    });
    return { ok: true, code };
  } catch (e) {
    const err = e as SucraseError;
    // Sucrase messages end with "(line:column)"; loc is 1-based (pos − line start + 1).
    const message = String(err.message)
      .replace(/^Error transforming [^:]+: /, "")
      .replace(/\s*\(\d+:\d+\)\s*$/, "");
    const line = err.loc?.line ?? 1;
    const column = Math.max(1, err.loc?.column ?? 1);
    const hint =
      language === "javascript" && /Unexpected token|expected/.test(message) && /:\s*[A-Za-z[{]/.test(source)
        ? " (type annotations need the TypeScript language setting)"
        : "";
    return { ok: false, errors: [{ line, column, message: `${message}${hint}` }] };
  }
}

/**
 * The error for a module that compiled but does not export the entry. Points at
 * the line of a near miss (same name, different case) when there is one.
 */
export function missingExportError(source: string, entry: string, kind: "function" | "class", found: string[]): CompileError {
  const visible = found.filter((name) => name !== "__esModule");
  const message =
    `expected \`export ${kind} ${entry}\`; ` + (visible.length ? `found exports: ${visible.join(", ")}` : "the module exports nothing");
  const nearMiss = visible.find((name) => name.toLowerCase() === entry.toLowerCase()) ?? entry;
  const lines = source.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const column = lines[i].search(new RegExp(`\\b${nearMiss.replace(/\$/g, "\\$")}\\b`));
    if (column >= 0) return { line: i + 1, column: column + 1, message };
  }
  return { line: 1, column: 1, message };
}
