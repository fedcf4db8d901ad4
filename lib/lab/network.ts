/**
 * A small fully connected network: input → [affine → (batch norm) → ReLU] × L
 * → affine, with exact forward and backward passes (gradient-checked in
 * network.test.ts). Forward is pure: running statistics change only through
 * updateRunningStats, so probes (gradient checks, landscape steps) leave the
 * network untouched.
 */
import type { BatchNormKernel } from "./batchnorm-kernel";
import { affine, affineBackward, type Matrix, relu, reluBackward } from "./matrix";
import { createRng } from "./random";

export interface HiddenLayer {
  W: Matrix;
  b: number[];
  gamma: number[];
  beta: number[];
  runningMean: number[];
  runningVar: number[];
}

export interface Network {
  batchNorm: boolean;
  hidden: HiddenLayer[];
  out: { W: Matrix; b: number[] };
}

export interface NetworkShape {
  inputs: number;
  hidden: number[];
  outputs: number;
  batchNorm: boolean;
  /** Standard deviation of every weight; default He: √(2 / fan-in). */
  weightScale?: number;
}

export const EPS = 1e-5;

export function initNetwork(shape: NetworkShape, seed: number): Network {
  const rng = createRng(seed);
  const weights = (fanIn: number, fanOut: number) => {
    const scale = shape.weightScale ?? Math.sqrt(2 / fanIn);
    return Array.from({ length: fanIn }, () => Array.from({ length: fanOut }, () => scale * rng.normal()));
  };
  let fanIn = shape.inputs;
  const hidden = shape.hidden.map((width) => {
    const layer: HiddenLayer = {
      W: weights(fanIn, width),
      b: new Array(width).fill(0),
      gamma: new Array(width).fill(1),
      beta: new Array(width).fill(0),
      runningMean: new Array(width).fill(0),
      runningVar: new Array(width).fill(1),
    };
    fanIn = width;
    return layer;
  });
  return { batchNorm: shape.batchNorm, hidden, out: { W: weights(fanIn, shape.outputs), b: new Array(shape.outputs).fill(0) } };
}

export type Mode = "train" | "eval";

export interface LayerCache {
  input: Matrix;
  /** Affine output, the layer's pre-activation (batch norm's input). */
  z: Matrix;
  /** ReLU input: z, or batch norm's output. */
  a: Matrix;
  mean?: number[];
  variance?: number[];
}

export interface ForwardPass {
  scores: Matrix;
  layers: LayerCache[];
  lastHidden: Matrix;
}

export function forward(net: Network, x: Matrix, mode: Mode, kernel: BatchNormKernel): ForwardPass {
  let h = x;
  const layers: LayerCache[] = [];
  for (const layer of net.hidden) {
    const z = affine(h, layer.W, layer.b);
    const cache: LayerCache = { input: h, z, a: z };
    if (net.batchNorm) {
      if (mode === "train") {
        const r = kernel.forward(z, layer.gamma, layer.beta, EPS);
        checkShape(r.out, z.length, z[0].length, "batch norm forward's out");
        cache.a = r.out;
        cache.mean = r.mean;
        cache.variance = r.variance;
      } else {
        const out = kernel.inference(z, { gamma: layer.gamma, beta: layer.beta, runningMean: layer.runningMean, runningVar: layer.runningVar, eps: EPS });
        checkShape(out, z.length, z[0].length, "batch norm at test time");
        cache.a = out;
      }
    }
    layers.push(cache);
    h = relu(cache.a);
  }
  return { scores: affine(h, net.out.W, net.out.b), layers, lastHidden: h };
}

export interface Gradients {
  hidden: { W: Matrix; b: number[]; gamma: number[]; beta: number[] }[];
  out: { W: Matrix; b: number[] };
}

export function backward(net: Network, pass: ForwardPass, dscores: Matrix, kernel: BatchNormKernel): Gradients {
  const top = affineBackward(dscores, pass.lastHidden, net.out.W);
  let dh = top.dx;
  const hidden: Gradients["hidden"] = new Array(net.hidden.length);
  for (let l = net.hidden.length - 1; l >= 0; l--) {
    const layer = net.hidden[l];
    const cache = pass.layers[l];
    let dz = reluBackward(dh, cache.a);
    let dgamma = new Array<number>(layer.gamma.length).fill(0);
    let dbeta = new Array<number>(layer.beta.length).fill(0);
    if (net.batchNorm) {
      const r = kernel.backward(dz, cache.z, layer.gamma, EPS);
      checkShape(r.dx, dz.length, dz[0].length, "batch norm backward's dx");
      checkVector(r.dgamma, layer.gamma.length, "batch norm backward's dgamma");
      checkVector(r.dbeta, layer.beta.length, "batch norm backward's dbeta");
      dz = r.dx;
      dgamma = r.dgamma;
      dbeta = r.dbeta;
    }
    const g = affineBackward(dz, cache.input, layer.W);
    hidden[l] = { W: g.dW, b: g.db, gamma: dgamma, beta: dbeta };
    dh = g.dx;
  }
  return { hidden, out: { W: top.dW, b: top.db } };
}

/** Exponentially weighted running averages (momentum weighs the old value). */
export function updateRunningStats(net: Network, pass: ForwardPass, momentum: number): void {
  net.hidden.forEach((layer, l) => {
    const { mean, variance } = pass.layers[l];
    if (!mean || !variance) return;
    checkVector(mean, layer.runningMean.length, "batch norm forward's mean");
    checkVector(variance, layer.runningVar.length, "batch norm forward's variance");
    for (let j = 0; j < layer.runningMean.length; j++) {
      layer.runningMean[j] = momentum * layer.runningMean[j] + (1 - momentum) * mean[j];
      layer.runningVar[j] = momentum * layer.runningVar[j] + (1 - momentum) * variance[j];
    }
  });
}

export function cloneNetwork(net: Network): Network {
  return structuredClone(net);
}

/** Every trainable parameter row, in a fixed order (optimiser, probes). */
export function parameters(net: { batchNorm: boolean; hidden: { W: Matrix; b: number[]; gamma: number[]; beta: number[] }[]; out: { W: Matrix; b: number[] } }): number[][] {
  const rows: number[][] = [];
  for (const layer of net.hidden) {
    rows.push(...layer.W, layer.b);
    if (net.batchNorm) rows.push(layer.gamma, layer.beta);
  }
  rows.push(...net.out.W, net.out.b);
  return rows;
}

/** Every parameter row with its gradient row (same order as `parameters`). */
export function parameterRows(net: Network, grads: Gradients): [number[], number[]][] {
  const g = parameters({ batchNorm: net.batchNorm, hidden: grads.hidden, out: grads.out });
  return parameters(net).map((row, i) => [row, g[i]]);
}

/** Thrown when a batch-norm kernel returns something the network cannot use. */
export class KernelShapeError extends Error {}

function checkShape(m: unknown, rows: number, cols: number, what: string): void {
  if (!Array.isArray(m) || m.length !== rows) throw new KernelShapeError(`${what} should have ${rows} rows, got ${describeValue(m)}.`);
  for (const row of m) {
    if (!Array.isArray(row) || row.length !== cols) throw new KernelShapeError(`${what} should be ${rows}×${cols}, but a row is ${describeValue(row)}.`);
    for (const v of row) if (typeof v !== "number") throw new KernelShapeError(`${what} contains ${typeof v}, not a number.`);
  }
}

function checkVector(v: unknown, length: number, what: string): void {
  if (!Array.isArray(v) || v.length !== length) throw new KernelShapeError(`${what} should have ${length} entries, got ${describeValue(v)}.`);
  for (const x of v) if (typeof x !== "number") throw new KernelShapeError(`${what} contains ${typeof x}, not a number.`);
}

function describeValue(v: unknown): string {
  if (Array.isArray(v)) return `an array of length ${v.length}`;
  return v === undefined ? "undefined" : typeof v;
}
