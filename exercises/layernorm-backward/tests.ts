/**
 * Tests for layernorm-backward. Expected values come from reference.ts, which
 * reference.test.ts checks against centred-difference gradients. The hidden
 * tests cover the hard input classes with the axes of layer norm: statistics
 * per ROW (a constant row, a tiny-variance row, rows near 1e8, one example),
 * N ≠ D both ways and N = D, γ that varies across the features (so a γ pulled
 * out of the row sums is caught), and every mistake in mistakes/.
 */
import { constant, defineTests, matrix, type Rng, vector } from "../../grader/test-kit";

/** γ that differs from feature to feature and changes sign: γ cannot be factored out of a row sum. */
const gammaOf = (rng: Rng, d: number) => vector(rng, d, { min: 0.5, max: 2 }).map((g, j) => (j % 3 === 1 ? -g : g));

export default defineTests([
  {
    id: "small-batch",
    name: "3×5 batch, unit γ",
    visibility: "public",
    points: 1,
    hint: "Recompute μ, σ² and x̂ per example (across each row) exactly as layer norm's forward pass does.",
    args: (rng) => [matrix(rng, 3, 5), matrix(rng, 3, 5), [1, 1, 1, 1, 1], 1e-5],
  },
  {
    id: "dgamma-dbeta",
    name: "dγ and dβ of a 4×3 batch",
    visibility: "public",
    points: 1,
    hint: "γ_j and β_j are shared by every example, so their gradients still sum down column j.",
    args: (rng) => [matrix(rng, 4, 3), matrix(rng, 4, 3), [1.5, -0.5, 2], 1e-5],
    compare: ["dgamma", "dbeta"],
  },
  {
    id: "varied-gamma",
    name: "4×6 batch with γ different for every feature",
    visibility: "public",
    points: 1,
    hint: "The gradient arriving at x̂_ij is γ_j·G_ij. Inside a row γ changes from feature to feature, so it stays inside the row sums.",
    args: (rng) => [matrix(rng, 4, 6), matrix(rng, 4, 6), gammaOf(rng, 6), 1e-5],
  },
  {
    id: "numerical-gradient-check",
    name: "dx matches a centred-difference numerical gradient (D = 6)",
    visibility: "hidden",
    points: 3,
    hint: "Every x_ij also moves μ_i and σ²_i, which move every x̂ in row i. Follow all three paths back.",
    args: (rng) => [matrix(rng, 3, 6), matrix(rng, 3, 6, { std: 1.5 }), gammaOf(rng, 6), 1e-5],
  },
  {
    id: "tall-batch",
    name: "more examples than features (N = 7, D = 4)",
    visibility: "hidden",
    points: 2,
    hint: "The statistics of dx run over the D features of one example; only dγ and dβ sum over the N examples.",
    args: (rng) => [matrix(rng, 7, 4), matrix(rng, 7, 4), gammaOf(rng, 4), 1e-5],
  },
  {
    id: "square-batch",
    name: "square batch (N = D = 5) with negative γ",
    visibility: "hidden",
    points: 2,
    hint: "With N = D a swapped axis still has the right shape: which index does each sum run over?",
    args: (rng) => [matrix(rng, 5, 5), matrix(rng, 5, 5), vector(rng, 5, { min: -2, max: -0.5 }), 1e-5],
  },
  {
    id: "mean-path-only-gradient",
    name: "γ·G constant along each row (only the mean path matters)",
    visibility: "hidden",
    points: 2,
    hint: "If the gradient arriving at x̂ is the same for every feature of a row, shifting that whole row changes nothing after normalization.",
    args: (rng) => {
      const gamma = gammaOf(rng, 5);
      const dout = Array.from({ length: 4 }, () => {
        const c = rng.uniform(-2, 2);
        return gamma.map((g) => c / g);
      });
      return [dout, matrix(rng, 4, 5), gamma, 1e-5];
    },
  },
  {
    id: "upstream-along-input",
    name: "upstream gradient proportional to the input (the variance path matters)",
    visibility: "hidden",
    points: 2,
    hint: "Scaling a row scales its σ²_i too; the path through σ² removes the part of γ·G that lies along x̂.",
    args: (rng) => {
      const x = matrix(rng, 4, 5);
      return [x.map((row) => row.map((v) => 0.7 * v)), x, [1, 1, 1, 1, 1], 1e-5];
    },
  },
  {
    id: "constant-row",
    name: "an example whose features are all equal (σ² = 0 for that row)",
    visibility: "hidden",
    points: 2,
    hint: "With σ² = 0 only ε keeps the division finite, and x̂ is 0 for the whole row.",
    args: (rng) => {
      const x = matrix(rng, 4, 5);
      x[2] = x[2].map(() => 0.25);
      return [matrix(rng, 4, 5), x, gammaOf(rng, 5), 1e-5];
    },
  },
  {
    id: "tiny-variance",
    name: "very small variance in every row (σ² ≪ ε)",
    visibility: "hidden",
    points: 2,
    hint: "When σ² is far below ε, ε dominates √(σ² + ε): place it exactly as the forward pass does.",
    args: (rng) => [matrix(rng, 3, 6), matrix(rng, 3, 6, { min: -1e-4, max: 1e-4, offset: 3 }), gammaOf(rng, 6), 1e-5],
  },
  {
    id: "large-common-offset",
    name: "large common offset (inputs near 1e8)",
    visibility: "hidden",
    points: 2,
    hint: "Computing σ² as E[x²] − μ² subtracts two huge, nearly equal numbers. Subtract the mean first.",
    args: (rng) => [matrix(rng, 3, 6), matrix(rng, 3, 6, { min: -500, max: 500, offset: 1e8 }), gammaOf(rng, 6), 1e-5],
  },
  {
    id: "single-example",
    name: "a batch of one example (N = 1)",
    visibility: "hidden",
    points: 2,
    hint: "Layer norm needs no batch: one example is normalized over its own features, and its dx is not zero.",
    args: (rng) => [matrix(rng, 1, 6), matrix(rng, 1, 6), gammaOf(rng, 6), 1e-5],
  },
  {
    id: "larger-epsilon",
    name: "a larger ε (1e-2) with small-scale data",
    visibility: "hidden",
    points: 2,
    hint: "ε sits inside the square root: √(σ² + ε). With ε = 1e-2 a misplaced ε is easy to see.",
    args: (rng) => [matrix(rng, 4, 5), matrix(rng, 4, 5, { min: -0.5, max: 0.5 }), gammaOf(rng, 5), 1e-2],
  },
  {
    id: "zero-upstream-gradient",
    name: "zero upstream gradient gives zero gradients",
    visibility: "hidden",
    points: 1,
    hint: "The backward pass is linear in dout.",
    args: (rng) => [constant(3, 4, 0), matrix(rng, 3, 4), gammaOf(rng, 4), 1e-5],
  },
]);
