/**
 * Misconception ranking: only the mistakes that explain the most failing tests
 * are reported. Pure cases for the rule, then the real case that motivated it
 * (batchnorm-backward's dropped mean path coincides with "constant mean and
 * variance" on two tests and used to be reported as both).
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { gradeInProcess } from "./grade";
import { loadExercise } from "../content/load-exercise";
import { bestExplanations, finiteOutput } from "./misconceptions";

const m = (id: string, testIds: string[]) => ({ id, testIds });

describe("bestExplanations", () => {
  it("keeps only the mistake that explains the most failing tests", () => {
    const ranked = bestExplanations([m("coincidence", ["t1", "t2"]), m("real", ["t1", "t2", "t3", "t4"])]);
    expect(ranked.map((r) => r.id)).toEqual(["real"]);
  });

  it("reports ties together, in their given order, and drops anything strictly below", () => {
    const ranked = bestExplanations([m("a", ["t1", "t2"]), m("b", ["t1"]), m("c", ["t3", "t4"])]);
    expect(ranked.map((r) => r.id)).toEqual(["a", "c"]);
  });

  it("counts distinct tests and returns nothing when nothing matched", () => {
    expect(bestExplanations([m("dup", ["t1", "t1", "t1"]), m("two", ["t1", "t2"])]).map((r) => r.id)).toEqual(["two"]);
    expect(bestExplanations([])).toEqual([]);
    expect(bestExplanations([m("none", [])])).toEqual([]);
  });
});

describe("gradeInProcess reports only the best-ranked misconception", () => {
  const mistakeSource = (exercise: string, id: string) => readFile(path.join(process.cwd(), "exercises", exercise, "mistakes", `${id}.ts`), "utf8");

  for (const [own, other] of [
    ["dropped-mean-path", "constants-mean-variance"],
    ["constants-mean-variance", "dropped-mean-path"],
  ]) {
    it(`batchnorm-backward ${own} is reported as ${own} only (not also ${other})`, async () => {
      const ex = await loadExercise("batchnorm-backward");
      const r = await gradeInProcess(ex, await mistakeSource("batchnorm-backward", own), "typescript", "submit");
      expect(r.status).toBe("failed");
      expect(r.misconceptions.map((x) => x.id)).toEqual([own]);
      // it explains every failing test it was matched on, and they are failing tests
      const failing = new Set(r.tests.filter((t) => t.status === "failed").map((t) => t.id));
      expect(r.misconceptions[0].testIds.length).toBeGreaterThan(2);
      expect(r.misconceptions[0].testIds.every((id) => failing.has(id))).toBe(true);
    });
  }
});

describe("misconception precision: NaN never counts as a match", () => {
  it("finiteOutput rejects NaN/Infinity markers anywhere and accepts finite data", () => {
    expect(finiteOutput([[1, 2], { a: 0.5, b: true }])).toBe(true);
    expect(finiteOutput([[1, "__NaN__"]])).toBe(false);
    expect(finiteOutput({ out: [["__-Infinity__"]] })).toBe(false);
    expect(finiteOutput(Number.NaN)).toBe(false);
  });

  const source = (exercise: string, file: string) => readFile(path.join(process.cwd(), "exercises", exercise, file), "utf8");

  for (const exercise of ["layernorm-forward", "batchnorm-backward"]) {
    it(`${exercise} without ε is not told "unbiased variance" (both are NaN on the N = 1 / D = 1 tests)`, async () => {
      const ex = await loadExercise(exercise);
      const reference = await source(exercise, "reference.ts");
      const noEps = reference.replace(/\s*\+\s*eps\)/g, ")");
      expect(noEps).not.toBe(reference);
      for (const seed of ["0123456789abcdef", "fedcba9876543210", "00000000deadbeef"]) {
        const r = await gradeInProcess(ex, noEps, "typescript", "submit", { seed });
        expect(r.status).toBe("failed");
        expect(r.misconceptions.map((x) => x.id)).not.toContain("unbiased-variance");
      }
    });
  }
});
