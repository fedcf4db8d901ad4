/** Tests for the content-as-data fixture exercise (instance norm). Planes have their own offsets, so batch statistics are visibly wrong. */
import { defineTests, type Rng, tensor4, vector } from "../../grader/test-kit";

const planes = (rng: Rng, n: number, c: number, h: number, w: number) =>
  tensor4(rng, n, c, h, w).map((example, i) => example.map((plane, k) => plane.map((row) => row.map((v) => (i + 1) * v + 2 * k - i))));

export default defineTests([
  {
    id: "small",
    name: "2×2×2×2 input, unit γ, zero β",
    visibility: "public",
    points: 1,
    hint: "Each (example, channel) plane is normalized over its own H·W values.",
    args: (rng) => [planes(rng, 2, 2, 2, 2), [1, 1], [0, 0], 1e-5],
  },
  {
    id: "scale-shift",
    name: "1×3×2×3 input with per-channel γ and β",
    visibility: "public",
    points: 1,
    hint: "γ_c and β_c are per channel.",
    args: (rng) => [planes(rng, 1, 3, 2, 3), vector(rng, 3, { min: 0.5, max: 2 }), vector(rng, 3), 1e-5],
  },
  {
    id: "single-pixel-rows",
    name: "3×2×1×4 input",
    visibility: "public",
    points: 1,
    hint: "H = 1 still means statistics over all W values of the plane.",
    args: (rng) => [planes(rng, 3, 2, 1, 4), [1, 1], [0, 0], 1e-5],
  },
  {
    id: "several-examples",
    name: "4 examples with different offsets",
    visibility: "hidden",
    points: 3,
    hint: "Statistics never mix examples: example n's plane uses only its own values.",
    args: (rng) => [planes(rng, 4, 2, 3, 3), vector(rng, 2, { min: 0.5, max: 2 }), vector(rng, 2), 1e-5],
  },
  {
    id: "small-variance",
    name: "planes with variance far below ε",
    visibility: "hidden",
    points: 3,
    hint: "ε goes inside the square root, added to the variance.",
    args: (rng) => [tensor4(rng, 2, 2, 2, 2, { min: -1e-4, max: 1e-4, offset: rng.uniform(-1, 1) }), [1, 1], [0, 0], 1e-5],
  },
]);
