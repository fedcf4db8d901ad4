/**
 * Tests for gradient-check. The student's checker is graded two ways:
 *  - directly: gradCheck's numerical gradient against the reference's on the
 *    same function (built from the grader's function catalog, see
 *    grader/content/function-args.ts), and relError against the reference's;
 *  - as a tool: the student's relError applied to the student's own gradCheck
 *    result ($call) and a known analytic gradient (batchnorm-backward's reference and mistakes) — it
 *    must accept the correct batch-norm dx and flag the buggy ones with the
 *    same verdict the reference checker gives.
 * Direct gradient tests allow 1e-8 + 1e-6·|b|: far above the rounding of a
 * different summation order (~1e-10), far below a one-sided difference (~1e-5).
 */
import { defineTests, matrix, type Rng, vector } from "../../grader/test-kit";
import { batchnormBackward } from "../batchnorm-backward/reference";
import { batchnormBackward as dropsMeanPath } from "../batchnorm-backward/mistakes/dropped-mean-path";
import { batchnormBackward as epsMissing } from "../batchnorm-backward/mistakes/eps-missing";

/** The analytic gradients handed to the student's checker: batchnorm-backward's reference and two of its known mistakes. */
const correctDx = (dout: number[][], x: number[][], gamma: number[], eps: number) => batchnormBackward(dout, x, gamma, eps).dx;
const dxWithoutMeanPath = (dout: number[][], x: number[][], gamma: number[], eps: number) => dropsMeanPath(dout, x, gamma, eps).dx;
const dxWithoutEps = (dout: number[][], x: number[][], gamma: number[], eps: number) => epsMissing(dout, x, gamma, eps).dx;

const tanh = () => ({ $fn: "tanh" });
const batchnorm = (gamma: number[], beta: number[], eps: number) => ({ $fn: "batchnorm", gamma, beta, eps });
const layernorm = (gamma: number[], beta: number[], eps: number) => ({ $fn: "layernorm", gamma, beta, eps });
/** The value of the student's own gradCheck on these arguments, computed inside the sandbox. */
const checked = (f: object, x: number[][], dout: number[][], h: number) => ({ $call: "gradCheck", args: [f, x, dout, h] });

/** A batch-norm layer and data for the "checker as a tool" tests. */
function bnCase(rng: Rng, n: number, d: number, eps: number) {
  const x = matrix(rng, n, d, { std: 1.5 });
  const dout = matrix(rng, n, d);
  const gamma = vector(rng, d, { min: 0.5, max: 2 }).map((g, j) => (j % 2 ? -g : g));
  const beta = vector(rng, d);
  return { x, dout, gamma, f: batchnorm(gamma, beta, eps) };
}

export default defineTests([
  {
    id: "tanh-gradient",
    name: "numerical gradient of tanh on a 3×2 input",
    visibility: "public",
    points: 1,
    hint: "For each entry k, evaluate L = Σ f(x)·dout at x + h·e_k and at x − h·e_k, and divide the difference by 2h.",
    args: (rng) => [tanh(), matrix(rng, 3, 2), matrix(rng, 3, 2), 1e-5],
  },
  {
    id: "rel-error-basics",
    name: "relError of two 2×2 matrices that differ in one entry",
    visibility: "public",
    points: 1,
    entry: "relError",
    hint: "Per entry |a − b| / max(1e-8, |a| + |b|); return the largest.",
    args: [
      [
        [1, -2],
        [0.5, 3],
      ],
      [
        [1.1, -2],
        [0.5, 3],
      ],
    ],
  },
  {
    id: "accepts-correct-gradient-public",
    name: "your checker accepts the correct batch-norm dx (4×3)",
    visibility: "public",
    points: 1,
    entry: "relError",
    tolerance: { atol: 1e-6, rtol: 0 },
    hint: "relError(gradCheck(f, x, dout, 1e-5), correct dx) must be tiny (well below 1e-6): centred differences have an error of order h².",
    args: (rng) => {
      const c = bnCase(rng, 4, 3, 1e-5);
      return [checked(c.f, c.x, c.dout, 1e-5), correctDx(c.dout, c.x, c.gamma, 1e-5)];
    },
  },
  {
    id: "batchnorm-gradient",
    name: "numerical gradient of a batch-norm layer (N = 5, D = 2)",
    visibility: "hidden",
    points: 2,
    hint: "Weight each output by dout before summing: L = Σ f(x)·dout, not Σ f(x). For batch norm Σ f(x) does not even depend on x.",
    args: (rng) => {
      const c = bnCase(rng, 5, 2, 1e-5);
      return [c.f, c.x, c.dout, 1e-5];
    },
  },
  {
    id: "output-shape-differs",
    name: "a function whose output is wider than its input (affine map, 4×3 → 4×5)",
    visibility: "hidden",
    points: 2,
    hint: "The sum L = Σ f(x)·dout runs over the entries of f(x) (dout's shape); the gradient has x's shape.",
    args: (rng) => [{ $fn: "affine", weight: matrix(rng, 3, 5), bias: vector(rng, 5) }, matrix(rng, 4, 3), matrix(rng, 4, 5), 1e-5],
  },
  {
    id: "layernorm-larger-step",
    name: "layer norm with a larger step h = 1e-3",
    visibility: "hidden",
    points: 2,
    hint: "Use the h you are given, and divide by 2h: the two evaluations are 2h apart.",
    args: (rng) => [layernorm(vector(rng, 4, { min: 0.5, max: 2 }), vector(rng, 4), 1e-5), matrix(rng, 3, 4), matrix(rng, 3, 4), 1e-3],
  },
  {
    id: "square-tanh",
    name: "tanh on a square 3×3 input with a non-uniform upstream gradient",
    visibility: "hidden",
    points: 1,
    hint: "Perturb one entry at a time; perturbing all of x at once gives a single directional derivative, not a gradient.",
    args: (rng) => [tanh(), matrix(rng, 3, 3), matrix(rng, 3, 3), 1e-5],
  },
  {
    id: "rel-error-mixed-scales",
    name: "relError where entries of very different sizes differ by different amounts",
    visibility: "hidden",
    points: 2,
    entry: "relError",
    hint: "Relative, entry by entry, and the WORST entry counts: one wrong entry is a bug even if the rest are perfect.",
    args: (rng) => {
      const a = matrix(rng, 3, 4).map((row, i) => row.map((v) => v * 10 ** (i - 1)));
      const b = a.map((row) => row.map((v) => v * (1 + rng.uniform(-1e-3, 1e-3))));
      b[rng.int(0, 2)][rng.int(0, 3)] += rng.uniform(0.05, 0.2);
      return [a, b];
    },
  },
  {
    id: "rel-error-zero-entries",
    name: "relError when some entries are exactly zero in both matrices",
    visibility: "hidden",
    points: 2,
    entry: "relError",
    hint: "Where a and b are both 0 the ratio is 0/0: the floor max(1e-8, |a| + |b|) is there to make it 0.",
    args: (rng) => {
      const a = matrix(rng, 3, 3);
      const b = a.map((row) => row.map((v) => v + rng.uniform(-1e-4, 1e-4)));
      for (const k of [0, 4, 8]) {
        a[Math.floor(k / 3)][k % 3] = 0;
        b[Math.floor(k / 3)][k % 3] = 0;
      }
      return [a, b];
    },
  },
  {
    id: "accepts-correct-gradient",
    name: "your checker accepts the correct batch-norm dx (5×2)",
    visibility: "hidden",
    points: 3,
    entry: "relError",
    tolerance: { atol: 1e-6, rtol: 0 },
    hint: "A correct gradient must come out with a relative error far below 1e-6: use centred differences, not one-sided ones.",
    args: (rng) => {
      const c = bnCase(rng, 5, 2, 1e-5);
      return [checked(c.f, c.x, c.dout, 1e-5), correctDx(c.dout, c.x, c.gamma, 1e-5)];
    },
  },
  {
    id: "flags-dropped-mean-path",
    name: "your checker flags a batch-norm dx that drops the mean path",
    visibility: "hidden",
    points: 3,
    entry: "relError",
    tolerance: { atol: 1e-6, rtol: 1e-3 },
    hint: "A gradient with a missing term must give a large relative error; check that relError takes the worst entry, relative to |a| + |b|.",
    args: (rng) => {
      const c = bnCase(rng, 4, 3, 1e-5);
      return [checked(c.f, c.x, c.dout, 1e-5), dxWithoutMeanPath(c.dout, c.x, c.gamma, 1e-5)];
    },
  },
  {
    id: "flags-missing-epsilon",
    name: "your checker measures a subtle bug (ε left out of dx) as the reference does",
    visibility: "hidden",
    points: 3,
    entry: "relError",
    tolerance: { atol: 1e-6, rtol: 1e-3 },
    hint: "A small error needs a precise checker: only centred differences with the right scale resolve it.",
    args: (rng) => {
      const c = bnCase(rng, 4, 3, 1e-2);
      return [checked(c.f, c.x, c.dout, 1e-5), dxWithoutEps(c.dout, c.x, c.gamma, 1e-2)];
    },
  },
]);
