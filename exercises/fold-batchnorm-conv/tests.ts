/**
 * Tests for fold-batchnorm-conv. Most layers have Cout ≠ Cin and non-square
 * kernels, so scaling by input channel or by kernel row gives visibly wrong
 * (and, where Cin ≤ Cout, finite and recognisable) answers; biases and running
 * means are non-zero so every term of b' = s·(b − r_μ) + β matters.
 */
import { defineTests, type Rng, tensor4, vector } from "../../grader/test-kit";

type Bn = { gamma: number[]; beta: number[]; runningMean: number[]; runningVar: number[]; eps: number };

/** A plausible trained batch-norm layer for `out` channels. */
const bnOf = (rng: Rng, out: number, eps = 1e-5, o: Partial<Bn> = {}): Bn => ({
  gamma: vector(rng, out, { min: 0.5, max: 2 }),
  beta: vector(rng, out),
  runningMean: vector(rng, out, { min: -3, max: 3 }),
  runningVar: vector(rng, out, { min: 0.2, max: 4 }),
  eps,
  ...o,
});

/** γ with the given sign pattern and magnitudes drawn from the rng. */
const signedGamma = (rng: Rng, signs: number[]) => signs.map((sign) => sign * rng.uniform(0.3, 2));

export default defineTests([
  {
    id: "identity-batchnorm",
    name: "a batch norm that does nothing (γ = 1, β = 0, r_μ = 0, r_σ² = 1), 2 → 2 channels, 2×2 kernels",
    visibility: "public",
    points: 1,
    hint: "Even here every tap is divided by √(1 + ε), so the result is not exactly the input.",
    args: (rng) => [
      tensor4(rng, 2, 2, 2, 2),
      vector(rng, 2),
      { gamma: [1, 1], beta: [0, 0], runningMean: [0, 0], runningVar: [1, 1], eps: 1e-5 },
    ],
  },
  {
    id: "small-conv",
    name: "2 → 3 channels with 3×3 kernels and trained statistics",
    visibility: "public",
    points: 1,
    hint: "Write BN_test(z_o) as s_o·z_o + t_o first; then substitute the convolution's z_o.",
    args: (rng) => [tensor4(rng, 3, 2, 3, 3), vector(rng, 3), bnOf(rng, 3)],
  },
  {
    id: "folded-kernels",
    name: "folded kernels of a 3 → 2 channel layer with 1×3 kernels",
    visibility: "public",
    points: 1,
    hint: "Output channel o has its own scale, which applies to its whole kernel weight[o].",
    args: (rng) => [tensor4(rng, 2, 3, 1, 3), vector(rng, 2), bnOf(rng, 2)],
    compare: ["weight"],
  },
  {
    id: "more-outputs-non-square",
    name: "more output than input channels (2 → 4) with 3×2 kernels",
    visibility: "hidden",
    points: 2,
    hint: "The batch-norm parameters belong to the OUTPUT channels: the first index of weight.",
    args: (rng) => [tensor4(rng, 4, 2, 3, 2), vector(rng, 4), bnOf(rng, 4)],
  },
  {
    id: "more-inputs-non-square",
    name: "more input than output channels (5 → 2) with 1×3 kernels",
    visibility: "hidden",
    points: 2,
    hint: "W' has exactly the shape of W; b' has one entry per output channel.",
    args: (rng) => [tensor4(rng, 2, 5, 1, 3), vector(rng, 2), bnOf(rng, 2)],
  },
  {
    id: "negative-gamma",
    name: "negative γ on some channels (3 → 3, 3×3 kernels)",
    visibility: "hidden",
    points: 2,
    hint: "A negative γ flips the sign of a whole output channel: every tap of its kernel and its bias.",
    args: (rng) => [tensor4(rng, 3, 3, 3, 3), vector(rng, 3), bnOf(rng, 3, 1e-5, { gamma: signedGamma(rng, [-1, 1, -1]) })],
  },
  {
    id: "pointwise-negative-gamma",
    name: "1×1 (pointwise) kernels, 2 → 4 channels, negative γ",
    visibility: "hidden",
    points: 1,
    hint: "A 1×1 convolution is a dense layer applied at every pixel: the same per-output scale applies.",
    args: (rng) => [tensor4(rng, 4, 2, 1, 1), vector(rng, 4), bnOf(rng, 4, 1e-5, { gamma: signedGamma(rng, [1, -1, -1, 1]) })],
  },
  {
    id: "bias-terms",
    name: "folded bias with non-zero bias and running mean",
    visibility: "hidden",
    points: 2,
    hint: "The convolution's own bias passes through the normalization too: it is shifted and scaled like the rest of z.",
    args: (rng) => [tensor4(rng, 3, 2, 2, 2), vector(rng, 3, { min: 1, max: 4 }), bnOf(rng, 3)],
    compare: ["bias"],
  },
  {
    id: "tiny-running-variance",
    name: "running variance far below ε (r_σ² ≪ ε), 2 → 3 channels, 2×3 kernels",
    visibility: "hidden",
    points: 2,
    hint: "At test time the divisor is √(r_σ² + ε), with ε inside the root.",
    args: (rng) => [
      tensor4(rng, 3, 2, 2, 3),
      vector(rng, 3),
      bnOf(rng, 3, 1e-5, { runningVar: vector(rng, 3, { min: 1e-10, max: 5e-8 }) }),
    ],
  },
  {
    id: "large-running-mean",
    name: "large running mean (channels near 1e6)",
    visibility: "hidden",
    points: 1,
    hint: "Subtract the running mean from the bias before scaling, or scale both consistently.",
    args: (rng) => [
      tensor4(rng, 2, 2, 2, 2),
      vector(rng, 2),
      bnOf(rng, 2, 1e-5, { runningMean: [rng.uniform(0.5e6, 2e6), -rng.uniform(0.5e6, 2e6)], runningVar: vector(rng, 2, { min: 1e4, max: 1e5 }) }),
    ],
  },
  {
    id: "larger-epsilon",
    name: "ε = 0.01 with small running variances, 2 → 3 channels",
    visibility: "hidden",
    points: 1,
    hint: "Use the ε stored in the batch-norm layer.",
    args: (rng) => [tensor4(rng, 3, 2, 3, 1), vector(rng, 3), bnOf(rng, 3, 1e-2, { runningVar: vector(rng, 3, { min: 0.01, max: 0.5 }) })],
  },
  {
    id: "no-conv-bias",
    name: "a convolution without bias (b = 0)",
    visibility: "hidden",
    points: 1,
    hint: "Batch norm makes the convolution's bias redundant: β and the running mean still give b' a value.",
    args: (rng) => [tensor4(rng, 3, 2, 2, 2), [0, 0, 0], bnOf(rng, 3)],
  },
]);
