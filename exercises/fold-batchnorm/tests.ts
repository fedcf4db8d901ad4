/**
 * Tests for fold-batchnorm. Weight matrices are mostly non-square so that
 * scaling columns instead of rows fails; biases and running means are non-zero
 * so that every term of b' = s·(b − r_μ) + β matters.
 */
import { defineTests, matrix, type Rng, vector } from "../../grader/test-kit";

type Bn = { gamma: number[]; beta: number[]; runningMean: number[]; runningVar: number[]; eps: number };

/** A plausible trained batch-norm layer for `out` units. */
const bnOf = (rng: Rng, out: number, eps = 1e-5, o: Partial<Bn> = {}): Bn => ({
  gamma: vector(rng, out, { min: 0.5, max: 2 }),
  beta: vector(rng, out),
  runningMean: vector(rng, out, { min: -3, max: 3 }),
  runningVar: vector(rng, out, { min: 0.2, max: 4 }),
  eps,
  ...o,
});

export default defineTests([
  {
    id: "identity-batchnorm",
    name: "a batch norm that does nothing (γ = 1, β = 0, r_μ = 0, r_σ² = 1) leaves the layer almost unchanged",
    visibility: "public",
    points: 1,
    hint: "Even here the result is divided by √(1 + ε), so it is not exactly the input.",
    args: (rng) => [
      matrix(rng, 2, 3),
      vector(rng, 2),
      { gamma: [1, 1], beta: [0, 0], runningMean: [0, 0], runningVar: [1, 1], eps: 1e-5 },
    ],
  },
  {
    id: "small-layer",
    name: "3 outputs × 2 inputs with trained statistics",
    visibility: "public",
    points: 1,
    hint: "Write BN_test(z_o) as s_o·z_o + t_o first; then substitute z = W·x + b.",
    args: (rng) => [matrix(rng, 3, 2), vector(rng, 3), bnOf(rng, 3)],
  },
  {
    id: "folded-weight",
    name: "folded weight of a 2 × 4 layer",
    visibility: "public",
    points: 1,
    hint: "Output unit o has its own scale, which applies to its whole row of W.",
    args: (rng) => [matrix(rng, 2, 4), vector(rng, 2), bnOf(rng, 2)],
    compare: ["weight"],
  },
  {
    id: "wide-layer",
    name: "more inputs than outputs (2 × 6)",
    visibility: "hidden",
    points: 2,
    hint: "Rows of W belong to output units; the batch-norm parameters are per output unit.",
    args: (rng) => [matrix(rng, 2, 6), vector(rng, 2), bnOf(rng, 2)],
  },
  {
    id: "tall-layer",
    name: "more outputs than inputs (5 × 2)",
    visibility: "hidden",
    points: 2,
    hint: "W' has exactly the shape of W; b' has one entry per output.",
    args: (rng) => [matrix(rng, 5, 2), vector(rng, 5), bnOf(rng, 5)],
  },
  {
    id: "square-negative-gamma",
    name: "square layer (4 × 4) with negative γ",
    visibility: "hidden",
    points: 2,
    hint: "A negative γ flips the sign of a whole output unit, weights and bias alike.",
    args: (rng) => [matrix(rng, 4, 4), vector(rng, 4), bnOf(rng, 4, 1e-5, { gamma: [-1.5, 0.8, -0.3, 2] })],
  },
  {
    id: "bias-terms",
    name: "folded bias with non-zero bias and running mean",
    visibility: "hidden",
    points: 2,
    hint: "The layer's own bias passes through the normalization too: it is shifted and scaled like the rest of z.",
    args: (rng) => [matrix(rng, 3, 3), vector(rng, 3, { min: 1, max: 4 }), bnOf(rng, 3)],
    compare: ["bias"],
  },
  {
    id: "tiny-running-variance",
    name: "running variance far below ε (r_σ² ≪ ε)",
    visibility: "hidden",
    points: 2,
    hint: "At test time the divisor is √(r_σ² + ε), with ε inside the root.",
    args: (rng) => [matrix(rng, 3, 2), vector(rng, 3), bnOf(rng, 3, 1e-5, { runningVar: [1e-9, 2e-8, 5e-10] })],
  },
  {
    id: "large-running-mean",
    name: "large running mean (units near 1e6)",
    visibility: "hidden",
    points: 2,
    hint: "Subtract the running mean from the bias before scaling, or scale both consistently.",
    args: (rng) => [matrix(rng, 2, 3), vector(rng, 2), bnOf(rng, 2, 1e-5, { runningMean: [1e6, -2.5e6], runningVar: [9e4, 4e4] })],
  },
  {
    id: "larger-epsilon",
    name: "ε = 0.01",
    visibility: "hidden",
    points: 1,
    hint: "Use the ε stored in the batch-norm layer.",
    args: (rng) => [matrix(rng, 3, 4), vector(rng, 3), bnOf(rng, 3, 1e-2, { runningVar: [0.02, 0.5, 0.05] })],
  },
  {
    id: "zero-bias",
    name: "a layer without bias (b = 0)",
    visibility: "hidden",
    points: 1,
    hint: "Batch norm makes the layer's bias redundant: β and the running mean still give b' a value.",
    args: (rng) => [matrix(rng, 3, 2), [0, 0, 0], bnOf(rng, 3)],
  },
]);
