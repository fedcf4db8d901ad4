/**
 * Tests for layernorm-forward. Rows have different offsets and scales so that
 * normalizing over the batch (batch norm) instead of over the features is
 * visibly wrong; N ≠ D catches γ/β indexed by the example.
 */
import { constant, defineTests, matrix, type Rng, vector } from "../../grader/test-kit";

/** Rows with their own offset and spread: per-example statistics really matter. */
const rows = (rng: Rng, n: number, d: number) =>
  matrix(rng, n, d).map((row, i) => row.map((v) => (i + 1) * v + 3 * (i - 1)));
const gammaOf = (rng: Rng, d: number) => vector(rng, d, { min: 0.5, max: 2 });

export default defineTests([
  {
    id: "small-batch",
    name: "3×4 input, unit γ, zero β",
    visibility: "public",
    points: 1,
    hint: "Each row is normalized with the mean and variance of its own entries.",
    args: (rng) => [rows(rng, 3, 4), [1, 1, 1, 1], [0, 0, 0, 0], 1e-5],
  },
  {
    id: "scale-and-shift",
    name: "2×5 input with per-feature γ and β",
    visibility: "public",
    points: 1,
    hint: "γ_j and β_j belong to feature j (the column), whichever row you are in.",
    args: (rng) => [rows(rng, 2, 5), gammaOf(rng, 5), vector(rng, 5), 1e-5],
  },
  {
    id: "single-example",
    name: "a single example (N = 1)",
    visibility: "public",
    points: 1,
    hint: "Layer norm never looks at other examples, so one example is enough.",
    args: (rng) => [rows(rng, 1, 6), gammaOf(rng, 6), vector(rng, 6), 1e-5],
  },
  {
    id: "tall-batch",
    name: "more examples than features (N = 7, D = 3)",
    visibility: "hidden",
    points: 2,
    hint: "The statistics of row i use only row i.",
    args: (rng) => [rows(rng, 7, 3), gammaOf(rng, 3), vector(rng, 3), 1e-5],
  },
  {
    id: "wide-batch",
    name: "fewer examples than features (N = 2, D = 6)",
    visibility: "hidden",
    points: 2,
    hint: "γ and β have one entry per feature, not per example.",
    args: (rng) => [rows(rng, 2, 6), gammaOf(rng, 6), vector(rng, 6), 1e-5],
  },
  {
    id: "square-negative-gamma",
    name: "square input (N = D = 4) with negative γ",
    visibility: "hidden",
    points: 2,
    hint: "With N = D a swapped axis still has the right shape; check which index you average over.",
    args: (rng) => [rows(rng, 4, 4), [-1, 0.5, -2, 1.5], vector(rng, 4), 1e-5],
  },
  {
    id: "constant-example",
    name: "an example whose features are all equal (σ² = 0)",
    visibility: "hidden",
    points: 2,
    hint: "A constant row has variance 0; only ε keeps the division finite and the output is β.",
    args: (rng) => {
      const x = rows(rng, 3, 4);
      x[1] = [2.5, 2.5, 2.5, 2.5];
      return [x, gammaOf(rng, 4), vector(rng, 4), 1e-5];
    },
  },
  {
    id: "tiny-variance",
    name: "very small variance within each example (σ² ≪ ε)",
    visibility: "hidden",
    points: 2,
    hint: "ε goes inside the square root: √(σ² + ε).",
    args: (rng) => [matrix(rng, 3, 5, { min: -1e-4, max: 1e-4, offset: -1 }), gammaOf(rng, 5), vector(rng, 5), 1e-5],
  },
  {
    id: "large-common-offset",
    name: "large common offset (inputs near 1e8)",
    visibility: "hidden",
    points: 2,
    hint: "Subtract the mean before squaring; E[x²] − μ² cancels catastrophically at this scale.",
    args: (rng) => [matrix(rng, 3, 6, { min: -500, max: 500, offset: 1e8 }), gammaOf(rng, 6), vector(rng, 6), 1e-5],
  },
  {
    id: "single-feature",
    name: "one feature per example (D = 1)",
    visibility: "hidden",
    points: 1,
    hint: "With D = 1 every example has variance 0.",
    args: (rng) => [matrix(rng, 4, 1), [1.7], [0.3], 1e-5],
  },
  {
    id: "larger-epsilon",
    name: "ε = 0.01 with small activations",
    visibility: "hidden",
    points: 2,
    hint: "Use the ε you are given, inside the square root.",
    args: (rng) => [matrix(rng, 3, 4, { min: -0.3, max: 0.3 }), gammaOf(rng, 4), vector(rng, 4), 1e-2],
  },
  {
    id: "two-feature-examples",
    name: "two features per example (D = 2)",
    visibility: "hidden",
    points: 1,
    hint: "The variance divides by D, not D − 1.",
    args: (rng) => [matrix(rng, 5, 2), gammaOf(rng, 2), vector(rng, 2), 1e-5],
  },
  {
    id: "zero-input",
    name: "all-zero input gives β in every row",
    visibility: "hidden",
    points: 1,
    hint: "x̂ is 0 when an example is constant.",
    args: (rng) => [constant(3, 4, 0), gammaOf(rng, 4), vector(rng, 4), 1e-5],
  },
]);
