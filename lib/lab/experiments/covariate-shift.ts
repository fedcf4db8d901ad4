/**
 * Experiment 1 — covariate shift. While the network trains, a fixed probe
 * batch is passed through it every few steps and we record the distribution
 * of the values the third hidden layer's units feed into their ReLU: the
 * pre-activation z in the plain network, batch norm's output γ·x̂ + β in the
 * other. The earlier layers keep learning in both. The claim the test checks:
 * averaged over the layer's units, the distribution drifts less with batch
 * norm (drift = largest change of mean plus change of spread, in units of the
 * initial spread).
 */
import { column, meanAndStd } from "../matrix";
import { forward, type Network } from "../network";
import { train } from "../train";
import { type ExperimentInput, labData, partProgress } from "./common";

export const SHIFT_LAYER = 2;
export const SHIFT_STEPS = 150;
const EVERY = 10;
const BINS = 16;

export interface Snapshot {
  step: number;
  mean: number;
  std: number;
  /** Counts over BINS equal bins of [initial mean − 4·std, initial mean + 4·std]. */
  histogram: number[];
}

export interface ShiftRun {
  snapshots: Snapshot[];
  /** Drift of every unit of the layer, then their mean. */
  unitDrift: number[];
  meanDrift: number;
}

export interface CovariateShiftResult {
  plain: ShiftRun;
  batchNorm: ShiftRun;
  unit: number;
  binEdges: { plain: [number, number]; batchNorm: [number, number] };
}

function histogram(values: number[], lo: number, hi: number): number[] {
  const counts = new Array<number>(BINS).fill(0);
  for (const v of values) counts[Math.min(BINS - 1, Math.max(0, Math.floor(((v - lo) / (hi - lo)) * BINS)))]++;
  return counts;
}

function follow(batchNorm: boolean, input: ExperimentInput, part: number): { run: ShiftRun; edges: [number, number] } {
  const kernel = input.kernel;
  const data = labData(input.seed, 450);
  const probe = data.train.x.slice(0, 128);
  const perUnit: { mean: number; std: number }[][] = [];
  const values: number[][] = [];
  const look = (net: Network) => {
    const a = forward(net, probe, "train", kernel).layers[SHIFT_LAYER].a;
    perUnit.push(a[0].map((_, j) => meanAndStd(column(a, j))));
    values.push(column(a, 0));
  };
  const config = { hidden: [32, 32, 32], batchNorm, learningRate: 0.05, momentum: 0.9, steps: SHIFT_STEPS, batchSize: 32, seed: input.seed, kernel };
  const result = train(config, data, (view) => (view.step - 1) % EVERY === 0 && look(view.net), partProgress(input.onProgress, part, 2));
  look(result.net);
  const first = perUnit[0];
  const unitDrift = first.map((f, j) => Math.max(...perUnit.map((s) => (Math.abs(s[j].mean - f.mean) + Math.abs(s[j].std - f.std)) / Math.max(f.std, 1e-8))));
  const lo = first[0].mean - 4 * first[0].std;
  const hi = first[0].mean + 4 * first[0].std;
  const steps = perUnit.map((_, i) => Math.min(i * EVERY + 1, SHIFT_STEPS));
  const snapshots = perUnit.map((s, i) => ({ step: steps[i], mean: s[0].mean, std: s[0].std, histogram: histogram(values[i], lo, hi) }));
  return { run: { snapshots, unitDrift, meanDrift: unitDrift.reduce((a, b) => a + b, 0) / unitDrift.length }, edges: [lo, hi] };
}

export function runCovariateShiftExperiment(input: ExperimentInput): CovariateShiftResult {
  const plain = follow(false, input, 0);
  const batchNorm = follow(true, input, 1);
  return { plain: plain.run, batchNorm: batchNorm.run, unit: 0, binEdges: { plain: plain.edges, batchNorm: batchNorm.edges } };
}
