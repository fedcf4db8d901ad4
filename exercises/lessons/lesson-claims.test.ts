/**
 * Every number and identity the lessons state, recomputed. A lesson that
 * claims something the mathematics does not support fails here (the
 * training-curves claims are checked by app/_components/figures/toy-mlp.test.ts).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createRng, matrix, vector } from "../../grader/test-kit";
import { batchnormBackward } from "../batchnorm-backward/reference";
import { batchnormForward } from "../batchnorm-forward/reference";

const lessonsDir = path.dirname(fileURLToPath(import.meta.url));
const lesson = (id: string) => readFileSync(path.join(lessonsDir, `${id}.md`), "utf8");

function columnStats(x: number[][], j: number, eps: number) {
  const n = x.length;
  const mean = x.reduce((s, r) => s + r[j], 0) / n;
  const variance = x.reduce((s, r) => s + (r[j] - mean) ** 2, 0) / n;
  return { mean, variance, xhat: x.map((r) => (r[j] - mean) / Math.sqrt(variance + eps)) };
}

describe("normalizing-activations", () => {
  it("worked example: 2, 4, 4, 6 has μ = 4, σ² = 2 and x̂₁ ≈ −1.41421", () => {
    const r = batchnormForward([[2], [4], [4], [6]], [1], [0], 1e-5);
    expect(r.mean[0]).toBe(4);
    expect(r.variance[0]).toBe(2);
    expect(r.out[0][0]).toBeCloseTo(-Math.SQRT2, 5);
    expect(lesson("normalizing-activations")).toContain("\\approx -1.41421");
  });
});

describe("fitting-batchnorm: properties of dx", () => {
  const eps = 1e-5;
  const cases = [
    { label: "unit-scale data", scale: 1 },
    { label: "tiny variance (σ² ≪ ε)", scale: 1e-4 },
  ];

  it.each(cases)("each column of dx sums to zero exactly ($label)", ({ scale }) => {
    const rng = createRng(11);
    const x = matrix(rng, 6, 3).map((r) => r.map((v) => 3 + scale * v));
    const { dx } = batchnormBackward(matrix(rng, 6, 3), x, vector(rng, 3, { min: 0.5, max: 2 }), eps);
    for (let j = 0; j < 3; j++) {
      const size = dx.reduce((s, r) => s + Math.abs(r[j]), 0);
      expect(Math.abs(dx.reduce((s, r) => s + r[j], 0))).toBeLessThan(1e-12 * Math.max(1, size));
    }
  });

  it.each(cases)("Σᵢ dxᵢⱼ x̂ᵢⱼ = γⱼ dγⱼ ε / (σ²ⱼ + ε)^{3/2} ($label)", ({ scale }) => {
    const rng = createRng(12);
    const x = matrix(rng, 6, 3).map((r) => r.map((v) => 3 + scale * v));
    const gamma = vector(rng, 3, { min: 0.5, max: 2 });
    const { dx, dgamma } = batchnormBackward(matrix(rng, 6, 3), x, gamma, eps);
    for (let j = 0; j < 3; j++) {
      const { variance, xhat } = columnStats(x, j, eps);
      const dot = dx.reduce((s, r, i) => s + r[j] * xhat[i], 0);
      const predicted = (gamma[j] * dgamma[j] * eps) / (variance + eps) ** 1.5;
      expect(dot).toBeCloseTo(predicted, 8);
    }
  });

  it("dx is far from orthogonal to x̂ when σ² ≪ ε, so the lesson only claims near-orthogonality", () => {
    const rng = createRng(13);
    const x = matrix(rng, 6, 1).map((r) => r.map((v) => 3 + 1e-4 * v));
    const { dx } = batchnormBackward(matrix(rng, 6, 1), x, [1.5], eps);
    const { xhat } = columnStats(x, 0, eps);
    const dot = dx.reduce((s, r, i) => s + r[0] * xhat[i], 0);
    const norms = Math.hypot(...dx.map((r) => r[0])) * Math.hypot(...xhat);
    expect(Math.abs(dot) / norms).toBeGreaterThan(0.1);
    const text = lesson("fitting-batchnorm");
    expect(text).not.toMatch(/and \$dx\$ is orthogonal to \$\\hat\{x\}\$ column by column\./);
    expect(text).toContain("\\frac{\\gamma_j\\, d\\gamma_j\\, \\varepsilon}{(\\sigma^2_j + \\varepsilon)^{3/2}}");
  });

  it("the computation graph lists every edge the gradient formulas use, μ → x̂ included", () => {
    const text = lesson("fitting-batchnorm");
    for (const edge of ["x \\to \\mu", "x \\to \\sigma^2", "\\mu \\to \\sigma^2", "x \\to \\hat{x}", "\\mu \\to \\hat{x}", "\\sigma^2 \\to \\hat{x}", "\\hat{x} \\to y"]) {
      expect(text).toContain(edge);
    }
  });
});

describe("why-batchnorm-works", () => {
  it("batch 64 → 256 divides the standard error of the mean by √(256/64) = 2", () => {
    expect(Math.sqrt(256 / 64)).toBe(2);
  });
});
