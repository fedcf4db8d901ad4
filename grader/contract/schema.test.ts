import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ExerciseFormatError, readExerciseSpec, resolveTests } from "../content/load-exercise";
import { ExerciseSpecSchema, GradeReportSchema } from "./schema";

const spec = ExerciseSpecSchema.parse({
  id: "demo",
  title: "Demo",
  kind: "function",
  entry: "f",
  languages: ["typescript"],
  lesson: "/lessons/x#y",
});

const validReport = {
  version: 1,
  exerciseId: "demo",
  mode: "submit",
  status: "passed",
  score: 1,
  summary: "ok",
  tests: [{ id: "a", name: "A", visibility: "hidden", status: "passed", points: 1, maxPoints: 1, message: "Passed." }],
  misconceptions: [],
  compileErrors: [],
  console: [],
  limits: { callTimeoutMs: 1000, totalTimeoutMs: 5000, memoryMb: 64, maxConsoleLines: 100, maxConsoleBytes: 10000, maxResultBytes: 256000 },
  timings: { compileMs: 1, sandboxMs: 1, compareMs: 1, totalMs: 3 },
};

describe("GradeReportSchema", () => {
  it("accepts a valid version-1 report and rejects other versions, scores and statuses", () => {
    expect(GradeReportSchema.safeParse(validReport).success).toBe(true);
    expect(GradeReportSchema.safeParse({ ...validReport, version: 2 }).success).toBe(false);
    expect(GradeReportSchema.safeParse({ ...validReport, score: 1.5 }).success).toBe(false);
    expect(GradeReportSchema.safeParse({ ...validReport, status: "timeout" }).success).toBe(false);
  });
});

describe("exercise.json validation", () => {
  it("fills defaults for tolerance and limits", () => {
    expect(spec.tolerance).toEqual({ atol: 1e-9, rtol: 1e-7 });
    expect(spec.limits).toEqual({ callTimeoutMs: 1000, totalTimeoutMs: 5000, memoryMb: 64 });
  });

  it("names the file and the field in errors", async () => {
    const root = await mkdtemp(path.join(tmpdir(), "grader-"));
    await mkdir(path.join(root, "bad"));
    await writeFile(path.join(root, "bad", "exercise.json"), JSON.stringify({ ...spec, id: "bad", limits: { memoryMb: 1 } }));
    await expect(readExerciseSpec("bad", root)).rejects.toThrow("bad/exercise.json: field `limits.memoryMb`");
    await expect(readExerciseSpec("../etc", root)).rejects.toThrow(/unknown exercise/);
  });

  it("rejects a misspelt key instead of silently using the default", async () => {
    const root = await mkdtemp(path.join(tmpdir(), "grader-"));
    await mkdir(path.join(root, "typo"));
    await writeFile(path.join(root, "typo", "exercise.json"), JSON.stringify({ ...spec, id: "typo", tolerence: { atol: 1e-6 } }));
    await expect(readExerciseSpec("typo", root)).rejects.toThrow(/typo\/exercise\.json: field `\(root\)`: Unrecognized key: "tolerence"/);
  });
});

describe("resolveTests", () => {
  it("runs generators with a stable seed", () => {
    const def = [{ id: "t", name: "T", visibility: "public", points: 1, args: (rng: { next(): number }) => [rng.next()] }];
    const a = resolveTests(def, spec);
    const b = resolveTests(def, spec);
    expect(a[0]).toEqual(b[0]);
    expect(a[0].tolerance).toEqual(spec.tolerance);
  });

  it("rejects non-data arguments, duplicate ids and unknown fields, naming the test", () => {
    const base = { name: "T", visibility: "public", points: 1 };
    expect(() => resolveTests([{ ...base, id: "t", args: [Number.NaN] }], spec)).toThrow(ExerciseFormatError);
    expect(() => resolveTests([{ ...base, id: "t", args: [] }, { ...base, id: "t", args: [] }], spec)).toThrow('test "t": duplicate id');
    expect(() => resolveTests([{ ...base, id: "t", args: [], pionts: 2 }], spec)).toThrow(/tests\.ts: field `\[0\]`/);
    expect(() => resolveTests([{ ...base, id: "t", scenario: [] }], spec)).toThrow(/needs `args` tests/);
  });
});
