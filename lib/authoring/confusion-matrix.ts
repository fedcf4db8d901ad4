/**
 * The confusion matrix of one exercise's known mistakes: row A, column B =
 * on how many grading seeds grading mistake A's code named misconception B.
 * The diagonal should equal the number of seeds; anything off it is a wrong
 * label (the checker fails on it). One computation for the checker's text
 * table (scripts/exercises-check) and the instructor's preview page.
 */

/** What the matrix needs of a checked mistake (scripts/exercises-check MistakeCheck has it). */
export interface NamedCounts {
  id: string;
  /** misconception id → on how many seeds the report named it */
  named: Record<string, number>;
}

export type ConfusionCell =
  | { kind: "diagonal"; count: number; everySeed: boolean }
  | { kind: "off-diagonal"; count: number; wrongLabel: boolean };

export interface ConfusionRow {
  mistake: string;
  cells: ConfusionCell[];
  /** seeds on which nothing was named (a report may name ties, so a lower bound) */
  none: number;
}

export function confusionRows(mistakes: NamedCounts[], seeds: number): ConfusionRow[] {
  const ids = mistakes.map((m) => m.id);
  return mistakes.map((m, k) => {
    const namedAny = Object.values(m.named).reduce((a, b) => a + b, 0);
    const cells = ids.map((other, j): ConfusionCell => {
      const count = m.named[other] ?? 0;
      return j === k ? { kind: "diagonal", count, everySeed: count === seeds } : { kind: "off-diagonal", count, wrongLabel: count > 0 };
    });
    return { mistake: m.id, cells, none: Math.max(0, seeds - namedAny) };
  });
}

/** A cell as text: the count, "!" when not named on every seed, "!!" for a wrong label, "·" for never. */
export function cellText(cell: ConfusionCell): string {
  if (cell.kind === "diagonal") return cell.everySeed ? `${cell.count}` : `${cell.count}!`;
  return cell.wrongLabel ? `${cell.count}!!` : "·";
}
