/**
 * Tests for batchnorm-backward. Expected values come from reference.ts, which
 * reference.test.ts checks against centred-difference numerical gradients, so
 * "matches the numerical gradient" tests are honest. The hidden tests cover
 * the input classes of batchnorm.md "Grading numerics" and each mistake in
 * mistakes/ (the checker proves every mistake fails one of them).
 */
import { constant, defineTests, matrix, type Rng, vector } from "../../grader/test-kit";

/** Non-unit, mixed-sign γ: a missing γ in dx cannot hide behind γ = 1. */
const gammaOf = (rng: Rng, d: number) => vector(rng, d, { min: 0.5, max: 2 }).map((g, j) => (j % 3 === 2 ? -g : g));

export default defineTests([
  {
    id: "small-batch",
    name: "4×3 batch, unit γ",
    visibility: "public",
    points: 1,
    hint: "Recompute μ, σ² and x̂ per feature (down each column) exactly as in the forward pass.",
    args: (rng) => [matrix(rng, 4, 3), matrix(rng, 4, 3), [1, 1, 1], 1e-5],
  },
  {
    id: "dgamma-dbeta",
    name: "dγ and dβ of a 5×2 batch",
    visibility: "public",
    points: 1,
    hint: "y = γ x̂ + β: every row contributes to the gradient of the shared γ_j and β_j.",
    args: (rng) => [matrix(rng, 5, 2), matrix(rng, 5, 2), [1.5, 0.5], 1e-5],
    compare: ["dgamma", "dbeta"],
  },
  {
    id: "non-unit-gamma",
    name: "6×4 batch with γ ≠ 1",
    visibility: "public",
    points: 1,
    hint: "x̂ is multiplied by γ on the way forward, so the gradient flowing back into x̂ is multiplied by γ.",
    args: (rng) => [matrix(rng, 6, 4), matrix(rng, 6, 4), gammaOf(rng, 4), 1e-5],
  },
  {
    id: "numerical-gradient-check",
    name: "dx matches a centred-difference numerical gradient (N = 6)",
    visibility: "hidden",
    points: 3,
    hint: "Every x_ij also moves μ_j and σ²_j, which move every x̂ in column j. Follow all three paths back.",
    args: (rng) => [matrix(rng, 6, 3), matrix(rng, 6, 3, { std: 1.5 }), gammaOf(rng, 3), 1e-5],
  },
  {
    id: "mean-path-only-gradient",
    name: "upstream gradient constant down each column (only the mean path matters)",
    visibility: "hidden",
    points: 2,
    hint: "If every row gets the same G, shifting all of column j changes nothing after normalization.",
    args: (rng) => {
      const g = vector(rng, 3);
      return [Array.from({ length: 5 }, () => [...g]), matrix(rng, 5, 3), gammaOf(rng, 3), 1e-5];
    },
  },
  {
    id: "upstream-along-xhat",
    name: "upstream gradient proportional to the input (the variance path matters)",
    visibility: "hidden",
    points: 2,
    hint: "Scaling a column scales σ²_j too; the gradient through σ² cancels part of the direct path.",
    args: (rng) => {
      const x = matrix(rng, 6, 3);
      return [x.map((row) => row.map((v) => 0.7 * v)), x, gammaOf(rng, 3), 1e-5];
    },
  },
  {
    id: "wide-batch",
    name: "batch with fewer examples than features (N = 4, D = 7)",
    visibility: "hidden",
    points: 2,
    hint: "Sums run over the N rows of a column, never over the D entries of a row.",
    args: (rng) => [matrix(rng, 4, 7), matrix(rng, 4, 7), gammaOf(rng, 7), 1e-5],
  },
  {
    id: "square-batch",
    name: "square batch (N = D = 5) with negative γ",
    visibility: "hidden",
    points: 2,
    hint: "With N = D a swapped axis still has the right shape; check which index you sum over.",
    args: (rng) => [matrix(rng, 5, 5), matrix(rng, 5, 5), vector(rng, 5, { min: -2, max: -0.5 }), 1e-5],
  },
  {
    id: "constant-feature-column",
    name: "constant feature column (σ² = 0)",
    visibility: "hidden",
    points: 2,
    hint: "With σ² = 0 only ε keeps the division finite, and x̂ is 0 for that whole column.",
    args: (rng) => {
      const x = matrix(rng, 5, 3);
      for (const row of x) row[1] = 0.25;
      return [matrix(rng, 5, 3), x, [1.2, 0.8, -1.5], 1e-5];
    },
  },
  {
    id: "tiny-variance",
    name: "very small variance (σ² ≪ ε)",
    visibility: "hidden",
    points: 2,
    hint: "When σ² is far below ε, ε dominates √(σ² + ε): place it exactly as the forward pass does.",
    args: (rng) => [matrix(rng, 6, 3), matrix(rng, 6, 3, { min: -1e-4, max: 1e-4, offset: 3 }), gammaOf(rng, 3), 1e-5],
  },
  {
    id: "large-common-offset",
    name: "large common offset (inputs near 1e8)",
    visibility: "hidden",
    points: 2,
    hint: "Computing σ² as E[x²] − μ² subtracts two huge, nearly equal numbers. Subtract the mean first.",
    args: (rng) => [matrix(rng, 6, 3), matrix(rng, 6, 3, { min: -500, max: 500, offset: 1e8 }), gammaOf(rng, 3), 1e-5],
  },
  {
    id: "single-example",
    name: "a batch of one example (N = 1)",
    visibility: "hidden",
    points: 2,
    hint: "With one row, x̂ is always 0 and y = β no matter what x is. What does that say about dx?",
    args: (rng) => [matrix(rng, 1, 4), matrix(rng, 1, 4), gammaOf(rng, 4), 1e-5],
  },
  {
    id: "two-examples",
    name: "a batch of two examples (N = 2)",
    visibility: "hidden",
    points: 2,
    hint: "The variance divides by N, not N − 1, in the backward pass too.",
    args: (rng) => [matrix(rng, 2, 3), matrix(rng, 2, 3), gammaOf(rng, 3), 1e-5],
  },
  {
    id: "larger-epsilon",
    name: "a larger ε (1e-2) with unit-scale data",
    visibility: "hidden",
    points: 2,
    hint: "ε sits inside the square root: √(σ² + ε). With ε = 1e-2 a misplaced ε is easy to see.",
    args: (rng) => [matrix(rng, 5, 3), matrix(rng, 5, 3, { min: -0.5, max: 0.5 }), gammaOf(rng, 3), 1e-2],
  },
  {
    id: "zero-upstream-gradient",
    name: "zero upstream gradient gives zero gradients",
    visibility: "hidden",
    points: 1,
    hint: "The backward pass is linear in dout.",
    args: (rng) => [constant(4, 3, 0), matrix(rng, 4, 3), gammaOf(rng, 3), 1e-5],
  },
]);
