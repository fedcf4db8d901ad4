/**
 * Chooses the feedback a report shows, from the failure itself:
 * - one "fix this first" line: a compile error, else the misconception the
 *   grader recognised, else what the first failing test shows (which output,
 *   which way);
 * - per test, the author's hint only where it fits: never on a test a named
 *   misconception already explains, never when it talks only about outputs
 *   the table shows as correct, only on the first failing test (hints are
 *   written for tests in order of difficulty; a later test failing the same
 *   way would otherwise point at a cause the earlier one rules out), and on
 *   hidden tests only for wrong values or a missing error (a `throws` test:
 *   its hint is the only way to learn which input must be refused) and only
 *   when no public test failed.
 * Pure and browser-safe (it reads only the report).
 */
import type { GradeReport, TestResult } from "@/grader/contract/schema";
import { type OutputVerdict, outputVerdicts } from "./failing-outputs";

export interface FeedbackPlan {
  fixFirst: { text: string; testId: string | null } | null;
  /** test id → the author hint to show, or null */
  hints: Record<string, string | null>;
  /** test id → which outputs failed and which way (public tests with values) */
  failingPart: Record<string, string | null>;
}

/** Words that name an output in hints; any other output is recognised by its own name. */
const OUTPUT_WORDS: Record<string, RegExp> = {
  mean: /\bmean\b|\baverag|μ/i,
  variance: /\bvariance\b|σ²/i,
  out: /\bout\b|\by\s*=/i,
  dx: /\bdx\b/i,
  dgamma: /\bdgamma\b|dγ/i,
  dbeta: /\bdbeta\b|dβ/i,
};

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const mentions = (hint: string, output: string) => (OUTPUT_WORDS[output] ?? new RegExp(`\\b${escapeRegExp(output)}\\b`, "i")).test(hint);

const VALUE_FAILURES = new Set(["wrong-values", "wrong-shape-or-type", "not-finite"]);
/** Failures of a hidden test whose author hint may be shown (fixed text, never the inputs). */
const HIDDEN_HINT_FAILURES = new Set([...VALUE_FAILURES, "no-error-thrown"]);

function verdictsOf(test: TestResult): OutputVerdict[] | null {
  return test.visibility === "public" && test.detail && test.failure !== "modified-input" ? outputVerdicts(test.detail) : null;
}

/** The hint talks only about outputs that are correct: showing it would contradict the table. */
function contradicts(hint: string, verdicts: OutputVerdict[] | null): boolean {
  if (!verdicts || verdicts.length < 2) return false;
  const named = verdicts.filter((v) => mentions(hint, v.name));
  return named.length > 0 && named.every((v) => v.ok);
}

const WAY: Record<string, string> = { "too-large": "too large", "too-small": "too small", mixed: "some too large, some too small" };

function describeOutput(v: OutputVerdict): string {
  const what = v.name ? `\`${v.name}\`` : "The result";
  if (v.direction === "not-numbers") return `${what} has the wrong shape or holds NaN/∞`;
  const way = v.direction ? WAY[v.direction] : "outside the tolerance";
  const ratio = v.ratio !== null ? ` (about ${Number(v.ratio.toPrecision(3))}× the expected values)` : "";
  return `${what}: ${v.outside} of ${v.compared} values ${way}${ratio}`;
}

/** "`variance`: 2 of 2 values too large (about 1.33× …); `mean` is correct." */
export function failingPartLine(verdicts: OutputVerdict[]): string | null {
  const bad = verdicts.filter((v) => !v.ok);
  if (bad.length === 0) return null;
  const good = verdicts.filter((v) => v.ok && v.name).map((v) => `\`${v.name}\``);
  const correct = good.length ? `; ${good.join(" and ")} ${good.length === 1 ? "is" : "are"} correct` : "";
  return `${bad.map(describeOutput).join("; ")}${correct}.`;
}

const firstSentence = (text: string) => /^.*?[.!?](\s|$)/.exec(text)?.[0].trim() ?? text;

export function planFeedback(report: GradeReport): FeedbackPlan {
  const hints: Record<string, string | null> = {};
  const failingPart: Record<string, string | null> = {};
  const explained = new Set(report.misconceptions.flatMap((m) => m.testIds));
  const failing = report.tests.filter((t) => t.status !== "passed");
  const publicFailed = failing.some((t) => t.visibility === "public");
  let hintGiven = false;

  for (const test of report.tests) {
    const verdicts = test.status === "passed" ? null : verdictsOf(test);
    failingPart[test.id] = verdicts ? failingPartLine(verdicts) : null;
    const fits =
      test.status !== "passed" &&
      !!test.hint &&
      !hintGiven &&
      report.compileErrors.length === 0 &&
      !explained.has(test.id) &&
      (test.visibility === "public" ? test.failure !== "not-run" : !publicFailed && HIDDEN_HINT_FAILURES.has(test.failure ?? "")) &&
      !contradicts(test.hint, verdicts);
    hints[test.id] = fits ? (test.hint ?? null) : null;
    if (fits) hintGiven = true;
  }

  return { fixFirst: fixFirst(report, failing, failingPart), hints, failingPart };
}

function fixFirst(report: GradeReport, failing: TestResult[], failingPart: Record<string, string | null>): FeedbackPlan["fixFirst"] {
  const compile = report.compileErrors[0];
  if (compile) return { text: `Your code does not compile: line ${compile.line}, column ${compile.column}: ${compile.message}`, testId: null };
  const misconception = report.misconceptions[0];
  if (misconception) return { text: firstSentence(misconception.message), testId: misconception.testIds[0] ?? null };
  const first = failing.find((t) => t.visibility === "public" && t.failure !== "not-run") ?? failing[0];
  if (!first) return null;
  const part = failingPart[first.id];
  return { text: `“${first.name}”: ${part ?? first.message}`, testId: first.id };
}
