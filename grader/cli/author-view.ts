/**
 * The author's view of a grading (`npm run grade -- <id> <file> --author`):
 * every executed test with its inputs, the reference's expected value, its
 * hint and the verdict — hidden tests included. Students never get this: it is
 * built in the CLI's own process from the trusted content, next to the report
 * the worker produced for the same grading seed.
 */
import { executedTests } from "../content/hidden-tests";
import type { LoadedExercise } from "../content/load-exercise";
import { trustedOutcome } from "../engine/misconceptions";
import type { GradeReport, ResolvedTest } from "../contract/schema";
import { escapeForTerminal } from "./terminal-text";

const MAX_VALUE_CHARS = 400;

export interface AuthorRow {
  id: string;
  name: string;
  visibility: "public" | "hidden";
  points: number;
  inputs: unknown;
  expected: unknown;
  hint: string | null;
  status: string;
  /** what the student is told (for hidden tests: only the category's fixed text) */
  message: string;
}

export function authorRows(exercise: LoadedExercise, report: GradeReport, seed: string): AuthorRow[] {
  const results = new Map(report.tests.map((t) => [t.id, t]));
  return executedTests(exercise, report.mode, seed).map((test: ResolvedTest) => {
    const outcome = trustedOutcome(exercise, "reference", test);
    const result = results.get(test.id);
    return {
      id: test.id,
      name: test.name,
      visibility: test.visibility,
      points: test.points,
      inputs: test.kind === "call" ? labelled(exercise.spec.params, test.args) : test.steps,
      expected: outcome.ok ? outcome.value : `the reference failed: ${outcome.error}`,
      hint: test.hint ?? null,
      status: result?.status ?? "not run",
      message: result?.message ?? "",
    };
  });
}

/** Arguments named by the exercise's `params` (x, gamma, beta, eps) when it lists them. */
function labelled(params: string[] | undefined, args: unknown[]): unknown {
  if (!params || params.length !== args.length) return args;
  return Object.fromEntries(params.map((p, i) => [p, args[i]]));
}

function short(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return escapeForTerminal(text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS)}… (${text.length} characters)` : text);
}

export function formatAuthorRows(rows: AuthorRow[], seed: string): string {
  const out = [`author view (grading seed ${seed}; students see a hidden test only as its name, verdict, category and hint):`];
  for (const r of rows) {
    out.push(`  [${r.visibility}] ${escapeForTerminal(r.id)} — ${escapeForTerminal(r.name)} (${r.points} pt): ${r.status}`);
    out.push(`      inputs:   ${short(r.inputs)}`);
    out.push(`      expected: ${short(r.expected)}`);
    if (r.hint) out.push(`      hint:     ${escapeForTerminal(r.hint)}`);
    if (r.status !== "passed" && r.message) out.push(`      student is told: ${escapeForTerminal(r.message)}`);
  }
  return out.join("\n");
}
