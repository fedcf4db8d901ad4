/**
 * The vocabulary is written once (vocabulary.ts). This test scans the sources
 * and fails when a language or mode union, a status list, the kebab-id pattern
 * or a value marker is spelled out again somewhere else: import it instead.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { encodeNumber, isKebabId, KEBAB_ID, LanguageSchema, ModeSchema, NON_FINITE_MARKERS, VALUE_MARKERS } from "./vocabulary";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const SCANNED = ["app", "lib", "grader", "scripts", "prisma", "e2e", "instrumentation.ts", "proxy.ts"];
const SKIPPED_DIRS = new Set(["node_modules", "generated", "fixtures", ".next"]);
const VOCABULARY = path.join("grader", "contract", "vocabulary.ts");
/** The harness runs as source text inside the isolate: it cannot import, so it spells the markers out (checked below). */
const HARNESS = path.join("grader", "engine", "sandbox-harness.ts");

/** A literal that belongs in vocabulary.ts, and whether test files are scanned too (tests may use a marker as data). */
const FORBIDDEN: { name: string; pattern: RegExp; scanTests: boolean }[] = [
  { name: "language union", pattern: /"typescript"\s*\|\s*"javascript"|"javascript"\s*\|\s*"typescript"/, scanTests: true },
  { name: "language list", pattern: /\[\s*"typescript",\s*"javascript"\s*\]|\[\s*"javascript",\s*"typescript"\s*\]/, scanTests: true },
  { name: "mode union", pattern: /"run"\s*\|\s*"submit"|"submit"\s*\|\s*"run"/, scanTests: true },
  { name: "mode list", pattern: /\[\s*"run",\s*"submit"\s*\]|\[\s*"submit",\s*"run"\s*\]/, scanTests: true },
  { name: "submission statuses", pattern: /"queued"\s*\|\s*"running"|\[\s*"queued",\s*"running",\s*"graded"/, scanTests: true },
  { name: "test statuses", pattern: /"passed"\s*,\s*"failed"\s*,\s*"error"/, scanTests: true },
  { name: "kebab-id pattern", pattern: /\[a-z0-9\]\+\((\?:)?-\[a-z0-9\]\+\)\*/, scanTests: true },
  { name: "value marker", pattern: /["']?__(NaN|-?Infinity|undefined|function|bigint|symbol|not-reached)__["']?\s*:|"__(NaN|-?Infinity|undefined|function|not-reached)__"/, scanTests: false },
];

function sourceFiles(entry: string): string[] {
  const full = path.join(ROOT, entry);
  if (/\.tsx?$/.test(entry)) return [entry];
  let found: string[] = [];
  for (const child of readdirSync(full, { withFileTypes: true })) {
    if (child.isDirectory() && SKIPPED_DIRS.has(child.name)) continue;
    const rel = path.join(entry, child.name);
    if (child.isDirectory()) found = found.concat(sourceFiles(rel));
    else if (/\.tsx?$/.test(child.name)) found.push(rel);
  }
  return found;
}

describe("one vocabulary", () => {
  const files = SCANNED.flatMap(sourceFiles).filter((f) => f !== VOCABULARY && f !== path.join("grader", "contract", "vocabulary.test.ts"));

  it("scans the sources (the scan itself finds files)", () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files).toContain(path.join("lib", "submissions", "submission-input.ts"));
  });

  for (const { name, pattern, scanTests } of FORBIDDEN) {
    it(`no ${name} outside grader/contract/vocabulary.ts`, () => {
      const offenders = files
        .filter((f) => f !== HARNESS && (scanTests || !/\.(test|spec)\.tsx?$/.test(f)))
        .flatMap((f) =>
          readFileSync(path.join(ROOT, f), "utf8")
            .split("\n")
            .map((line, i) => (pattern.test(line) ? `${f}:${i + 1}: ${line.trim()}` : null))
            .filter((hit): hit is string => hit !== null),
        );
      expect(offenders).toEqual([]);
    });
  }

  it("the sandbox harness writes the same markers it cannot import", () => {
    const harness = readFileSync(path.join(ROOT, HARNESS), "utf8");
    for (const key of ["nan", "infinity", "negativeInfinity", "undefined", "function"] as const) {
      expect(harness).toContain(`"${VALUE_MARKERS[key]}"`);
    }
  });

  it("ids, languages, modes and markers behave as the schemas say", () => {
    expect(["batchnorm-forward", "a1", "x"].every(isKebabId)).toBe(true);
    expect(["Batchnorm", "a--b", "-a", "a-", "../etc", "a_b", ""].some((id) => KEBAB_ID.test(id))).toBe(false);
    expect(LanguageSchema.options).toEqual(["typescript", "javascript"]);
    expect(ModeSchema.safeParse("grade").success).toBe(false);
    expect([Number.NaN, Infinity, -Infinity, 2].map(encodeNumber)).toEqual(["__NaN__", "__Infinity__", "__-Infinity__", 2]);
    expect(Object.keys(NON_FINITE_MARKERS).sort()).toEqual(["__-Infinity__", "__Infinity__", "__NaN__"]);
  });
});
