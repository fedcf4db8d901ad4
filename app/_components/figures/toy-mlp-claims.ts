/**
 * The claims the lesson "Seeing the speed-up" makes about the training-curves
 * figure, as code: toy-mlp.test.ts and `npm run exercises:check` run them
 * headless over many seeds with the figure's own training code and settings.
 */
import { TOY_SETUP, trainAll } from "./toy-mlp";

const [SLOW_RATE, MEDIUM_RATE, LARGE_RATE] = TOY_SETUP.learningRates;
export const SPEED_UP_RATES = [SLOW_RATE, MEDIUM_RATE] as const;
export { LARGE_RATE };

/** A non-finite loss counts as worse than any finite one. */
const finite = (v: number) => (Number.isFinite(v) ? v : Number.POSITIVE_INFINITY);

function curves(learningRate: number, seed: number) {
  const options = { steps: TOY_SETUP.steps, learningRate, seed };
  return { plain: trainAll({ ...options, batchNorm: false }), withBn: trainAll({ ...options, batchNorm: true }) };
}

/** Claim 1: with batch norm, the loss the plain run ends with is reached in at most half the steps. */
export function speedUpHolds(learningRate: number, seed: number): boolean {
  const { plain, withBn } = curves(learningRate, seed);
  const target = finite(plain[TOY_SETUP.steps]);
  const reached = withBn.findIndex((loss) => loss <= target);
  return reached >= 0 && reached <= TOY_SETUP.steps / 2;
}

/** Claim 2: at the largest rate offered the plain run ends above where it started (diverges) while batch norm cuts the loss at least five-fold. */
export function largeRateHolds(seed: number): boolean {
  const { plain, withBn } = curves(LARGE_RATE, seed);
  return !(finite(plain[TOY_SETUP.steps]) < plain[0]) && finite(withBn[TOY_SETUP.steps]) < 0.2 * withBn[0];
}

export interface ClaimRates {
  seeds: number;
  /** fraction of seeds for which each claim holds */
  rates: Record<string, number>;
}

export function measureFigureClaims(seeds: number[]): ClaimRates {
  const rates: Record<string, number> = {};
  for (const rate of SPEED_UP_RATES) rates[`speed-up at learning rate ${rate}`] = seeds.filter((s) => speedUpHolds(rate, s)).length / seeds.length;
  rates[`plain diverges, batch norm trains at learning rate ${LARGE_RATE}`] = seeds.filter(largeRateHolds).length / seeds.length;
  return { seeds: seeds.length, rates };
}
