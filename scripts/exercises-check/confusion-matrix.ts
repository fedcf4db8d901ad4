/**
 * The checker's text rendering of an exercise's mistake confusion matrix
 * (computed by lib/authoring/confusion-matrix.ts, which the instructor's
 * preview page renders as a table).
 */
import { cellText, confusionRows, type NamedCounts } from "@/lib/authoring/confusion-matrix";
import { formatTable } from "./format-table";

export function confusionMatrix(mistakes: NamedCounts[], seeds: number): string {
  const header = ["graded \\ named", ...mistakes.map((_, k) => `#${k + 1}`), "none"];
  const rows = confusionRows(mistakes, seeds).map((row, k) => [`#${k + 1} ${row.mistake}`, ...row.cells.map(cellText), String(row.none)]);
  return `${formatTable(header, rows)}\n(${seeds} seeds; "!" not named on every seed, "!!" a wrong label)`;
}
