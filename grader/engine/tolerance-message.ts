/**
 * The message for a result whose numbers are outside the tolerance. It names
 * the element furthest outside its tolerance and states the error against the
 * error allowed there (atol + rtol·|expected|), which means something for every
 * expected value, including 0 and ~1e-17; a relative error is added only where
 * |expected| > atol/rtol, where rtol is what sets the tolerance.
 *
 * Public tests only: a hidden test's entry carries a fixed category text
 * instead (even the error as a multiple of the allowed error would give away
 * |expected|, since allowed = atol + rtol·|expected|).
 */
import type { CompareResult, Violation } from "../contract/compare";
import type { Tolerance } from "../contract/schema";

/** Values as students typed them: integers exactly, others to 6 digits. */
const value = (n: number) => (Number.isInteger(n) && Math.abs(n) < 1e15 ? String(n) : n.toPrecision(6));
/** Errors and tolerances: 3 significant digits are plenty ("1e-9", "2.15e-7"). */
const error = (n: number) => String(Number(n.toPrecision(3)));

function lead(cmp: CompareResult, worst: Violation): string {
  // A scalar result (e.g. gradient-check's relError) has the empty path.
  if (cmp.outsideCount <= 1) return worst.path === "" ? "The result is outside the tolerance" : `\`${worst.path}\` is outside the tolerance`;
  return `${cmp.outsideCount} of ${cmp.numbersCompared} values are outside the tolerance; the worst is \`${worst.path}\``;
}

export function toleranceMessage(cmp: CompareResult, tol: Tolerance): string | null {
  const worst = cmp.worst;
  if (!worst) return null;
  const magnitude = Math.abs(worst.expected);
  const relative = tol.rtol > 0 && magnitude > tol.atol / tol.rtol ? `, relative error ${error(worst.absError / magnitude)}` : "";
  return (
    `${lead(cmp, worst)}: it is ${value(worst.actual)} but should be ${value(worst.expected)} — ` +
    `absolute error ${error(worst.absError)}, allowed ${error(worst.allowed)} (atol ${tol.atol} + rtol ${tol.rtol}·|expected|)${relative}.`
  );
}
