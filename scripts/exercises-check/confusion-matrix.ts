/**
 * The confusion matrix of one exercise's known mistakes: row A, column B =
 * on how many grading seeds grading mistake A's code named misconception B.
 * The diagonal should equal the number of seeds; anything off it is a wrong
 * label (the checker fails on it).
 */
import type { MistakeCheck } from "./check-exercise";
import { formatTable } from "./format-table";

export function confusionMatrix(mistakes: MistakeCheck[], seeds: number): string {
  const ids = mistakes.map((m) => m.id);
  const header = ["graded \\ named", ...ids.map((_, k) => `#${k + 1}`), "none"];
  const rows = mistakes.map((m, k) => {
    const namedAny = Object.values(m.named).reduce((a, b) => a + b, 0);
    const cells = ids.map((other, j) => {
      const n = m.named[other] ?? 0;
      if (j === k) return n === seeds ? `${n}` : `${n}!`;
      return n === 0 ? "·" : `${n}!!`;
    });
    // "none": seeds on which nothing was named (a report may name ties, so this is a lower bound)
    return [`#${k + 1} ${m.id}`, ...cells, String(Math.max(0, seeds - namedAny))];
  });
  return `${formatTable(header, rows)}\n(${seeds} seeds; "!" not named on every seed, "!!" a wrong label)`;
}
