/**
 * The known wrong ways to compute each seeded variant's answer — the mistakes
 * students really make. A question lists the ones it must tell apart from the
 * key (`wrongMethods` in the quiz file); `npm run exercises:check` draws
 * ≥ 1,000 seeds per variant and fails when any listed wrong method lands inside
 * the grading tolerance, so full credit is never given for a wrong method.
 */
import { backward4, biasedVariance, type FormulaName, gammas4, groupTwo4, layernormRow4, mean, type Params, upstream4, values4 } from "./formulas";

export interface WrongMethod {
  /** what the student did, for the checker's messages */
  description: string;
  compute(p: Params): number;
}

const xs = (p: Params) => values4(p);
const unbiasedVariance = (v: number[]) => (biasedVariance(v) * v.length) / (v.length - 1);
const firstNormalized = (p: Params, variance: number) => (p.x1 - mean(xs(p))) / Math.sqrt(variance + p.eps);
const rowA = (p: Params) => [p.a1, p.a2, p.a3, p.a4];
/** x1 normalized with the mean and biased variance of `values` */
const normalizedFirst = (p: Params, values: number[]) => (p.x1 - mean(values)) / Math.sqrt(biasedVariance(values) + p.eps);
const all8 = (p: Params) => [...rowA(p), p.b1, p.b2, p.b3, p.b4];

export const WRONG_METHODS: Partial<Record<FormulaName, Record<string, WrongMethod>>> = {
  "batch-mean-4": {
    sum: { description: "forgets to divide by N", compute: (p) => xs(p).reduce((s, v) => s + v, 0) },
  },
  "batch-variance-4": {
    unbiased: { description: "divides by N − 1", compute: (p) => unbiasedVariance(xs(p)) },
    "standard-deviation": { description: "gives √σ² instead of σ²", compute: (p) => Math.sqrt(biasedVariance(xs(p))) },
    "around-zero": { description: "averages x² (spread around 0, not around μ)", compute: (p) => mean(xs(p).map((v) => v * v)) },
  },
  "normalize-first-4": {
    unbiased: { description: "normalizes with the unbiased variance", compute: (p) => firstNormalized(p, unbiasedVariance(xs(p))) },
    "divides-by-variance": { description: "divides by σ² + ε instead of its square root", compute: (p) => (p.x1 - mean(xs(p))) / (biasedVariance(xs(p)) + p.eps) },
    "not-centred": { description: "forgets to subtract μ", compute: (p) => p.x1 / Math.sqrt(biasedVariance(xs(p)) + p.eps) },
  },
  "bn-output-first-4": {
    unbiased: { description: "normalizes with the unbiased variance", compute: (p) => p.gamma * firstNormalized(p, unbiasedVariance(xs(p))) + p.beta },
    "gamma-beta-swapped": { description: "computes β x̂ + γ", compute: (p) => p.beta * firstNormalized(p, biasedVariance(xs(p))) + p.gamma },
    "no-scale-shift": { description: "returns x̂ without γ and β", compute: (p) => firstNormalized(p, biasedVariance(xs(p))) },
  },
  "running-mean-after-k": {
    "momentum-reversed": { description: "weighs the NEW value by m", compute: (p) => p.mu * (1 - (1 - p.momentum) ** p.k) },
    "one-step": { description: "applies one update instead of k", compute: (p) => p.mu * (1 - p.momentum) },
  },
  "running-var-after-k": {
    "momentum-reversed": { description: "weighs the NEW value by m", compute: (p) => (1 - p.momentum) ** p.k + (1 - (1 - p.momentum) ** p.k) * p.s2 },
    "starts-at-zero": { description: "starts the running variance at 0", compute: (p) => (1 - p.momentum ** p.k) * p.s2 },
  },
  "test-time-output": {
    "batch-statistics": { description: "normalizes the single example with its own statistics (gives β)", compute: (p) => p.beta },
    "variance-as-std": { description: "divides by r_σ² + ε instead of its square root", compute: (p) => (p.gamma * (p.x - p.runningMean)) / (p.runningVar + p.eps) + p.beta },
    "mean-not-subtracted": { description: "forgets to subtract the running mean", compute: (p) => (p.gamma * p.x) / Math.sqrt(p.runningVar + p.eps) + p.beta },
  },
  "folded-bias": {
    "adds-running-mean": { description: "adds the running mean", compute: (p) => (p.gamma * (p.bias + p.runningMean)) / Math.sqrt(p.runningVar + p.eps) + p.beta },
    "unscaled-bias": { description: "b − r_μ + β without the scale γ/√(r_σ² + ε)", compute: (p) => p.bias - p.runningMean + p.beta },
    "variance-as-std": { description: "divides by r_σ² + ε instead of its square root", compute: (p) => (p.gamma * (p.bias - p.runningMean)) / (p.runningVar + p.eps) + p.beta },
  },
  "centred-difference-cube": {
    "forward-difference": { description: "uses the one-sided difference ((a+h)³ − a³)/h", compute: (p) => ((p.a + p.h) ** 3 - p.a ** 3) / p.h },
    "divides-by-h": { description: "divides the centred difference by h, not 2h", compute: (p) => ((p.a + p.h) ** 3 - (p.a - p.h) ** 3) / p.h },
    "exact-derivative": { description: "gives the exact derivative 3a², as if the difference had no error", compute: (p) => 3 * p.a ** 2 },
  },
  "layernorm-dx-first-4": {
    "gamma-factored-out": {
      description: "pulls γ₁ out of the row sums (batch norm's form)",
      compute: (p) => {
        const r = layernormRow4(p);
        const G = values4(p, upstream4);
        const sum = G.reduce((s, v) => s + v, 0);
        const dot = G.reduce((s, v, j) => s + v * r.xhat[j], 0);
        return (p.gamma1 * (4 * p.g1 - sum - r.xhat[0] * dot)) / (4 * r.std);
      },
    },
    "constant-statistics": { description: "treats μ and σ² as constants: γ₁ G₁/s", compute: (p) => (p[gammas4[0]] * p.g1) / layernormRow4(p).std },
    "dropped-variance-path": {
      description: "leaves out the path through σ²",
      compute: (p) => {
        const r = layernormRow4(p);
        const g = values4(p, upstream4).map((G, j) => G * p[gammas4[j]]);
        return (4 * g[0] - g.reduce((s, v) => s + v, 0)) / (4 * r.std);
      },
    },
  },
  "unbiased-from-biased": {
    inverted: { description: "multiplies by (N − 1)/N", compute: (p) => (p.s2 * (p.n - 1)) / p.n },
    unchanged: { description: "keeps the biased value", compute: (p) => p.s2 },
  },
  "pytorch-running-var-one-step": {
    "biased-variance": { description: "blends in the biased σ² (the course's update)", compute: (p) => 1 - p.momentumPt + p.momentumPt * p.s2 },
    "momentum-reversed": {
      description: "keeps PyTorch's momentum of the OLD value",
      compute: (p) => p.momentumPt + ((1 - p.momentumPt) * p.s2 * p.n) / (p.n - 1),
    },
    "starts-at-zero": { description: "starts the running variance at 0", compute: (p) => (p.momentumPt * p.s2 * p.n) / (p.n - 1) },
  },
  "folded-conv-tap": {
    "input-channel-scale": { description: "uses the INPUT channel's (channel 1's) γ and running variance", compute: (p) => (p.gamma1 * p.w) / Math.sqrt(p.var1 + p.eps) },
    "variance-as-std": { description: "divides by r_σ² + ε instead of its square root", compute: (p) => (p.gamma0 * p.w) / (p.var0 + p.eps) },
  },
  "layernorm-row-2x4": {
    "batch-axis": {
      description: "normalizes feature 1 over the two examples (batch norm)",
      compute: (p) => {
        const col = [p.a1, p.b1];
        return (p.a1 - mean(col)) / Math.sqrt(biasedVariance(col) + p.eps);
      },
    },
    "whole-matrix": { description: "uses the statistics of all 8 entries", compute: (p) => (p.a1 - mean(all8(p))) / Math.sqrt(biasedVariance(all8(p)) + p.eps) },
    unbiased: { description: "divides the row variance by D − 1", compute: (p) => (p.a1 - mean(rowA(p))) / Math.sqrt(unbiasedVariance(rowA(p)) + p.eps) },
  },
  "groupnorm-first-4ch": {
    "layer-norm": { description: "normalizes over all four channels (G = 1, layer norm)", compute: (p) => normalizedFirst(p, [...xs(p), ...values4(p, groupTwo4)]) },
    "instance-norm": { description: "normalizes over channel 0 only (G = C, instance norm)", compute: (p) => normalizedFirst(p, [p.x1, p.x2]) },
    interleaved: { description: "groups channels 0 and 2 (every G-th channel) instead of neighbours", compute: (p) => normalizedFirst(p, [p.x1, p.x2, p.y1, p.y2]) },
    unbiased: { description: "divides the group variance by K − 1", compute: (p) => (p.x1 - mean(xs(p))) / Math.sqrt(unbiasedVariance(xs(p)) + p.eps) },
  },
  "dbeta-4": {
    mean: { description: "averages the upstream gradients instead of summing", compute: (p) => mean(values4(p, upstream4)) },
    "times-gamma": { description: "multiplies by γ", compute: (p) => p.gamma * backward4(p).dbeta },
  },
  "dgamma-4": {
    "raw-x": { description: "uses x instead of x̂", compute: (p) => values4(p, upstream4).reduce((s, g, i) => s + g * xs(p)[i], 0) },
    "centred-not-scaled": {
      description: "uses x − μ without dividing by √(σ² + ε)",
      compute: (p) => values4(p, upstream4).reduce((s, g, i) => s + g * (xs(p)[i] - mean(xs(p))), 0),
    },
    mean: { description: "averages over the batch instead of summing", compute: (p) => backward4(p).dgamma / 4 },
  },
  "dx-first-4": {
    "constant-statistics": { description: "treats μ and σ² as constants: γ G₁/√(σ² + ε)", compute: (p) => (p.gamma * p.g1) / backward4(p).std },
    "dropped-mean-path": {
      description: "leaves out the path through μ",
      compute: (p) => {
        const b = backward4(p);
        return (p.gamma / (4 * b.std)) * (4 * p.g1 - b.xhat[0] * b.dgamma);
      },
    },
    "dropped-variance-path": {
      description: "leaves out the path through σ²",
      compute: (p) => {
        const b = backward4(p);
        return (p.gamma / (4 * b.std)) * (4 * p.g1 - b.dbeta);
      },
    },
  },
};

/** Names a question may list for its formula. */
export function wrongMethodNames(formula: FormulaName): string[] {
  return Object.keys(WRONG_METHODS[formula] ?? {});
}


