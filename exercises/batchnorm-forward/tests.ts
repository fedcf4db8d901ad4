/**
 * Tests for batchnorm-forward (grader/FORMAT.md). Public tests teach the
 * shape of the task; hidden tests (most of the points) cover the input
 * classes of batchnorm.md "Grading numerics" and each file in mistakes/.
 * Every test also fails a submission that modifies x, gamma or beta.
 */
import { constant, defineTests, matrix, type Rng, vector } from "../../grader/test-kit";

/** Non-unit γ with mixed signs, so a dropped or misplaced γ cannot hide. */
const gammaOf = (rng: Rng, d: number) => vector(rng, d, { min: 0.5, max: 2 }).map((g, j) => (j % 2 === 1 ? -g : g));
const betaOf = (rng: Rng, d: number) => vector(rng, d, { min: -1, max: 1 });

export default defineTests([
  {
    id: "small-batch",
    name: "4×3 batch, γ = 1, β = 0",
    visibility: "public",
    points: 1,
    hint: "Statistics are per feature: average down each column, over the N examples.",
    args: (rng) => [matrix(rng, 4, 3), [1, 1, 1], [0, 0, 0], 1e-5],
  },
  {
    id: "worked-example",
    name: "the worked example from the prompt",
    visibility: "public",
    points: 1,
    hint: "Column 0 is [1, 3]: μ = 2, σ² = 1 (divide by N = 2, not N − 1).",
    args: [[[1, 2], [3, 6]], [1, 0.5], [0, 1], 1e-5],
  },
  {
    id: "batch-statistics",
    name: "mean and variance of a 6×2 batch",
    visibility: "public",
    points: 1,
    hint: "Return the biased variance: the average of squared deviations, divided by N.",
    args: (rng) => [matrix(rng, 6, 2, { std: 3 }), [1, 1], [0, 0], 1e-5],
    compare: ["mean", "variance"],
  },
  {
    id: "scale-and-shift",
    name: "5×4 batch with γ ≠ 1 and β ≠ 0",
    visibility: "public",
    points: 1,
    hint: "After normalizing, multiply column j by γ_j and add β_j.",
    args: (rng) => [matrix(rng, 5, 4), gammaOf(rng, 4), betaOf(rng, 4), 1e-5],
  },
  {
    id: "square-batch",
    name: "N = D (4×4): statistics over the right axis",
    visibility: "hidden",
    points: 2,
    hint: "With a square batch a per-row computation has the right shape but the wrong values: average over examples (rows), per feature (column).",
    args: (rng) => [matrix(rng, 4, 4, { std: 2 }), gammaOf(rng, 4), betaOf(rng, 4), 1e-5],
  },
  {
    id: "tall-batch",
    name: "N ≠ D: 16 examples, 3 features",
    visibility: "hidden",
    points: 1,
    hint: "mean and variance have one entry per feature (D), not per example (N).",
    args: (rng) => [matrix(rng, 16, 3, { std: 1.5 }), gammaOf(rng, 3), betaOf(rng, 3), 1e-5],
  },
  {
    id: "wide-batch",
    name: "N ≠ D: 3 examples, 7 features",
    visibility: "hidden",
    points: 1,
    hint: "mean and variance have one entry per feature (D), not per example (N).",
    args: (rng) => [matrix(rng, 3, 7), gammaOf(rng, 7), betaOf(rng, 7), 1e-5],
  },
  {
    id: "constant-column",
    name: "a constant column (σ² = 0)",
    visibility: "hidden",
    points: 2,
    hint: "A constant feature has zero variance; ε inside the square root keeps the division finite and x̂ = 0, so y = β.",
    args: (rng) => {
      const x = matrix(rng, 5, 3);
      for (const row of x) row[1] = 4.25;
      return [x, gammaOf(rng, 3), betaOf(rng, 3), 1e-5];
    },
  },
  {
    id: "tiny-variance",
    name: "variance far below ε (σ² ≈ 1e-8)",
    visibility: "hidden",
    points: 2,
    hint: "When σ² ≪ ε, ε dominates √(σ² + ε): it must be inside the square root, added to the variance.",
    args: (rng) => [matrix(rng, 6, 3, { std: 1e-4, offset: 0.5 }), gammaOf(rng, 3), betaOf(rng, 3), 1e-5],
  },
  {
    id: "large-offset",
    name: "values near 1e8 (spread ±500)",
    visibility: "hidden",
    points: 2,
    hint: "E[x²] − μ² subtracts two nearly equal numbers near 1e16 and loses most digits of the variance. Subtract the mean first, then square.",
    // Spread ±500, not ~1: with σ ≈ 1 the float64 rounding of any mean near 1e8
    // (ulp ≈ 1.5e-8) puts Welford / reversed-sum / shifted-data solutions up to
    // 50× outside rtol 1e-7; with ±500 they stay below 0.25× of the tolerance
    // over 2000 seeds while E[x²] − μ² is still ≥ 26× outside it (measured).
    args: (rng) => [matrix(rng, 8, 3, { min: -500, max: 500, offset: 1e8 }), gammaOf(rng, 3), betaOf(rng, 3), 1e-5],
  },
  {
    id: "single-example",
    name: "N = 1: a batch of one example",
    visibility: "hidden",
    points: 2,
    hint: "With one example μ = x and σ² = 0 (divide by N = 1), so x̂ = 0 and y = β.",
    args: (rng) => [matrix(rng, 1, 4), gammaOf(rng, 4), betaOf(rng, 4), 1e-5],
  },
  {
    id: "larger-eps",
    name: "ε = 0.1 on a small-variance batch",
    visibility: "hidden",
    points: 1,
    hint: "Use the eps argument you are given, inside the square root.",
    args: (rng) => [matrix(rng, 5, 3, { std: 0.3 }), gammaOf(rng, 3), betaOf(rng, 3), 0.1],
  },
  {
    id: "eps-1e-3",
    name: "ε = 1e-3",
    visibility: "hidden",
    points: 1,
    hint: "Use the eps argument you are given, inside the square root.",
    args: (rng) => [matrix(rng, 6, 2), gammaOf(rng, 2), betaOf(rng, 2), 1e-3],
  },
  {
    id: "negative-gamma",
    name: "negative and non-unit γ",
    visibility: "hidden",
    points: 1,
    hint: "γ scales x̂ per feature and may be negative; β is added after scaling.",
    args: (rng) => [matrix(rng, 6, 3), [-2, 0.5, -0.25], [0.3, -1, 2], 1e-5],
  },
  {
    id: "inputs-unchanged",
    name: "x, γ and β are not modified",
    visibility: "hidden",
    points: 2,
    hint: "Build new arrays for the output; never write into x, gamma or beta.",
    args: (rng) => [matrix(rng, 7, 5, { std: 2, offset: 3 }), gammaOf(rng, 5), betaOf(rng, 5), 1e-5],
  },
  {
    id: "constant-batch",
    name: "every value identical",
    visibility: "hidden",
    points: 1,
    hint: "All columns have zero variance: the output is β in every row.",
    // β has a 0 in the middle: outputs that must be exactly 0 (atol decides there).
    args: (rng) => {
      const b = betaOf(rng, 3);
      return [constant(3, 3, rng.uniform(-10, 10)), vector(rng, 3, { min: 0.5, max: 3 }), [b[0], 0, b[2]], 1e-5];
    },
  },
]);
