/** Mini-batch SGD with (heavy-ball) momentum: v ← μ·v − lr·g; θ ← θ + v. */
import { type Gradients, type Network, parameterRows } from "./network";

export interface Sgd {
  step(net: Network, grads: Gradients): void;
}

export function createSgd(learningRate: number, momentum = 0): Sgd {
  let velocity: number[][] | null = null;
  return {
    step(net, grads) {
      const rows = parameterRows(net, grads);
      velocity ??= rows.map(([p]) => new Array<number>(p.length).fill(0));
      rows.forEach(([p, g], r) => {
        const v = velocity![r];
        for (let j = 0; j < p.length; j++) {
          v[j] = momentum * v[j] - learningRate * g[j];
          p[j] += v[j];
        }
      });
    },
  };
}
