import { readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { copyContent } from "@/lib/content/testing/content-copy";
import { exerciseContentHash } from "./content-hash";
import { gradeInProcess } from "../engine/grade";
import { loadExercise } from "./load-exercise";

const root = copyContent();
const dir = path.join(root, "batchnorm-forward");
const correct = readFileSync(path.join(dir, "reference.ts"), "utf8");

afterAll(() => rmSync(path.dirname(root), { recursive: true, force: true }));

describe("content hash", () => {
  it("depends on file contents, not modification times, and equals the original's for a copy", () => {
    const before = exerciseContentHash(dir);
    expect(before).toBe(exerciseContentHash(path.resolve("exercises/batchnorm-forward")));
    utimesSync(path.join(dir, "tests.ts"), new Date(2000, 1, 1), new Date(2000, 1, 1));
    expect(exerciseContentHash(dir)).toBe(before);
    writeFileSync(path.join(dir, "prompt.md"), `${readFileSync(path.join(dir, "prompt.md"), "utf8")}\n`);
    expect(exerciseContentHash(dir)).not.toBe(before);
  });

  it("is stamped on reports, and an edited exercise is reloaded (and graded) without a restart", async () => {
    const first = await loadExercise("batchnorm-forward", root);
    const report = await gradeInProcess(first, correct, "typescript", "submit", { seed: "00000000aa" });
    expect(report.status).toBe("passed");
    expect(report.contentHash).toBe(exerciseContentHash(dir));

    // the instructor changes what the tests expect: the reference now divides by N − 1
    const reference = path.join(dir, "reference.ts");
    writeFileSync(reference, readFileSync(reference, "utf8").replace("squares / n;", "squares / (n - 1);"));
    const second = await loadExercise("batchnorm-forward", root);
    expect(second).not.toBe(first);
    expect(second.contentHash).toBe(exerciseContentHash(dir));
    const regraded = await gradeInProcess(second, correct, "typescript", "submit", { seed: "00000000aa" });
    expect(regraded.status).toBe("failed");
    expect(regraded.contentHash).not.toBe(report.contentHash);
    expect(await loadExercise("batchnorm-forward", root)).toBe(second);
  });
});
