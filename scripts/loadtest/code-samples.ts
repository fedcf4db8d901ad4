/**
 * What the simulated students submit, per exercise: the model solution
 * (correct), a known mistake (wrong) or hostile code that attacks the
 * sandbox. The hostile kinds cover the three ways a grading can go long:
 * an interruptible loop (call timeout), a heap bomb the isolate's memory cap
 * stops, and an uninterruptible native fill that only killing the worker ends.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

export type SampleKind = "correct" | "wrong" | "hostile";

export interface CodeSample {
  exerciseId: string;
  kind: SampleKind;
  /** e.g. "reference", "mistake:unbiased-variance", "hostile:infinite-loop" */
  label: string;
  code: string;
}

const ExerciseJsonSchema = z.object({ id: z.string(), kind: z.enum(["function", "class"]), entry: z.string() });

export const HOSTILE_BODIES: Record<string, string> = {
  "infinite-loop": "while (true) {}",
  "heap-bomb": "const hoard = []; while (true) hoard.push(new Array(100000).fill(Math.random()));",
  "native-fill": "return new Array(1e9).fill(0);",
  "string-bomb": 'let s = "x"; while (true) s += s;',
};

export function hostileCode(kind: "function" | "class", entry: string, body: string): string {
  return kind === "function"
    ? `export function ${entry}(...args: unknown[]): any {\n  ${body}\n}\n`
    : `export class ${entry} {\n  constructor(...args: unknown[]) {\n    ${body}\n  }\n}\n`;
}

/** Every exercise folder with its samples; mistakes keep their misconception export (harmless extra export). */
export function loadSamples(exercisesDir = path.resolve("exercises")): Map<string, CodeSample[]> {
  const byExercise = new Map<string, CodeSample[]>();
  for (const id of readdirSync(exercisesDir).sort()) {
    const dir = path.join(exercisesDir, id);
    let spec: z.infer<typeof ExerciseJsonSchema>;
    try {
      spec = ExerciseJsonSchema.parse(JSON.parse(readFileSync(path.join(dir, "exercise.json"), "utf8")));
    } catch {
      continue; // not an exercise folder (lessons/, quizzes/, course.json)
    }
    const samples: CodeSample[] = [{ exerciseId: id, kind: "correct", label: "reference", code: readFileSync(path.join(dir, "reference.ts"), "utf8") }];
    for (const file of safeList(path.join(dir, "mistakes")).filter((f) => f.endsWith(".ts"))) {
      samples.push({ exerciseId: id, kind: "wrong", label: `mistake:${file.slice(0, -3)}`, code: readFileSync(path.join(dir, "mistakes", file), "utf8") });
    }
    for (const [name, body] of Object.entries(HOSTILE_BODIES)) {
      samples.push({ exerciseId: id, kind: "hostile", label: `hostile:${name}`, code: hostileCode(spec.kind, spec.entry, body) });
    }
    byExercise.set(id, samples);
  }
  if (byExercise.size === 0) throw new Error(`no exercise folders under ${exercisesDir}`);
  return byExercise;
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

/** Picks a sample: `hostile` share hostile, then `wrong` share of the rest wrong (falls back to correct). */
export function pickSample(samples: Map<string, CodeSample[]>, random: () => number, shares: { hostile: number; wrong: number }): CodeSample {
  const exercises = [...samples.values()];
  const pool = exercises[Math.floor(random() * exercises.length)];
  const r = random();
  const kind: SampleKind = r < shares.hostile ? "hostile" : random() < shares.wrong ? "wrong" : "correct";
  const candidates = pool.filter((s) => s.kind === kind);
  const chosen = candidates.length > 0 ? candidates : pool.filter((s) => s.kind === "correct");
  return chosen[Math.floor(random() * chosen.length)];
}
