/**
 * Tests for batchnorm-inference: stateful scenarios (grader/FORMAT.md). Every
 * `call` that returns a value and every `get` is compared with the reference
 * replaying the same steps. Hidden scenarios cover several training steps,
 * eval on one row and back to training, two instances side by side, momentum
 * 0 and other values, and γ/β set to non-default values.
 */
import { constant, defineTests, matrix, type Rng, type ScenarioStep } from "../../grader/test-kit";

// Small step builders keep the scenarios readable.
const create = (instance: string, ...args: unknown[]): ScenarioStep => ({ op: "new", instance, args });
const forward = (instance: string, x: number[][]): ScenarioStep => ({ op: "call", instance, method: "forward", args: [x] });
const mode = (instance: string, method: "train" | "eval"): ScenarioStep => ({ op: "call", instance, method, args: [] });
const get = (instance: string, field: string): ScenarioStep => ({ op: "get", instance, field });
const set = (instance: string, field: string, value: unknown): ScenarioStep => ({ op: "set", instance, field, value });
const runningStats = (instance: string): ScenarioStep[] => [get(instance, "runningMean"), get(instance, "runningVar")];
/** Batches whose features have clearly different means and spreads, so momentum mistakes show. */
const batch = (rng: Rng, n: number, d: number) =>
  matrix(rng, n, d).map((row) => row.map((v, j) => 1.5 * (j + 1) * v + (j - 1) * 2));

export default defineTests([
  {
    id: "new-instance-defaults",
    name: "a new layer: γ = 1, β = 0, running mean 0, running variance 1, training mode",
    visibility: "public",
    points: 1,
    hint: "Every field has one entry per feature; the layer starts in training mode.",
    scenario: [create("bn", 3), get("bn", "gamma"), get("bn", "beta"), ...runningStats("bn"), get("bn", "training")],
  },
  {
    id: "one-training-step",
    name: "one training step: output and running averages",
    visibility: "public",
    points: 1,
    hint: "Training normalizes with the batch's own statistics, then blends them into the running averages.",
    scenario: (rng) => [create("bn", 3), forward("bn", batch(rng, 4, 3)), ...runningStats("bn")],
  },
  {
    id: "eval-after-training",
    name: "evaluation after one training step",
    visibility: "public",
    points: 1,
    hint: "In evaluation mode the batch's own statistics are not used at all.",
    scenario: (rng) => [create("bn", 3), forward("bn", batch(rng, 5, 3)), mode("bn", "eval"), forward("bn", batch(rng, 3, 3))],
  },
  {
    id: "running-stats-three-steps",
    name: "running mean and variance after 3 training steps",
    visibility: "hidden",
    points: 2,
    hint: "With the default momentum 0.9, 90% of the old running value is kept at each step.",
    scenario: (rng) => [
      create("bn", 4),
      forward("bn", batch(rng, 6, 4)),
      forward("bn", batch(rng, 5, 4)),
      forward("bn", batch(rng, 8, 4)),
      ...runningStats("bn"),
    ],
  },
  {
    id: "eval-one-row-then-train",
    name: "train 3 steps → evaluate a single row → back to training",
    visibility: "hidden",
    points: 3,
    hint: "A single test example has no batch statistics of its own; evaluation must not touch the running averages.",
    scenario: (rng) => [
      create("bn", 3),
      forward("bn", batch(rng, 6, 3)),
      forward("bn", batch(rng, 6, 3)),
      forward("bn", batch(rng, 6, 3)),
      mode("bn", "eval"),
      get("bn", "training"),
      forward("bn", batch(rng, 1, 3)),
      ...runningStats("bn"),
      mode("bn", "train"),
      get("bn", "training"),
      forward("bn", batch(rng, 4, 3)),
      ...runningStats("bn"),
    ],
  },
  {
    id: "eval-leaves-running-stats",
    name: "several evaluation batches leave the running averages unchanged",
    visibility: "hidden",
    points: 2,
    hint: "Running averages are updated only in training mode.",
    scenario: (rng) => [
      create("bn", 3),
      forward("bn", batch(rng, 5, 3)),
      mode("bn", "eval"),
      forward("bn", batch(rng, 4, 3)),
      forward("bn", batch(rng, 7, 3)),
      ...runningStats("bn"),
    ],
  },
  {
    id: "eval-fresh-layer",
    name: "evaluation on a layer that never trained",
    visibility: "hidden",
    points: 2,
    hint: "Before any training the running averages still have their initial values.",
    scenario: (rng) => [create("bn", 3), mode("bn", "eval"), forward("bn", batch(rng, 2, 3)), forward("bn", batch(rng, 1, 3))],
  },
  {
    id: "momentum-zero",
    name: "explicit momentum 0: the running averages equal the last batch's statistics",
    visibility: "hidden",
    points: 2,
    hint: "0 is a valid momentum. How does your constructor tell 'not given' apart from 0?",
    scenario: (rng) => [
      create("bn", 3, { momentum: 0 }),
      forward("bn", batch(rng, 5, 3)),
      forward("bn", batch(rng, 4, 3)),
      ...runningStats("bn"),
      mode("bn", "eval"),
      forward("bn", batch(rng, 1, 3)),
    ],
  },
  {
    id: "momentum-half-large-eps",
    name: "momentum 0.5 and ε = 0.01",
    visibility: "hidden",
    points: 2,
    hint: "Both options must be used in training and in evaluation; ε sits inside the square root.",
    scenario: (rng) => [
      create("bn", 4, { momentum: 0.5, eps: 1e-2 }),
      forward("bn", batch(rng, 6, 4)),
      forward("bn", batch(rng, 3, 4)),
      ...runningStats("bn"),
      mode("bn", "eval"),
      forward("bn", batch(rng, 2, 4)),
    ],
  },
  {
    id: "two-instances",
    name: "two layers side by side keep separate state",
    visibility: "hidden",
    points: 2,
    hint: "Nothing may be shared between instances: no module-level or static state.",
    scenario: (rng) => [
      create("a", 3),
      create("b", 3, { momentum: 0.5 }),
      forward("a", batch(rng, 4, 3)),
      forward("b", batch(rng, 6, 3)),
      forward("a", batch(rng, 5, 3)),
      mode("b", "eval"),
      forward("b", batch(rng, 1, 3)),
      ...runningStats("a"),
      ...runningStats("b"),
      get("a", "training"),
      get("b", "training"),
    ],
  },
  {
    id: "custom-gamma-beta",
    name: "γ and β set to non-default values (negative γ included)",
    visibility: "hidden",
    points: 2,
    hint: "γ and β are public fields: read them at every forward call, in both modes.",
    scenario: (rng) => [
      create("bn", 3),
      set("bn", "gamma", [1.5, -2, 0.5]),
      set("bn", "beta", [0.1, 0.2, -0.3]),
      forward("bn", batch(rng, 5, 3)),
      mode("bn", "eval"),
      forward("bn", batch(rng, 2, 3)),
      get("bn", "gamma"),
    ],
  },
  {
    id: "training-batch-of-one",
    name: "a training batch of one example (N = 1)",
    visibility: "hidden",
    points: 2,
    hint: "With N = 1 the batch variance is 0 and the output is β; the running averages still update.",
    scenario: (rng) => [create("bn", 3), forward("bn", batch(rng, 1, 3)), ...runningStats("bn")],
  },
  {
    id: "constant-feature-column",
    name: "constant feature column in a training batch",
    visibility: "hidden",
    points: 2,
    hint: "σ² = 0 for that column; only ε keeps the division finite.",
    scenario: (rng) => {
      const x = batch(rng, 5, 3);
      for (const row of x) row[2] = 4;
      return [create("bn", 3), forward("bn", x), ...runningStats("bn"), mode("bn", "eval"), forward("bn", constant(1, 3, 4))];
    },
  },
  {
    id: "large-common-offset",
    name: "training on inputs near 1e8",
    visibility: "hidden",
    points: 2,
    hint: "Subtract the mean before squaring; E[x²] − μ² loses everything at this scale.",
    scenario: (rng) => [
      create("bn", 3),
      forward("bn", matrix(rng, 6, 3, { min: -500, max: 500, offset: 1e8 })),
      ...runningStats("bn"),
    ],
  },
]);
