/**
 * Student source → a CommonJS module body for the sandbox, compiled by
 * TypeScript itself (`ts.transpileModule`), so enums, namespaces, parameter
 * properties, decorators, `satisfies` and overloads mean what TypeScript says
 * they mean. Syntax errors keep the student's own line and column.
 *
 * TypeScript's output does not keep line numbers, so runtime positions are
 * mapped back through a source map — built only when an error needs one.
 * Compiling costs milliseconds (far more than the old sucrase pass), so the
 * result is cached per source text: a student's Run and Submit of the same
 * code, and a worker's repeated gradings, compile once.
 */
import { createHash } from "node:crypto";
import { GREATEST_LOWER_BOUND, LEAST_UPPER_BOUND, originalPositionFor, TraceMap } from "@jridgewell/trace-mapping";
import ts from "typescript";
import { MODULE_LINE_OFFSET } from "./sandbox-harness";
import type { CompileError, Language } from "../contract/schema";

export interface CompiledModule {
  /** the CommonJS body the sandbox wraps */
  code: string;
  source: string;
  language: Language;
  /** built on first use (mapping an error's position) */
  map?: TraceMap;
}

export type CompileResult = { ok: true; module: CompiledModule } | { ok: false; errors: CompileError[] };

const MAX_MESSAGE = 300;
const CACHE_ENTRIES = 128;
const cache = new Map<string, CompileResult>();

function options(language: Language, sourceMap: boolean): ts.TranspileOptions {
  return {
    fileName: language === "typescript" ? "submission.ts" : "submission.js",
    reportDiagnostics: true,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      removeComments: true,
      newLine: ts.NewLineKind.LineFeed,
      sourceMap,
    },
  };
}

function diagnosticError(d: ts.Diagnostic, language: Language): CompileError {
  let message = ts.flattenDiagnosticMessageText(d.messageText, " ").slice(0, MAX_MESSAGE);
  if (language === "javascript" && /only be used in TypeScript files/.test(message)) message += " (type annotations need the TypeScript language setting)";
  if (!d.file || d.start === undefined) return { line: 1, column: 1, message };
  const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
  return { line: line + 1, column: character + 1, message };
}

function transpile(source: string, language: Language): CompileResult {
  const out = ts.transpileModule(source, options(language, false));
  const errors = (out.diagnostics ?? []).filter((d) => d.category === ts.DiagnosticCategory.Error);
  // The first error only: later ones are mostly the parser recovering from it.
  if (errors.length > 0) return { ok: false, errors: [diagnosticError(errors[0], language)] };
  return { ok: true, module: { code: out.outputText, source, language } };
}

export function compileSubmission(source: string, language: Language): CompileResult {
  const key = createHash("sha256").update(language).update("\0").update(source).digest("base64");
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key); // refresh its place: least recently used goes first
    cache.set(key, hit);
    return hit;
  }
  const result = transpile(source, language);
  cache.set(key, result);
  if (cache.size > CACHE_ENTRIES) cache.delete(cache.keys().next().value as string);
  return result;
}

/**
 * The student's line/column for a 1-based position in the sandbox's wrapped
 * module (stack frames, V8 compile errors); null when nothing maps there.
 */
export function studentPosition(compiled: CompiledModule, line: number, column: number): { line: number; column: number } | null {
  const outputLine = line - MODULE_LINE_OFFSET;
  if (!Number.isInteger(outputLine) || outputLine < 1) return null;
  if (!compiled.map) {
    const mapped = ts.transpileModule(compiled.source, options(compiled.language, true));
    compiled.map = new TraceMap(mapped.sourceMapText ?? '{"version":3,"sources":[],"names":[],"mappings":""}');
  }
  const at = { line: outputLine, column: Math.max(0, column - 1) };
  const found =
    originalPositionFor(compiled.map, { ...at, bias: GREATEST_LOWER_BOUND }) ?? null;
  const pos = found?.line != null ? found : originalPositionFor(compiled.map, { ...at, bias: LEAST_UPPER_BOUND });
  if (pos?.line == null || pos.column == null) return null;
  return { line: pos.line, column: pos.column + 1 };
}

/**
 * The error for a module that compiled but does not export the entry. Names
 * at most a few of the exports it found (a module may define thousands) and
 * points at the line of a near miss (same name, different case) when there is one.
 */
export function missingExportError(source: string, entry: string, kind: "function" | "class", found: string[], foundCount = found.length): CompileError {
  const visible = found.filter((name) => name !== "__esModule");
  const shown = visible.slice(0, 5).map((name) => (name.length > 40 ? `${name.slice(0, 40)}…` : name));
  const more = foundCount > shown.length ? ` and ${foundCount - shown.length} more` : "";
  const message = `expected \`export ${kind} ${entry}\`; ` + (foundCount > 0 ? `found exports: ${shown.join(", ")}${more}` : "the module exports nothing");
  const nearMiss = visible.find((name) => name.toLowerCase() === entry.toLowerCase()) ?? entry;
  const at = wordPosition(source, nearMiss);
  return { line: at?.line ?? 1, column: at?.column ?? 1, message };
}

const IDENTIFIER_CHAR = /[\p{ID_Continue}$\u200c\u200d]/u;

/** First whole-word occurrence of `word` (plain string search: linear, no regex built from student text). */
function wordPosition(source: string, word: string): { line: number; column: number } | null {
  if (word.length === 0) return null;
  for (let at = source.indexOf(word); at >= 0; at = source.indexOf(word, at + 1)) {
    const before = source[at - 1] ?? " ";
    const after = source[at + word.length] ?? " ";
    if (IDENTIFIER_CHAR.test(before) || IDENTIFIER_CHAR.test(after)) continue;
    const lineStart = source.lastIndexOf("\n", at - 1) + 1;
    let line = 1;
    for (let i = source.indexOf("\n"); i >= 0 && i < at; i = source.indexOf("\n", i + 1)) line++;
    return { line, column: at - lineStart + 1 };
  }
  return null;
}
