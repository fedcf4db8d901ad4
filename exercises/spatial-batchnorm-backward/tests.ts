/**
 * Tests for spatial-batchnorm-backward. Expected values come from
 * reference.ts, which reference.test.ts checks against centred differences
 * and against batch-norm backward on the (N·H·W)×C layout. Most inputs have
 * N > 1 and H·W > 1, so per-pixel statistics, instance statistics, a count of
 * N instead of N·H·W and a reshape without moving C last all show.
 */
import { defineTests, type Rng, tensor4, vector } from "../../grader/test-kit";

/** Non-unit γ with mixed signs: a missing γ in dx cannot hide behind γ = 1. */
const gammaOf = (rng: Rng, c: number) => vector(rng, c, { min: 0.5, max: 2 }).map((g, k) => (k % 3 === 1 ? -g : g));

export default defineTests([
  {
    id: "small-tensor",
    name: "2×3×2×2 input, unit γ",
    visibility: "public",
    points: 1,
    hint: "Recompute each channel's mean, biased variance and x̂ over its N·H·W values, as the forward pass did.",
    args: (rng) => [tensor4(rng, 2, 3, 2, 2), tensor4(rng, 2, 3, 2, 2), [1, 1, 1], 1e-5],
  },
  {
    id: "dgamma-dbeta",
    name: "dγ and dβ of a 2×2×3×3 input",
    visibility: "public",
    points: 1,
    hint: "Every example and every pixel of channel c uses the same γ_c and β_c: add up all N·H·W contributions.",
    args: (rng) => [tensor4(rng, 2, 2, 3, 3), tensor4(rng, 2, 2, 3, 3), gammaOf(rng, 2), 1e-5],
    compare: ["dgamma", "dbeta"],
  },
  {
    id: "one-by-one-pixels",
    name: "1×1 feature maps (the same as ordinary batch-norm backward)",
    visibility: "public",
    points: 1,
    hint: "With H = W = 1 the channels are the features of ordinary batch norm and N·H·W = N.",
    args: (rng) => [tensor4(rng, 5, 3, 1, 1), tensor4(rng, 5, 3, 1, 1), gammaOf(rng, 3), 1e-5],
  },
  {
    id: "numerical-gradient-check",
    name: "dx matches a centred-difference numerical gradient (N = 2, 3 channels of 2×3)",
    visibility: "hidden",
    points: 3,
    hint: "Each value moves its channel's mean and variance, which move every x̂ of that channel in every image.",
    args: (rng) => [tensor4(rng, 2, 3, 2, 3), tensor4(rng, 2, 3, 2, 3, { std: 1.5 }), gammaOf(rng, 3), 1e-5],
  },
  {
    id: "non-square-maps",
    name: "non-square maps (H = 2, W = 5) with N ≠ C",
    visibility: "hidden",
    points: 2,
    hint: "Walk the four indices n, c, h, w explicitly; never reinterpret the nested arrays as a flat list.",
    args: (rng) => [tensor4(rng, 2, 4, 2, 5), tensor4(rng, 2, 4, 2, 5), gammaOf(rng, 4), 1e-5],
  },
  {
    id: "single-example",
    name: "a batch of one image (N = 1)",
    visibility: "hidden",
    points: 2,
    hint: "With one image a channel still has H·W values, so dx is not zero: the sums run over the pixels.",
    args: (rng) => [tensor4(rng, 1, 3, 3, 3), tensor4(rng, 1, 3, 3, 3), gammaOf(rng, 3), 1e-5],
  },
  {
    id: "n-equals-c",
    name: "as many images as channels (N = C = 3)",
    visibility: "hidden",
    points: 2,
    hint: "Sums are per channel (index 1), over indices 0, 2 and 3.",
    args: (rng) => [tensor4(rng, 3, 3, 2, 2), tensor4(rng, 3, 3, 2, 2), gammaOf(rng, 3), 1e-5],
  },
  {
    id: "mean-path-only-gradient",
    name: "upstream gradient constant within each channel (only the mean path matters)",
    visibility: "hidden",
    points: 2,
    hint: "If every value of channel c gets the same G, shifting the whole channel changes nothing after normalization.",
    args: (rng) => {
      const g = vector(rng, 3);
      return [tensor4(rng, 2, 3, 2, 2).map((s) => s.map((p, c) => p.map((r) => r.map(() => g[c])))), tensor4(rng, 2, 3, 2, 2), gammaOf(rng, 3), 1e-5];
    },
  },
  {
    id: "constant-channel",
    name: "a constant channel (σ² = 0)",
    visibility: "hidden",
    points: 2,
    hint: "With σ² = 0 only ε keeps the division finite, and x̂ is 0 for that whole channel.",
    args: (rng) => {
      const x = tensor4(rng, 2, 3, 2, 3);
      const value = rng.uniform(-5, 5);
      for (const sample of x) sample[1] = sample[1].map((row) => row.map(() => value));
      return [tensor4(rng, 2, 3, 2, 3), x, gammaOf(rng, 3), 1e-5];
    },
  },
  {
    id: "tiny-variance",
    name: "very small variance (σ² ≪ ε)",
    visibility: "hidden",
    points: 2,
    hint: "ε goes inside the square root, √(σ² + ε), in the backward pass as in the forward pass.",
    args: (rng) => [tensor4(rng, 2, 2, 3, 3), tensor4(rng, 2, 2, 3, 3, { min: -1e-4, max: 1e-4, offset: 2 }), gammaOf(rng, 2), 1e-5],
  },
  {
    id: "large-common-offset",
    name: "large common offset (activations near 1e8)",
    visibility: "hidden",
    points: 2,
    hint: "Subtract the mean before squaring; E[x²] − μ² cancels catastrophically at this scale.",
    args: (rng) => [tensor4(rng, 2, 2, 3, 3), tensor4(rng, 2, 2, 3, 3, { min: -500, max: 500, offset: 1e8 }), gammaOf(rng, 2), 1e-5],
  },
  {
    id: "two-pixels-per-channel",
    name: "two images of 1×1 maps next to 2×1 maps: the count is N·H·W",
    visibility: "hidden",
    points: 2,
    hint: "The variance and the compact formula divide by the number of values in a channel, N·H·W — not by N, and not by N·H·W − 1.",
    args: (rng) => [tensor4(rng, 2, 2, 2, 1), tensor4(rng, 2, 2, 2, 1), gammaOf(rng, 2), 1e-5],
  },
  {
    id: "larger-epsilon",
    name: "a single channel with ε = 1e-2",
    visibility: "hidden",
    points: 1,
    hint: "Use the ε you are given, inside the square root.",
    args: (rng) => [tensor4(rng, 3, 1, 3, 2), tensor4(rng, 3, 1, 3, 2, { min: -0.2, max: 0.2 }), [rng.uniform(1.5, 2.5)], 1e-2],
  },
]);
