/**
 * A small tanh network trained with full-batch gradient descent, in plain
 * TypeScript so the "training curves" figure can train live in the browser.
 * Optional batch norm on every hidden layer's pre-activations (training-mode
 * statistics over the whole batch). Deterministic for a given seed.
 *
 * The toy problem (TOY_SETUP): learn y = x₁·x₂ on [−1, 1]² with two hidden
 * layers of 16 tanh units whose weights are drawn with a deliberately large
 * scale (6/√fan-in), a careless initialisation that saturates tanh units.
 * Measured over seeds 1–24 (toy-mlp.test.ts checks it on every run):
 * - at learning rates 0.1 and 0.3 the batch-norm network reaches the loss the
 *   plain network ends with (after 300 steps) in at most half the steps;
 * - at 0.5 the plain network diverges while the batch-norm network trains.
 */
import { createRandom } from "@/lib/quiz/seeded";

export const TOY_SETUP = { hidden: [16, 16], examples: 128, initScale: 6, steps: 300, learningRates: [0.1, 0.3, 0.5] } as const;

export interface TrainOptions {
  batchNorm: boolean;
  steps: number;
  learningRate: number;
  hidden?: readonly number[];
  examples?: number;
  initScale?: number;
  seed?: number;
}

export interface Layer {
  W: number[][]; // fanIn × units
  b: number[]; // used only without batch norm (batch norm makes a bias redundant)
  gamma: number[];
  beta: number[];
}

export interface Net {
  layers: Layer[];
  Wout: number[];
  bout: number[]; // one entry, an array so every parameter is updated the same way
}

export interface Data {
  x: number[][];
  y: number[];
}

const EPS = 1e-5;

function gaussian(random: () => number): number {
  const u = 1 - random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

export function makeToyData(examples: number, seed: number): Data {
  const random = createRandom(seed);
  const x: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < examples; i++) {
    const x1 = 2 * random() - 1;
    const x2 = 2 * random() - 1;
    x.push([x1, x2]);
    y.push(x1 * x2);
  }
  return { x, y };
}

export function initNet(hidden: readonly number[], seed: number, initScale: number = TOY_SETUP.initScale): Net {
  const random = createRandom(seed);
  let fanIn = 2;
  const layers = hidden.map((units) => {
    const W = Array.from({ length: fanIn }, () => Array.from({ length: units }, () => (initScale * gaussian(random)) / Math.sqrt(fanIn)));
    fanIn = units;
    return { W, b: new Array(units).fill(0), gamma: new Array(units).fill(1), beta: new Array(units).fill(0) };
  });
  return { layers, Wout: Array.from({ length: fanIn }, () => gaussian(random) / Math.sqrt(fanIn)), bout: [0] };
}

const sum = (xs: number[]) => xs.reduce((s, v) => s + v, 0);

/** Plain loops (no closures, few allocations): the figure trains in the browser and the claims test trains hundreds of runs. */
function matmul(a: number[][], W: number[][]): number[][] {
  const units = W[0].length;
  const out: number[][] = [];
  for (const row of a) {
    const r = new Array<number>(units).fill(0);
    for (let k = 0; k < row.length; k++) {
      const v = row[k];
      const w = W[k];
      for (let j = 0; j < units; j++) r[j] += v * w[j];
    }
    out.push(r);
  }
  return out;
}

interface Cache {
  input: number[][];
  xhat: number[][];
  invStd: number[];
  act: number[][];
}

function zeros(n: number): number[] {
  return new Array<number>(n).fill(0);
}

function emptyGrads(net: Net): Net {
  return {
    layers: net.layers.map((l) => ({ W: l.W.map((r) => zeros(r.length)), b: zeros(l.b.length), gamma: zeros(l.gamma.length), beta: zeros(l.beta.length) })),
    Wout: zeros(net.Wout.length),
    bout: [0],
  };
}

/** Forward through one hidden layer: pre-activation, optional batch norm, tanh. */
function forwardLayer(a: number[][], layer: Layer, batchNorm: boolean): Cache {
  const N = a.length;
  const units = layer.W[0].length;
  const z = matmul(a, layer.W);
  const xhat: number[][] = [];
  const invStd = zeros(units);
  if (batchNorm) {
    const mu = zeros(units);
    for (const r of z) for (let j = 0; j < units; j++) mu[j] += r[j] / N;
    const variance = zeros(units);
    for (const r of z) for (let j = 0; j < units; j++) variance[j] += (r[j] - mu[j]) ** 2 / N;
    for (let j = 0; j < units; j++) invStd[j] = 1 / Math.sqrt(variance[j] + EPS);
    for (const r of z) {
      const xh = zeros(units);
      for (let j = 0; j < units; j++) {
        xh[j] = (r[j] - mu[j]) * invStd[j];
        r[j] = layer.gamma[j] * xh[j] + layer.beta[j];
      }
      xhat.push(xh);
    }
  } else {
    for (const r of z) for (let j = 0; j < units; j++) r[j] += layer.b[j];
  }
  for (const r of z) for (let j = 0; j < units; j++) r[j] = Math.tanh(r[j]);
  return { input: a, xhat, invStd, act: z };
}

/** Backward through one hidden layer; fills g and returns the gradient for the layer's input. */
function backwardLayer(da: number[][], layer: Layer, cache: Cache, g: Layer, batchNorm: boolean): number[][] {
  const { input, xhat, invStd, act } = cache;
  const N = act.length;
  const units = layer.W[0].length;
  const dz = act.map((r, i) => r.map((v, j) => da[i][j] * (1 - v * v)));
  for (let i = 0; i < N; i++) {
    for (let j = 0; j < units; j++) {
      if (batchNorm) {
        g.beta[j] += dz[i][j];
        g.gamma[j] += dz[i][j] * xhat[i][j];
      } else g.b[j] += dz[i][j];
    }
  }
  if (batchNorm) {
    for (let i = 0; i < N; i++) {
      for (let j = 0; j < units; j++) dz[i][j] = ((layer.gamma[j] * invStd[j]) / N) * (N * dz[i][j] - g.beta[j] - xhat[i][j] * g.gamma[j]);
    }
  }
  const fanIn = layer.W.length;
  const dInput: number[][] = [];
  for (let i = 0; i < N; i++) {
    const row = zeros(fanIn);
    for (let k = 0; k < fanIn; k++) {
      const w = layer.W[k];
      const gw = g.W[k];
      let s = 0;
      for (let j = 0; j < units; j++) {
        s += w[j] * dz[i][j];
        gw[j] += dz[i][j] * input[i][k];
      }
      row[k] = s;
    }
    dInput.push(row);
  }
  return dInput;
}

/** Mean squared error (halved) and its gradient for every parameter. */
export function lossAndGrads(net: Net, data: Data, batchNorm: boolean): { loss: number; grads: Net } {
  const N = data.x.length;
  const caches: Cache[] = [];
  let a = data.x;
  for (const layer of net.layers) {
    const cache = forwardLayer(a, layer, batchNorm);
    caches.push(cache);
    a = cache.act;
  }
  const out = a.map((r) => sum(r.map((v, j) => v * net.Wout[j])) + net.bout[0]);
  const loss = sum(out.map((o, i) => (o - data.y[i]) ** 2)) / (2 * N);

  const grads = emptyGrads(net);
  const dout = out.map((o, i) => (o - data.y[i]) / N);
  grads.Wout = net.Wout.map((_, j) => sum(a.map((r, i) => r[j] * dout[i])));
  grads.bout = [sum(dout)];
  let da = a.map((_, i) => net.Wout.map((w) => dout[i] * w));
  for (let l = net.layers.length - 1; l >= 0; l--) da = backwardLayer(da, net.layers[l], caches[l], grads.layers[l], batchNorm);
  return { loss, grads };
}

function step(net: Net, grads: Net, lr: number): void {
  const update = (p: number[], d: number[]) => p.forEach((_, j) => (p[j] -= lr * d[j]));
  net.layers.forEach((layer, l) => {
    const g = grads.layers[l];
    layer.W.forEach((row, k) => update(row, g.W[k]));
    update(layer.b, g.b);
    update(layer.gamma, g.gamma);
    update(layer.beta, g.beta);
  });
  update(net.Wout, grads.Wout);
  update(net.bout, grads.bout);
}

/** Yields the loss before each step, then after the last (steps + 1 values). */
export function* trainToyMlp(options: TrainOptions): Generator<number, void, void> {
  const seed = options.seed ?? 7;
  const data = makeToyData(options.examples ?? TOY_SETUP.examples, seed);
  // Same initial weights for both runs: only batch norm differs.
  const net = initNet(options.hidden ?? TOY_SETUP.hidden, seed + 1, options.initScale ?? TOY_SETUP.initScale);
  for (let s = 0; s <= options.steps; s++) {
    const { loss, grads } = lossAndGrads(net, data, options.batchNorm);
    yield loss;
    if (s < options.steps) step(net, grads, options.learningRate);
  }
}

export function trainAll(options: TrainOptions): number[] {
  return [...trainToyMlp(options)];
}
