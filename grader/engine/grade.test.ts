/**
 * gradeInProcess on the real batchnorm-forward exercise: reference passes,
 * starter fails, every known mistake fails a hidden test and is recognised,
 * and hidden tests never reveal data.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { gradeInProcess } from "./grade";
import { loadExercise } from "../content/load-exercise";
import { GradeReportSchema } from "../contract/schema";

const dir = path.join(process.cwd(), "exercises", "batchnorm-forward");
const read = (file: string) => readFile(path.join(dir, file), "utf8");

describe("gradeInProcess (batchnorm-forward)", () => {
  it("passes the reference with a valid, versioned report", async () => {
    const ex = await loadExercise("batchnorm-forward");
    const r = await gradeInProcess(ex, await read("reference.ts"), "typescript", "submit");
    expect(GradeReportSchema.parse(r)).toEqual(r);
    expect(r.status).toBe("passed");
    expect(r.score).toBe(1);
    expect(r.tests).toHaveLength(ex.tests.length);
  });

  it("fails the starter, in run mode only public tests run", async () => {
    const ex = await loadExercise("batchnorm-forward");
    const r = await gradeInProcess(ex, await read("starter.ts"), "typescript", "run");
    expect(r.status).toBe("failed");
    expect(r.tests.map((t) => t.visibility)).toEqual(ex.tests.filter((t) => t.visibility === "public").map(() => "public"));
    expect(r.tests.every((t) => t.detail !== undefined)).toBe(true);
  });

  it("recognises every known mistake, each failing at least one hidden test", async () => {
    const ex = await loadExercise("batchnorm-forward");
    expect(ex.mistakes.length).toBeGreaterThanOrEqual(5);
    for (const mistake of ex.mistakes) {
      const r = await gradeInProcess(ex, await read(`mistakes/${mistake.id}.ts`), "typescript", "submit");
      expect(r.status, mistake.id).toBe("failed");
      expect(r.tests.some((t) => t.visibility === "hidden" && t.status !== "passed"), mistake.id).toBe(true);
      expect(r.misconceptions.map((m) => m.id), mistake.id).toContain(mistake.id);
      expect(mistake.lesson).toMatch(/^\/lessons\/normalizing-activations#(batch-statistics|variance-and-epsilon|scale-and-shift|inputs-are-never-modified)$/);
    }
  });

  it("never reveals hidden data: no detail, no exception text, no values in messages", async () => {
    const ex = await loadExercise("batchnorm-forward");
    const code = 'export function batchnormForward(x: number[][]) { throw new Error("secret " + JSON.stringify(x)); }';
    const r = await gradeInProcess(ex, code, "typescript", "submit");
    const hidden = r.tests.filter((t) => t.visibility === "hidden");
    expect(hidden.length).toBeGreaterThan(0);
    for (const t of hidden) {
      expect(t.detail).toBeUndefined();
      expect(t.message).not.toContain("secret");
    }
    expect(r.tests.find((t) => t.visibility === "public")?.message).toContain("secret");
  });

  it("reports a runtime error at module load with its line", async () => {
    const ex = await loadExercise("batchnorm-forward");
    const r = await gradeInProcess(ex, "const a = 1;\nconst b = (process as any).env;\nexport function batchnormForward() {}", "typescript", "run");
    expect(r.status).toBe("error");
    expect(r.compileErrors[0]).toMatchObject({ line: 2, message: expect.stringContaining("process is not defined") });
  });

  it("rejects a language the exercise does not accept", async () => {
    const ex = await loadExercise("batchnorm-forward");
    const r = await gradeInProcess({ ...ex, spec: { ...ex.spec, languages: ["typescript"] } }, "export function batchnormForward() {}", "javascript", "run");
    expect(r.status).toBe("error");
    expect(r.summary).toMatch(/accepts typescript/);
  });
});
