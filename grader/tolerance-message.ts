/**
 * The message for a result whose numbers are outside the tolerance. It names
 * the element furthest outside its tolerance and states the error against the
 * error allowed there (atol + rtol·|expected|), which means something for every
 * expected value, including 0 and ~1e-17; a relative error is added only where
 * |expected| > atol/rtol, where rtol is what sets the tolerance.
 *
 * Hidden tests get a single number, the error as a multiple of the allowed
 * error: together with the absolute or relative error it would give away
 * |expected| (allowed = atol + rtol·|expected|), and hidden values stay secret.
 */
import { type CompareResult, excess, type Violation } from "./compare";
import type { Tolerance } from "./schema";

/** Values as students typed them: integers exactly, others to 6 digits. */
const value = (n: number) => (Number.isInteger(n) && Math.abs(n) < 1e15 ? String(n) : n.toPrecision(6));
/** Errors and tolerances: 3 significant digits are plenty ("1e-9", "2.15e-7"). */
const error = (n: number) => String(Number(n.toPrecision(3)));
/** "1.5", "23", "4.2e+6" */
const times = (n: number) => (n < 1e4 ? String(Number(n.toPrecision(2))) : Number(n.toPrecision(2)).toExponential());

function lead(cmp: CompareResult, worst: Violation): string {
  if (cmp.outsideCount <= 1) return `\`${worst.path}\` is outside the tolerance`;
  return `${cmp.outsideCount} of ${cmp.numbersCompared} values are outside the tolerance; the worst is \`${worst.path}\``;
}

export function toleranceMessage(cmp: CompareResult, tol: Tolerance, hidden: boolean): string | null {
  const worst = cmp.worst;
  if (!worst) return null;
  const ratio = excess(worst);
  if (hidden) {
    const how = Number.isFinite(ratio) ? `its error is ${times(ratio)}× the error allowed there` : "it must be exact there and is not";
    return `${lead(cmp, worst)}: ${how} (atol + rtol·|expected|).`;
  }
  const magnitude = Math.abs(worst.expected);
  const relative = tol.rtol > 0 && magnitude > tol.atol / tol.rtol ? `, relative error ${error(worst.absError / magnitude)}` : "";
  return (
    `${lead(cmp, worst)}: it is ${value(worst.actual)} but should be ${value(worst.expected)} — ` +
    `absolute error ${error(worst.absError)}, allowed ${error(worst.allowed)} (atol ${tol.atol} + rtol ${tol.rtol}·|expected|)${relative}.`
  );
}
