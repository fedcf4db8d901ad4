/**
 * Verdicts computed test by test while the sandbox runs, so a worker can hand
 * each finished test's result to the pool at once. If the pool later has to
 * kill the worker (V8 cannot interrupt `Array(1e9).fill(0)`), the tests that
 * completed before keep their verdicts instead of vanishing with the process.
 * The final report reuses these verdicts: each test is judged once.
 */
import type { CompiledModule } from "./compile";
import { studentPosition } from "./compile";
import { CallResultSchema, LoadInfoSchema, remapPositions, ScenarioResultSchema, safeJson } from "./envelope";
import type { LoadedExercise } from "../content/load-exercise";
import { trustedOutcome } from "./misconceptions";
import type { SandboxStep } from "./sandbox";
import { FIXED_CAPS, type ResolvedTest, type TestResult } from "../contract/schema";
import { type Verdict, verdictFor } from "./test-verdict";

const PieceSchema = ScenarioResultSchema.or(CallResultSchema);

export interface StreamedVerdicts {
  /** feed to the sandbox: called after the module loaded and after each test */
  onStep: (step: SandboxStep) => void;
  /** the verdict already computed for test `index`, if its step completed while streaming */
  verdict: (index: number) => Verdict | undefined;
}

export function streamVerdicts(
  exercise: LoadedExercise,
  tests: ResolvedTest[],
  compiled: CompiledModule,
  onTestResult: (index: number, result: TestResult) => void,
): StreamedVerdicts {
  const verdicts = new Map<number, Verdict>();
  let loaded = false;
  const onStep = (step: SandboxStep) => {
    if (step.kind === "load") {
      const info = LoadInfoSchema.safeParse(safeJson(step.json));
      loaded = info.success && info.data.moduleError === null && info.data.hasEntry;
      return;
    }
    const test = tests[step.index];
    const piece = PieceSchema.safeParse(safeJson(step.json));
    if (!loaded || !test || !piece.success) return; // the final pass reports these as it always has
    const env = { load: null, results: [piece.data], output: null };
    remapPositions(env, (line, column) => studentPosition(compiled, line, column));
    const verdict = verdictFor(
      { spec: exercise.spec, test, expected: trustedOutcome(exercise, "reference", test), maxResultBytes: FIXED_CAPS.maxResultBytes },
      env.results[0],
    );
    verdicts.set(step.index, verdict);
    onTestResult(step.index, verdict.result);
  };
  return { onStep, verdict: (index) => verdicts.get(index) };
}
