/**
 * Recomputes the numbers and identities that the "Which normalization where"
 * lesson and the "Spatial batch norm backward" section of beyond-batchnorm
 * state (kept apart from lesson-claims.test.ts so each lesson's claims sit
 * beside each other).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createRng, tensor4, vector } from "../../grader/test-kit";
import { batchnormBackward } from "../batchnorm-backward/reference";
import { batchnormForward } from "../batchnorm-forward/reference";
import { groupnormBackward, groupnormForward } from "../groupnorm/reference";
import { spatialBatchnormBackward } from "../spatial-batchnorm-backward/reference";
import { spatialBatchnormForward } from "../spatial-batchnorm-forward/reference";

const lessonsDir = path.dirname(fileURLToPath(import.meta.url));
const lesson = (id: string) => readFileSync(path.join(lessonsDir, `${id}.md`), "utf8");

describe("which-normalization", () => {
  const text = lesson("which-normalization");

  it("the sizes example: N = 8, C = 32, 16×16, G = 8", () => {
    const [n, c, h, w, g] = [8, 32, 16, 16, 8];
    expect(text).toContain("$N = 8$ images with $C = 32$ channels of $16 \\times 16$ pixels and $G = 8$ groups");
    // batch norm: C statistics over N·H·W values
    expect([c, n * h * w]).toEqual([32, 2048]);
    expect(text).toContain("Batch norm computes 32 means, each over $8 \\cdot 16 \\cdot 16 = 2048$ values");
    // layer norm: N statistics over C·H·W; instance norm: N·C over H·W; group norm: N·G over (C/G)·H·W
    expect([n, c * h * w]).toEqual([8, 8192]);
    expect(text).toContain("Layer norm computes 8 means over $32 \\cdot 256 = 8192$ values each");
    expect([n * c, h * w]).toEqual([256, 256]);
    expect(text).toContain("instance norm 256 means over only 256 values each");
    expect([n * g, (c / g) * h * w, c / g]).toEqual([64, 1024, 4]);
    expect(text).toContain("group norm 64 means over $4 \\cdot 256 = 1024$ values each");
  });

  it("the group-norm example: groups of 1, 3, 5, 7 and 0, 2, 2, 8", () => {
    const { mean, variance } = groupnormForward([[[[1, 3]], [[5, 7]], [[0, 2]], [[2, 8]]]], [1, 1, 1, 1], [0, 0, 0, 0], 2, 1e-5);
    expect(mean).toEqual([[4, 3]]);
    expect(variance).toEqual([[5, 9]]);
    expect(text).toContain("group 0 has $\\mu = 4$ and $\\sigma^2 = 5$");
    expect(text).toContain("group 1 has $\\mu = 3$ and $\\sigma^2 = 9$");
  });

  it("a batch of one in an N×D batch-norm layer (training mode) outputs β", () => {
    const { out } = batchnormForward([[3, -7, 0.5]], [2, -1, 4], [0.1, 0.2, 0.3], 1e-5);
    expect(out[0]).toEqual([0.1, 0.2, 0.3]);
  });

  it("spatial batch norm on one image equals instance norm (group norm with G = C)", () => {
    const rng = createRng(21);
    const x = tensor4(rng, 1, 4, 3, 2);
    const gamma = vector(rng, 4);
    const beta = vector(rng, 4);
    const spatial = spatialBatchnormForward(x, gamma, beta, 1e-5).flat(3);
    groupnormForward(x, gamma, beta, 4, 1e-5)
      .out.flat(3)
      .forEach((v, k) => expect(v).toBeCloseTo(spatial[k], 12));
  });

  it("group norm's dx sums to zero within each group, and its dγ, dβ sum over examples and pixels", () => {
    const rng = createRng(22);
    const [n, c, g] = [2, 6, 3];
    const x = tensor4(rng, n, c, 2, 2);
    const dout = tensor4(rng, n, c, 2, 2);
    const gamma = vector(rng, c, { min: -2, max: 2 });
    const { dx, dbeta } = groupnormBackward(dout, x, gamma, g, 1e-5);
    for (let i = 0; i < n; i++)
      for (let k = 0; k < g; k++) {
        const values = dx[i].slice(k * (c / g), (k + 1) * (c / g)).flat(2);
        const size = values.reduce((s, v) => s + Math.abs(v), 0);
        expect(Math.abs(values.reduce((s, v) => s + v, 0))).toBeLessThan(1e-12 * Math.max(1, size));
      }
    dbeta.forEach((v, ch) => expect(v).toBeCloseTo(dout.flatMap((s) => s[ch].flat()).reduce((a, b) => a + b, 0), 12));
  });

  it("the compact form with γ pulled out of the group sums is wrong when γ differs inside a group", () => {
    const rng = createRng(23);
    const x = tensor4(rng, 1, 2, 2, 2);
    const dout = tensor4(rng, 1, 2, 2, 2);
    const right = groupnormBackward(dout, x, [1.5, -0.5], 1, 1e-5).dx.flat(3);
    // batch-norm compact form on the group's 8 values with γ_c outside the sums
    const values = x[0].flat(2);
    const g = dout[0].flat(2);
    const r = batchnormBackward(
      g.map((v) => [v]),
      values.map((v) => [v]),
      [1],
      1e-5,
    ).dx.map((row, k) => row[0] * (k < 4 ? 1.5 : -0.5));
    expect(Math.max(...right.map((v, k) => Math.abs(v - r[k])))).toBeGreaterThan(1e-3);
  });
});

describe("beyond-batchnorm: spatial batch norm backward", () => {
  it("dx sums to zero in each channel, H = W = 1 is the plain backward pass, and one image gives a non-zero dx", () => {
    const rng = createRng(24);
    const x = tensor4(rng, 3, 2, 2, 3);
    const { dx } = spatialBatchnormBackward(tensor4(rng, 3, 2, 2, 3), x, [1.5, -0.7], 1e-5);
    for (let c = 0; c < 2; c++) expect(Math.abs(dx.flatMap((s) => s[c].flat()).reduce((a, b) => a + b, 0))).toBeLessThan(1e-12);

    const x1 = tensor4(rng, 5, 3, 1, 1);
    const d1 = tensor4(rng, 5, 3, 1, 1);
    const gamma = vector(rng, 3);
    const plain = batchnormBackward(
      d1.map((s) => s.map((p) => p[0][0])),
      x1.map((s) => s.map((p) => p[0][0])),
      gamma,
      1e-5,
    );
    spatialBatchnormBackward(d1, x1, gamma, 1e-5).dx.forEach((s, i) => s.forEach((p, c) => expect(p[0][0]).toBeCloseTo(plain.dx[i][c], 12)));

    const one = spatialBatchnormBackward(tensor4(rng, 1, 2, 2, 2), tensor4(rng, 1, 2, 2, 2), [1, 1], 1e-5);
    expect(Math.max(...one.dx.flat(3).map(Math.abs))).toBeGreaterThan(1e-3);
    expect(lesson("beyond-batchnorm")).toContain("the values of $dx$ in each channel add up to zero, and with $H = W = 1$ everything reduces to the plain backward pass");
  });
});
