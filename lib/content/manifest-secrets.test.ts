// The public manifest must not carry anything a student may not see: it is
// built from the real content and scanned for every secret the content has.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { hiddenTestsFor } from "@/grader/content/hidden-tests";
import { runTrusted } from "@/grader/engine/host-runner";
import { listExerciseFolders, loadExercise } from "@/grader/content/load-exercise";
import { loadQuiz } from "@/lib/quiz/load-quiz";
import { buildManifest } from "./build/build-manifest";

let text: string;
let derivedFromStarters: string;

beforeAll(async () => {
  const { manifest, problems } = await buildManifest(path.resolve("exercises"));
  expect(problems).toEqual([]);
  text = JSON.stringify(manifest);
  derivedFromStarters = Object.values(manifest?.exercises ?? {})
    .flatMap((e) => [e.starters.javascript, e.declarations])
    .join("\n");
});

/** Code lines long enough to be distinctive (not `}` or `return out;`). */
function distinctiveLines(source: string): string[] {
  return source
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.length >= 25 && !l.startsWith("//") && !l.startsWith("*") && !l.startsWith("/*") && !l.startsWith("import "));
}

const json = (value: unknown) => JSON.stringify(value).slice(1, -1);

describe("the public manifest", () => {
  it("holds no line of any reference or known mistake", () => {
    const root = path.resolve("exercises");
    // what the exercises show anyway (starter signatures and scaffolding, code quoted in prompts)
    const shown = readdirSync(root)
      .flatMap((id) => ["starter.ts", "prompt.md"].map((f) => path.join(root, id, f)))
      .map((file) => {
        try {
          return readFileSync(file, "utf8");
        } catch {
          return "";
        }
      })
      .concat(derivedFromStarters)
      .join("\n");
    for (const id of readdirSync(root)) {
      const dir = path.join(root, id);
      let files: string[];
      try {
        files = ["reference.ts", ...readdirSync(path.join(dir, "mistakes")).map((f) => `mistakes/${f}`)];
      } catch {
        continue;
      }

      for (const file of files) {
        for (const line of distinctiveLines(readFileSync(path.join(dir, file), "utf8"))) {
          if (shown.includes(line)) continue;
          expect(text.includes(json(line)), `${id}/${file}: ${line}`).toBe(false);
        }
      }
    }
  });

  it("holds no hidden test's input, expected value or hint", async () => {
    for (const id of await listExerciseFolders()) {
      const exercise = await loadExercise(id);
      for (const test of exercise.tests.filter((t) => t.visibility === "hidden")) {
        if (test.hint) expect(text.includes(json(test.hint)), `${id}: hint of ${test.id}`).toBe(false);
      }
      for (const test of hiddenTestsFor(exercise, "0123456789abcdef")) {
        const input = JSON.stringify(test.kind === "call" ? test.args : test.steps);
        expect(text.includes(input.slice(1, -1)), `${id}: input of ${test.id}`).toBe(false);
        if (test.kind === "call") {
          // the expected value exactly as the grader computes it (other entries, function arguments)
          const outcome = runTrusted(exercise.reference, exercise.spec.entry, test);
          const expected = outcome.ok ? JSON.stringify(outcome.value) : undefined;
          if (expected && expected.length > 12) expect(text.includes(expected.slice(1, -1)), `${id}: expected value of ${test.id}`).toBe(false);
        }
      }
    }
  });

  it("holds no quiz answer key or explanation", async () => {
    for (const file of readdirSync(path.resolve("exercises/quizzes")).filter((f) => f.endsWith(".json"))) {
      const quiz = await loadQuiz(file.replace(/\.json$/, ""));
      for (const q of quiz?.questions ?? []) {
        const secrets = Object.entries(q).filter(([key]) => ["answer", "correct", "explanation", "tolerance", "formula"].includes(key));
        for (const [key, value] of secrets) {
          if (typeof value === "string" && value.length >= 12) expect(text.includes(json(value)), `${quiz?.id}/${q.id}.${key}`).toBe(false);
        }
      }
    }
    expect(text).not.toMatch(/"correct":/);
  });
});
