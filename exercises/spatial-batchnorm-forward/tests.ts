/**
 * Tests for spatial-batchnorm-forward. Most inputs have H·W > 1 and N > 1 so
 * that per-pixel statistics, per-example statistics and a reshape that does
 * not move C last all give visibly wrong answers.
 */
import { defineTests, type Rng, tensor4, vector } from "../../grader/test-kit";

const gammaOf = (rng: Rng, c: number) => vector(rng, c, { min: 0.5, max: 2 });

export default defineTests([
  {
    id: "small-tensor",
    name: "2×3×2×2 input, unit γ, zero β",
    visibility: "public",
    points: 1,
    hint: "Each channel gets one mean and one variance, taken over every example and every pixel.",
    args: (rng) => [tensor4(rng, 2, 3, 2, 2), [1, 1, 1], [0, 0, 0], 1e-5],
  },
  {
    id: "scale-and-shift",
    name: "2×2×3×3 input with per-channel γ and β",
    visibility: "public",
    points: 1,
    hint: "γ_c and β_c are shared by every pixel of channel c.",
    args: (rng) => [tensor4(rng, 2, 2, 3, 3), gammaOf(rng, 2), vector(rng, 2), 1e-5],
  },
  {
    id: "one-by-one-pixels",
    name: "1×1 feature maps (the same as ordinary batch norm)",
    visibility: "public",
    points: 1,
    hint: "With H = W = 1 the channels play the role of the features of ordinary batch norm.",
    args: (rng) => [tensor4(rng, 5, 3, 1, 1), gammaOf(rng, 3), vector(rng, 3), 1e-5],
  },
  {
    id: "non-square-maps",
    name: "non-square feature maps (H = 2, W = 5) with N ≠ C",
    visibility: "hidden",
    points: 2,
    hint: "Walk the four indices n, c, h, w explicitly; never reinterpret the nested arrays as a flat list.",
    args: (rng) => [tensor4(rng, 3, 4, 2, 5), gammaOf(rng, 4), vector(rng, 4), 1e-5],
  },
  {
    id: "single-example",
    name: "a batch of one image (N = 1)",
    visibility: "hidden",
    points: 2,
    hint: "Even with one image, a channel has H·W values to average over.",
    args: (rng) => [tensor4(rng, 1, 3, 3, 3), gammaOf(rng, 3), vector(rng, 3), 1e-5],
  },
  {
    id: "n-equals-c",
    name: "as many images as channels (N = C = 3)",
    visibility: "hidden",
    points: 2,
    hint: "Statistics are per channel (index 1), over indices 0, 2 and 3.",
    args: (rng) => [tensor4(rng, 3, 3, 2, 2), gammaOf(rng, 3), vector(rng, 3), 1e-5],
  },
  {
    id: "constant-channel",
    name: "a constant channel (σ² = 0)",
    visibility: "hidden",
    points: 2,
    hint: "If a channel is constant its variance is 0; only ε keeps the division finite and the output is β_c.",
    args: (rng) => {
      const x = tensor4(rng, 2, 3, 2, 3);
      for (const sample of x) sample[1] = sample[1].map((row) => row.map(() => -1.5));
      return [x, gammaOf(rng, 3), vector(rng, 3), 1e-5];
    },
  },
  {
    id: "tiny-variance",
    name: "very small variance (σ² ≪ ε)",
    visibility: "hidden",
    points: 2,
    hint: "ε goes inside the square root: √(σ² + ε).",
    args: (rng) => [tensor4(rng, 2, 2, 3, 3, { min: -1e-4, max: 1e-4, offset: 2 }), gammaOf(rng, 2), vector(rng, 2), 1e-5],
  },
  {
    id: "large-common-offset",
    name: "large common offset (activations near 1e8)",
    visibility: "hidden",
    points: 2,
    hint: "Subtract the mean before squaring; E[x²] − μ² cancels catastrophically at this scale.",
    args: (rng) => [tensor4(rng, 2, 2, 3, 3, { min: -500, max: 500, offset: 1e8 }), gammaOf(rng, 2), vector(rng, 2), 1e-5],
  },
  {
    id: "negative-gamma-small-batch",
    name: "negative γ, two images of 2×2",
    visibility: "hidden",
    points: 2,
    hint: "The variance divides by the number of values, N·H·W — not by N·H·W − 1.",
    args: (rng) => [tensor4(rng, 2, 2, 2, 2), [-1.5, 0.75], vector(rng, 2), 1e-5],
  },
  {
    id: "single-channel-larger-eps",
    name: "a single channel with ε = 1e-3",
    visibility: "hidden",
    points: 1,
    hint: "Use the ε you are given.",
    args: (rng) => [tensor4(rng, 3, 1, 3, 2, { min: -0.2, max: 0.2 }), [2], [0.5], 1e-3],
  },
]);
