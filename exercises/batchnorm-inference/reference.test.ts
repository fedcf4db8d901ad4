/** The reference BatchNorm behaves as the prompt says (its example, momentum 0, eval changes nothing). */
import { describe, expect, it } from "vitest";
import { BatchNorm } from "./reference";

describe("batchnorm-inference reference", () => {
  it("reproduces the prompt's example", () => {
    const bn = new BatchNorm(2);
    const y = bn.forward([
      [1, 2],
      [3, 6],
    ]);
    y.flat().forEach((v, k) => expect(v).toBeCloseTo([-1, -1, 1, 1][k], 4));
    expect(bn.runningMean[0]).toBeCloseTo(0.2, 12);
    expect(bn.runningMean[1]).toBeCloseTo(0.4, 12);
    expect(bn.runningVar[0]).toBeCloseTo(1.0, 12);
    expect(bn.runningVar[1]).toBeCloseTo(1.3, 12);
    bn.eval();
    const [row] = bn.forward([[2, 4]]);
    expect(row[0]).toBeCloseTo(1.799991, 6);
    expect(row[1]).toBeCloseTo(3.157397, 6);
    expect(bn.runningMean[0]).toBeCloseTo(0.2, 12);
  });

  it("with momentum 0 keeps exactly the last batch's statistics", () => {
    const bn = new BatchNorm(1, { momentum: 0 });
    bn.forward([[1], [2], [3]]);
    bn.forward([[10], [14]]);
    expect(bn.runningMean).toEqual([12]);
    expect(bn.runningVar).toEqual([4]);
  });

  it("changes no state in eval mode and does not modify its input", () => {
    const bn = new BatchNorm(2);
    bn.forward([
      [0, 1],
      [2, 5],
    ]);
    const before = JSON.stringify([bn.runningMean, bn.runningVar]);
    bn.eval();
    const x = [[3, -1]];
    bn.forward(x);
    expect(JSON.stringify([bn.runningMean, bn.runningVar])).toBe(before);
    expect(x).toEqual([[3, -1]]);
    expect(bn.training).toBe(false);
  });
});
