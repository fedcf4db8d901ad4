/**
 * Test-taking cue check: is the correct option the longest one? In a fair
 * quiz that happens about as often as chance gives (1/k for a single-choice
 * question with k options; c/k that the longest option of a multiple-select
 * question is one of its c correct ones). Lengths are of the text a student
 * reads: LaTeX command names, `$` and braces do not count.
 */
import type { ChoiceQuestion, Quiz } from "../quiz/schema";

export function visibleLength(text: string): number {
  return text.replace(/\\[a-zA-Z]+/g, "").replace(/[${}^_\\]/g, "").length;
}

/** The option strictly longer than every other, if any. */
function strictlyLongest(q: ChoiceQuestion) {
  const lengths = q.options.map((o) => visibleLength(o.text));
  const max = Math.max(...lengths);
  return lengths.filter((l) => l === max).length === 1 ? q.options[lengths.indexOf(max)] : null;
}

export interface KeyLengthStats {
  questions: number;
  /** questions whose strictly longest option is correct */
  keyLongest: number;
  /** the expected number of such questions if lengths were unrelated to correctness */
  chance: number;
  /** ids of the questions where it happens */
  ids: string[];
}

export function keyLengthStats(quiz: Quiz): KeyLengthStats {
  const choice = quiz.questions.filter((q): q is ChoiceQuestion => q.type === "single" || q.type === "multiple");
  const hits = choice.filter((q) => strictlyLongest(q)?.correct === true);
  const chance = choice.reduce((s, q) => s + q.options.filter((o) => o.correct).length / q.options.length, 0);
  return { questions: choice.length, keyLongest: hits.length, chance, ids: hits.map((q) => q.id) };
}

/** Per quiz: fail above chance rounded up (small quizzes); overall: fail above chance itself. */
export function keyLengthVerdict(stats: KeyLengthStats, overall: boolean): boolean {
  return stats.keyLongest <= (overall ? stats.chance : Math.ceil(stats.chance));
}
