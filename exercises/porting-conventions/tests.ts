/**
 * Tests for porting-conventions: a stateless class, so every test is a short
 * scenario (new, then one or two method calls) compared with the reference.
 * Conversions use momenta and ε away from the symmetric/default values (m = 0.5,
 * ε = 1e-5) so copied momenta and reset ε show; traces mix batch sizes
 * (including N = 2), momentum 0, 1 and null, and features whose variance is far
 * from 1 so the initial value and the unbiased correction both matter.
 */
import { defineTests, matrix, type Rng, type ScenarioStep, vector } from "../../grader/test-kit";

const create: ScenarioStep = { op: "new", instance: "port", args: [] };
const call = (method: string, ...args: unknown[]): ScenarioStep => ({ op: "call", instance: "port", method, args });
const trace = (batches: number[][][], momentumPt: number | null): ScenarioStep[] => [
  create,
  call("pytorchRunningStats", batches, momentumPt),
];

/** A course-convention layer state with D features. */
const courseState = (rng: Rng, d: number, momentum: number, eps: number) => ({
  gamma: vector(rng, d, { min: 0.5, max: 2 }),
  beta: vector(rng, d),
  runningMean: vector(rng, d, { min: -3, max: 3 }),
  runningVar: vector(rng, d, { min: 0.2, max: 4 }),
  momentum,
  eps,
});
/** A PyTorch layer state with D features. */
const torchState = (rng: Rng, d: number, momentum: number, eps: number) => ({
  weight: vector(rng, d, { min: 0.5, max: 2 }),
  bias: vector(rng, d),
  running_mean: vector(rng, d, { min: -3, max: 3 }),
  running_var: vector(rng, d, { min: 0.2, max: 4 }),
  momentum,
  eps,
});
/** A batch whose features have clearly different means and spreads (variances far from 1). */
const batch = (rng: Rng, n: number, d: number, offset = 0) =>
  matrix(rng, n, d).map((row) => row.map((v, j) => 1.5 * (j + 1) * v + (j - 1) * 2 + offset));
/**
 * The correct PyTorch state of a course state: the round-trip test feeds it to
 * fromPyTorch, so that step judges fromPyTorch alone.
 */
const correctTorchState = (s: ReturnType<typeof courseState>) => ({
  weight: s.gamma,
  bias: s.beta,
  running_mean: s.runningMean,
  running_var: s.runningVar,
  momentum: 1 - s.momentum,
  eps: s.eps,
});
const batchesOf = (rng: Rng, sizes: number[], d: number) => sizes.map((n) => batch(rng, n, d));

export default defineTests([
  {
    id: "to-pytorch-defaults",
    name: "toPyTorch of a layer with the default momentum 0.9 and ε = 1e-5",
    visibility: "public",
    points: 1,
    hint: "γ and β are PyTorch's weight and bias; PyTorch's momentum is the weight on the new value.",
    scenario: (rng) => [create, call("toPyTorch", courseState(rng, 3, 0.9, 1e-5))],
  },
  {
    id: "from-pytorch-defaults",
    name: "fromPyTorch of a layer with PyTorch's default momentum 0.1",
    visibility: "public",
    points: 1,
    hint: "The inverse of toPyTorch: the course's momentum is the weight on the old value.",
    scenario: (rng) => [create, call("fromPyTorch", torchState(rng, 3, 0.1, 1e-5))],
  },
  {
    id: "one-step-trace",
    name: "running statistics after one batch of 4 (momentum 0.1)",
    visibility: "public",
    points: 1,
    hint: "Start where PyTorch starts (mean 0, variance 1) and blend in this batch's mean and unbiased variance.",
    scenario: (rng) => trace([batch(rng, 4, 3)], 0.1),
  },
  {
    id: "to-pytorch-other-momentum-eps",
    name: "toPyTorch with a non-default momentum and ε",
    visibility: "hidden",
    points: 2,
    hint: "A layer's ε is part of its behaviour: keep it. Momentum changes meaning between the libraries.",
    scenario: (rng) => [create, call("toPyTorch", courseState(rng, 4, rng.uniform(0.6, 0.99), 10 ** rng.uniform(-4, -2)))],
  },
  {
    id: "from-pytorch-other-momentum-eps",
    name: "fromPyTorch with a non-default momentum and ε",
    visibility: "hidden",
    points: 2,
    hint: "p = 1 − m in both directions; ε is copied.",
    scenario: (rng) => [create, call("fromPyTorch", torchState(rng, 2, rng.uniform(0.01, 0.4), 10 ** rng.uniform(-4, -2)))],
  },
  {
    id: "round-trip",
    name: "toPyTorch then fromPyTorch gives the layer back",
    visibility: "hidden",
    points: 1,
    hint: "Each direction converts momentum once; the pair must be the identity.",
    scenario: (rng) => {
      const state = courseState(rng, 3, rng.uniform(0.7, 0.99), 10 ** rng.uniform(-4, -2));
      return [create, call("toPyTorch", state), call("fromPyTorch", correctTorchState(state))];
    },
  },
  {
    id: "five-step-trace",
    name: "running statistics after 5 batches of 6 (momentum 0.1)",
    visibility: "hidden",
    points: 2,
    hint: "PyTorch's momentum weighs the NEW batch: with 0.1, 90% of the old running value is kept.",
    scenario: (rng) => trace(batchesOf(rng, [6, 6, 6, 6, 6], 3), 0.1),
  },
  {
    id: "mixed-batch-sizes",
    name: "batches of different sizes, including N = 2",
    visibility: "hidden",
    points: 2,
    hint: "The unbiased correction N/(N − 1) uses each batch's own N; with N = 2 it doubles the variance.",
    scenario: (rng) => trace(batchesOf(rng, [8, 2, 5, 3], 2), rng.uniform(0.2, 0.4)),
  },
  {
    id: "momentum-none",
    name: "momentum None: a cumulative average over 4 batches",
    visibility: "hidden",
    points: 2,
    hint: "With momentum None the t-th batch gets weight 1/t, counting itself: the first batch replaces the initial values.",
    scenario: (rng) => trace(batchesOf(rng, [5, 4, 6, 3], 3), null),
  },
  {
    id: "momentum-zero",
    name: "momentum 0: the running statistics never move",
    visibility: "hidden",
    points: 1,
    hint: "0 is a legal momentum and is not the same as None.",
    scenario: (rng) => trace(batchesOf(rng, [4, 6], rng.int(2, 4)), 0),
  },
  {
    id: "momentum-one",
    name: "momentum 1: the last batch's statistics",
    visibility: "hidden",
    points: 1,
    hint: "With PyTorch's momentum 1 nothing of the old value is kept.",
    scenario: (rng) => trace(batchesOf(rng, [5, 3, 4], 2), 1),
  },
  {
    id: "constant-feature",
    name: "a feature that is constant within every batch (σ² = 0)",
    visibility: "hidden",
    points: 1,
    hint: "A constant feature has variance 0, biased or not; the running variance still starts at 1 and decays.",
    scenario: (rng) =>
      trace(
        [4, 5, 3].map((n) => {
          const level = rng.uniform(-5, 5);
          return batch(rng, n, 3).map((row) => [row[0], level, row[2]]);
        }),
        rng.uniform(0.05, 0.3),
      ),
  },
  {
    id: "large-offset",
    name: "features near 1e8 with a spread of about ±500 (3 batches)",
    visibility: "hidden",
    points: 1,
    hint: "Subtract the batch mean before squaring: E[x²] − μ² loses every digit at this offset.",
    scenario: (rng) =>
      trace(
        [5, 4, 6].map((n) => matrix(rng, n, 2, { min: -500, max: 500, offset: 1e8 })),
        rng.uniform(0.05, 0.3),
      ),
  },
]);
