/**
 * Tests for groupnorm (forward is the entry; backward tests name
 * `entry: "groupnormBackward"`). γ differs between the channels of a group and
 * G is strictly between 1 and C in most tests, so interleaved groups, γ per
 * group and the batch-norm compact form (γ outside the group sums) all show.
 * The tests named "groups = 1 …" and "groups = C …" are the two special cases
 * (reference.test.ts proves the reference equals layer norm and instance norm
 * there); the "… throws" tests are the prompt's error rule.
 */
import { defineTests, type Rng, tensor4, vector } from "../../grader/test-kit";

/** Non-unit γ with mixed signs that differs from channel to channel. */
const gammaOf = (rng: Rng, c: number) => vector(rng, c, { min: 0.5, max: 2 }).map((g, k) => (k % 3 === 1 ? -g : g));
const backward = "groupnormBackward";

export default defineTests([
  {
    id: "forward-two-groups",
    name: "forward: 2×4×2×2 input, 2 groups of 2 channels",
    visibility: "public",
    points: 1,
    hint: "Channels 0–1 form group 0 and channels 2–3 group 1; each (example, group) has its own mean and variance over 2·H·W values.",
    args: (rng) => [tensor4(rng, 2, 4, 2, 2), gammaOf(rng, 4), vector(rng, 4), 2, 1e-5],
  },
  {
    id: "forward-statistics",
    name: "forward: the N×G means and variances of a 1×6×2×3 input, 3 groups",
    visibility: "public",
    points: 1,
    hint: "mean[n][g] and variance[n][g] use the biased variance (divide by the number of values in the group).",
    args: (rng) => [tensor4(rng, 1, 6, 2, 3), gammaOf(rng, 6), vector(rng, 6), 3, 1e-5],
    compare: ["mean", "variance"],
  },
  {
    id: "backward-two-groups",
    name: "backward: 2×4×2×2 input, 2 groups",
    visibility: "public",
    points: 1,
    entry: backward,
    hint: "Recompute the group statistics and x̂ from x; dγ and dβ are per channel, dx per group.",
    args: (rng) => [tensor4(rng, 2, 4, 2, 2), tensor4(rng, 2, 4, 2, 2), gammaOf(rng, 4), 2, 1e-5],
  },
  {
    id: "groups-must-divide-channels",
    name: "forward: C = 6 with 4 groups throws an Error",
    visibility: "public",
    points: 1,
    throws: true,
    hint: "The groups must split the channels evenly: throw an Error when C is not a multiple of groups.",
    args: (rng) => [tensor4(rng, 1, 6, 2, 2), gammaOf(rng, 6), vector(rng, 6), 4, 1e-5],
  },
  {
    id: "groups-one-is-layer-norm",
    name: "forward: groups = 1 is layer norm over C·H·W",
    visibility: "hidden",
    points: 2,
    hint: "With one group, each example is normalized with the statistics of all its C·H·W values.",
    args: (rng) => [tensor4(rng, 2, 4, 2, 2), gammaOf(rng, 4), vector(rng, 4), 1, 1e-5],
  },
  {
    id: "groups-c-is-instance-norm",
    name: "forward: groups = C is instance norm (per example and channel over H·W)",
    visibility: "hidden",
    points: 2,
    hint: "With G = C every group is one channel of one example: its H·W values.",
    args: (rng) => [tensor4(rng, 2, 3, 2, 3), gammaOf(rng, 3), vector(rng, 3), 3, 1e-5],
  },
  {
    id: "forward-contiguous-groups",
    name: "forward: 8 channels in 4 groups, N ≠ C, 1×2 maps",
    visibility: "hidden",
    points: 2,
    hint: "Group g holds channels g·C/G … (g+1)·C/G − 1: neighbouring channels, not every G-th channel.",
    args: (rng) => [tensor4(rng, 2, 8, 1, 2), gammaOf(rng, 8), vector(rng, 8), 4, 1e-5],
  },
  {
    id: "forward-constant-group",
    name: "forward: a constant group (σ² = 0) gives β",
    visibility: "hidden",
    points: 2,
    hint: "A group whose values are all equal has variance 0; only ε keeps the division finite, and x̂ = 0 there.",
    args: (rng) => {
      const x = tensor4(rng, 2, 4, 2, 2);
      const value = rng.uniform(-5, 5);
      for (const sample of x) for (const c of [2, 3]) sample[c] = sample[c].map((row) => row.map(() => value));
      return [x, gammaOf(rng, 4), vector(rng, 4), 2, 1e-5];
    },
  },
  {
    id: "forward-large-offset",
    name: "forward: large common offset (activations near 1e8)",
    visibility: "hidden",
    points: 2,
    hint: "Subtract the group mean before squaring; E[x²] − μ² cancels catastrophically at this scale.",
    args: (rng) => [tensor4(rng, 2, 4, 2, 3, { min: -500, max: 500, offset: 1e8 }), gammaOf(rng, 4), vector(rng, 4), 2, 1e-5],
  },
  {
    id: "backward-numerical-gradient",
    name: "backward: dx matches a centred-difference gradient (6 channels, 3 groups)",
    visibility: "hidden",
    points: 3,
    entry: backward,
    hint: "Each value moves its group's mean and variance, which move every x̂ of that group — and those x̂ are scaled by different γ_c.",
    args: (rng) => [tensor4(rng, 2, 6, 2, 2), tensor4(rng, 2, 6, 2, 2, { std: 1.5 }), gammaOf(rng, 6), 3, 1e-5],
  },
  {
    id: "backward-gamma-varies-in-group",
    name: "backward: groups = 1 (layer norm over C·H·W), γ differs between the channels of the group",
    visibility: "hidden",
    points: 2,
    entry: backward,
    hint: "The batch-norm compact form pulls γ out of the sums; here the sums run over channels with different γ_c, so keep dx̂ = γ_c·G inside them.",
    args: (rng) => [tensor4(rng, 2, 4, 2, 2), tensor4(rng, 2, 4, 2, 2), [1.5, -0.5, 2, 0.75].map((g) => g * rng.uniform(0.8, 1.2)), 1, 1e-5],
  },
  {
    id: "backward-groups-c-instance-norm",
    name: "backward: groups = C (instance norm)",
    visibility: "hidden",
    points: 2,
    entry: backward,
    hint: "With G = C the sums in dx run over the H·W values of one channel of one example.",
    args: (rng) => [tensor4(rng, 2, 4, 1, 3), tensor4(rng, 2, 4, 1, 3), gammaOf(rng, 4), 4, 1e-5],
  },
  {
    id: "backward-tiny-variance",
    name: "backward: very small variance (σ² ≪ ε) with ε = 1e-3",
    visibility: "hidden",
    points: 2,
    entry: backward,
    hint: "ε sits inside the square root, √(σ² + ε), in the backward pass as in the forward pass.",
    args: (rng) => [tensor4(rng, 2, 4, 2, 2), tensor4(rng, 2, 4, 2, 2, { min: -1e-3, max: 1e-3, offset: 2 }), gammaOf(rng, 4), 2, 1e-3],
  },
  {
    id: "backward-single-example",
    name: "backward: a batch of one image (N = 1)",
    visibility: "hidden",
    points: 2,
    entry: backward,
    hint: "Group norm does not need a batch: one image still has (C/G)·H·W values per group.",
    args: (rng) => [tensor4(rng, 1, 6, 2, 2), tensor4(rng, 1, 6, 2, 2), gammaOf(rng, 6), 2, 1e-5],
  },
  {
    id: "backward-not-divisible-throws",
    name: "backward: C = 6 with 4 groups throws an Error",
    visibility: "hidden",
    points: 1,
    entry: backward,
    throws: true,
    hint: "The backward pass checks groups exactly like the forward pass.",
    args: (rng) => [tensor4(rng, 1, 6, 2, 2), tensor4(rng, 1, 6, 2, 2), gammaOf(rng, 6), 4, 1e-5],
  },
]);
