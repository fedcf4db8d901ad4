/**
 * The claims of the lesson sections on the compact backward pass, gradient
 * checking (fitting-batchnorm) and layer-norm backward (beyond-batchnorm),
 * recomputed: if the mathematics stops supporting a sentence, this fails.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { reviveArgs } from "../../grader/content/function-args";
import { createRng, matrix, vector } from "../../grader/test-kit";
import { batchnormBackwardCompact } from "../batchnorm-backward-compact/reference";
import { batchnormBackward as staged } from "../batchnorm-backward/alternatives/mean-form";
import { batchnormBackward } from "../batchnorm-backward/reference";
import { batchnormBackward as dropsMeanPath } from "../batchnorm-backward/mistakes/dropped-mean-path";
import { batchnormBackward as epsMissing } from "../batchnorm-backward/mistakes/eps-missing";
import { gradCheck, relError } from "../gradient-check/reference";
import { layernormBackward } from "../layernorm-backward/reference";
import { batchnormForward } from "../batchnorm-forward/reference";
import { layernormBackward as gammaFactoredOut } from "../layernorm-backward/mistakes/gamma-factored-out";

/** The analytic gradients handed to the student's checker: batchnorm-backward's reference and two of its known mistakes. */
const correctDx = (dout: number[][], x: number[][], gamma: number[], eps: number) => batchnormBackward(dout, x, gamma, eps).dx;
const dxWithoutMeanPath = (dout: number[][], x: number[][], gamma: number[], eps: number) => dropsMeanPath(dout, x, gamma, eps).dx;
const dxWithoutEps = (dout: number[][], x: number[][], gamma: number[], eps: number) => epsMissing(dout, x, gamma, eps).dx;

const lessonsDir = path.dirname(fileURLToPath(import.meta.url));
const lesson = (id: string) => readFileSync(path.join(lessonsDir, `${id}.md`), "utf8");
type F = (x: number[][]) => number[][];
const bn = (gamma: number[], beta: number[], eps: number) => reviveArgs([{ $fn: "batchnorm", gamma, beta, eps }], {})[0] as F;

describe("fitting-batchnorm: the compact backward pass", () => {
  it("the mean form γ/s·(G − mean G − x̂·mean(Gx̂)) equals the sum form, to rounding", () => {
    const rng = createRng(41);
    const dout = matrix(rng, 6, 4);
    const x = matrix(rng, 6, 4, { std: 2 });
    const gamma = vector(rng, 4, { min: -2, max: 2 });
    const a = batchnormBackwardCompact(dout, x, gamma, 1e-5).dx.flat();
    const b = staged(dout, x, gamma, 1e-5).dx.flat();
    expect(relError([a], [b])).toBeLessThan(1e-12);
    expect(lesson("fitting-batchnorm")).toContain("\\overline{G\\hat{x}}_{j}");
  });
});

describe("fitting-batchnorm: checking gradients numerically", () => {
  const rng = createRng(42);
  const n = 6;
  const x = matrix(rng, n, 3, { std: 1.5 });
  const dout = matrix(rng, n, 3);
  const gamma = [1.3, -0.6, 2];
  const beta = [0.2, -1, 0.5];
  const f = bn(gamma, beta, 1e-5);

  it("Σ f(x) for batch norm is N·Σβ whatever x is, so its gradient is zero", () => {
    const ones = x.map((row) => row.map(() => 1));
    const total = (v: number[][]) => batchnormForward(v, gamma, beta, 1e-5).out.flat().reduce((s, t) => s + t, 0);
    expect(total(x)).toBeCloseTo(n * beta.reduce((s, t) => s + t, 0), 10);
    expect(total(matrix(rng, n, 3, { std: 5 }))).toBeCloseTo(n * beta.reduce((s, t) => s + t, 0), 10);
    for (const g of gradCheck(f, x, ones, 1e-5).flat()) expect(Math.abs(g)).toBeLessThan(1e-6);
  });

  it("with h = 1e-5 a correct batch-norm dx measures below 1e-7; a missing mean path near 1e-1 or above", () => {
    const numeric = gradCheck(f, x, dout, 1e-5);
    expect(relError(numeric, correctDx(dout, x, gamma, 1e-5))).toBeLessThan(1e-7);
    expect(relError(numeric, dxWithoutMeanPath(dout, x, gamma, 1e-5))).toBeGreaterThan(5e-2);
    expect(lesson("fitting-batchnorm")).toMatch(/typically lands below \$10\^\{-7\}\$; a missing path lands near \$10\^\{-1\}\$ or above/);
  });

  it("centred errors shrink like h², one-sided like h: only the centred one resolves a misplaced ε", () => {
    const exact = correctDx(dout, x, gamma, 1e-5);
    const oneSided = (h: number) => {
      const base = batchnormForward(x, gamma, beta, 1e-5).out;
      const loss = (y: number[][]) => y.flat().reduce((s, v, k) => s + v * dout.flat()[k], 0);
      return x.map((row, i) =>
        row.map((_, j) => {
          const p = x.map((r) => [...r]);
          p[i][j] += h;
          return (loss(f(p)) - loss(base)) / h;
        }),
      );
    };
    const centredErr = (h: number) => relError(gradCheck(f, x, dout, h), exact);
    expect(centredErr(1e-3) / centredErr(1e-4)).toBeGreaterThan(50); // ~100 = (10)²
    expect(relError(oneSided(1e-3), exact) / relError(oneSided(1e-4), exact)).toBeLessThan(20); // ~10
    const fEps = bn(gamma, beta, 1e-2);
    const buggy = dxWithoutEps(dout, x, gamma, 1e-2);
    const correct = correctDx(dout, x, gamma, 1e-2);
    const centred = gradCheck(fEps, x, dout, 1e-5);
    expect(relError(centred, correct)).toBeLessThan(1e-2 * relError(centred, buggy));
  });
});

describe("beyond-batchnorm: layer norm backward", () => {
  const rng = createRng(43);
  const dout = matrix(rng, 4, 5);
  const x = matrix(rng, 4, 5, { std: 2 });

  it("each row of dx sums to zero, and one example has a non-zero dx", () => {
    const gamma = vector(rng, 5, { min: -2, max: 2 });
    for (const row of layernormBackward(dout, x, gamma, 1e-5).dx) expect(Math.abs(row.reduce((s, v) => s + v, 0))).toBeLessThan(1e-12);
    const one = layernormBackward([dout[0]], [x[0]], gamma, 1e-5).dx[0];
    expect(Math.max(...one.map(Math.abs))).toBeGreaterThan(1e-3);
  });

  it("batch norm's form with γ outside the bracket is right only when all γ_j are equal", () => {
    const equal = [1.7, 1.7, 1.7, 1.7, 1.7];
    const varied = [1.7, -0.4, 2, 0.9, 1.1];
    const diff = (g: number[]) => relError(layernormBackward(dout, x, g, 1e-5).dx, gammaFactoredOut(dout, x, g, 1e-5).dx);
    expect(diff(equal)).toBeLessThan(1e-12);
    expect(diff(varied)).toBeGreaterThan(1e-2);
  });
});
