import { describe, expect, it } from "vitest";
import { initNet, lossAndGrads, makeToyData, type Net, trainAll } from "./toy-mlp";

function numericalGrad(net: Net, data: ReturnType<typeof makeToyData>, bn: boolean, key: keyof Net, idx: [number, number?]) {
  const h = 1e-5;
  const get = () => (idx[1] === undefined ? (net[key] as number[]) : (net[key] as number[][])[idx[0]]);
  const at = idx[1] ?? idx[0];
  const original = get()[at];
  get()[at] = original + h;
  const plus = lossAndGrads(net, data, bn).loss;
  get()[at] = original - h;
  const minus = lossAndGrads(net, data, bn).loss;
  get()[at] = original;
  return (plus - minus) / (2 * h);
}

describe("toy MLP used by the training-curves figure", () => {
  it.each([false, true])("backprop matches centred differences (batch norm: %s)", (bn) => {
    const data = makeToyData(16, 3);
    const net = initNet(5, 4);
    net.gamma = [1.5, -0.7, 0.9, 1.1, 2];
    net.beta = [0.1, -0.2, 0.3, 0, 0.5];
    const { grads } = lossAndGrads(net, data, bn);
    const checks: [keyof Net, [number, number?]][] = [
      ["W1", [0, 1]],
      ["W1", [1, 3]],
      ["W2", [2]],
      ["b2", [0]],
      bn ? ["gamma", [1]] : ["b1", [1]],
      bn ? ["beta", [4]] : ["b1", [4]],
    ];
    for (const [key, idx] of checks) {
      const analytic = idx[1] === undefined ? (grads[key] as number[])[idx[0]] : (grads[key] as number[][])[idx[0]][idx[1]];
      const numeric = numericalGrad(net, data, bn, key, idx);
      expect(Math.abs(analytic - numeric)).toBeLessThan(1e-6 + 1e-4 * Math.abs(numeric));
    }
  });

  it("reaches a low loss in fewer steps with batch norm (the figure's claim)", () => {
    const firstBelow = (losses: number[], level: number) => losses.findIndex((l) => l < level);
    const plain = trainAll({ batchNorm: false, steps: 300, learningRate: 0.1 });
    const bn = trainAll({ batchNorm: true, steps: 300, learningRate: 0.1 });
    expect(firstBelow(bn, 0.025)).toBeGreaterThan(0);
    expect(firstBelow(plain, 0.025) === -1 || firstBelow(plain, 0.025) > 1.5 * firstBelow(bn, 0.025)).toBe(true);
    expect(bn[300]).toBeLessThan(plain[300]);
  });

  it("is deterministic for a seed", () => {
    expect(trainAll({ batchNorm: true, steps: 20, learningRate: 0.1 })).toEqual(trainAll({ batchNorm: true, steps: 20, learningRate: 0.1 }));
  });
});
