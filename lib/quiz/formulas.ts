/**
 * Named formulas that grade seeded numeric variants. A fixed, typed set instead
 * of evaluating expressions from files: quiz authors pick a formula by name and
 * declare ranges for its parameters; the checker proves every formula is finite
 * over those ranges. All follow the course conventions (biased variance, ε
 * inside the square root, momentum weighs the OLD value).
 */

export type Params = Record<string, number>;

export interface NamedFormula {
  /** parameters the formula reads; a quiz question must declare exactly these */
  params: readonly string[];
  compute(p: Params): number;
}

export const batch4 = ["x1", "x2", "x3", "x4"] as const;
/** upstream gradients G = ∂L/∂y of the four examples (backward-pass variants) */
export const upstream4 = ["g1", "g2", "g3", "g4"] as const;
/** per-feature γ of a layer-norm row */
export const gammas4 = ["gamma1", "gamma2", "gamma3", "gamma4"] as const;
const rowA = ["a1", "a2", "a3", "a4"] as const;
/** the second channel group (channels 2 and 3) of the group-norm variant */
export const groupTwo4 = ["y1", "y2", "y3", "y4"] as const;
const rowB = ["b1", "b2", "b3", "b4"] as const;

export function values4(p: Params, names: readonly string[] = batch4): number[] {
  return names.map((k) => p[k]);
}

export function mean(xs: number[]): number {
  return xs.reduce((s, v) => s + v, 0) / xs.length;
}

/** Biased (divide by N), two-pass for stability. */
export function biasedVariance(xs: number[]): number {
  const m = mean(xs);
  return xs.reduce((s, v) => s + (v - m) ** 2, 0) / xs.length;
}

export const FORMULAS = {
  /** μ of one feature over a batch of four */
  "batch-mean-4": { params: batch4, compute: (p: Params) => mean(values4(p)) },
  /** biased σ² of one feature over a batch of four */
  "batch-variance-4": { params: batch4, compute: (p: Params) => biasedVariance(values4(p)) },
  /** x̂ of the first example: (x1 − μ)/√(σ² + ε) */
  "normalize-first-4": {
    params: [...batch4, "eps"],
    compute: (p: Params) => {
      const xs = values4(p);
      return (p.x1 - mean(xs)) / Math.sqrt(biasedVariance(xs) + p.eps);
    },
  },
  /** y of the first example: γ x̂ + β */
  "bn-output-first-4": {
    params: [...batch4, "gamma", "beta", "eps"],
    compute: (p: Params) => {
      const xs = values4(p);
      return p.gamma * ((p.x1 - mean(xs)) / Math.sqrt(biasedVariance(xs) + p.eps)) + p.beta;
    },
  },
  /** running mean after k steps that all see batch mean mu, starting from 0 */
  "running-mean-after-k": {
    params: ["mu", "momentum", "k"],
    compute: (p: Params) => p.mu * (1 - p.momentum ** p.k),
  },
  /** running variance after k steps that all see batch variance s2, starting from 1 */
  "running-var-after-k": {
    params: ["s2", "momentum", "k"],
    compute: (p: Params) => p.momentum ** p.k + (1 - p.momentum ** p.k) * p.s2,
  },
  /** test-time output from running statistics */
  "test-time-output": {
    params: ["x", "runningMean", "runningVar", "gamma", "beta", "eps"],
    compute: (p: Params) => (p.gamma * (p.x - p.runningMean)) / Math.sqrt(p.runningVar + p.eps) + p.beta,
  },
  /** folded bias b' = γ (b − r_μ)/√(r_σ² + ε) + β */
  "folded-bias": {
    params: ["bias", "runningMean", "runningVar", "gamma", "beta", "eps"],
    compute: (p: Params) => (p.gamma * (p.bias - p.runningMean)) / Math.sqrt(p.runningVar + p.eps) + p.beta,
  },
  /** PyTorch's stored running variance: the unbiased N/(N−1)·σ² */
  "unbiased-from-biased": {
    params: ["s2", "n"],
    compute: (p: Params) => (p.s2 * p.n) / (p.n - 1),
  },
  /** PyTorch's running_var after one training step from 1: (1 − p)·1 + p·N/(N−1)·σ² (p = PyTorch's momentum) */
  "pytorch-running-var-one-step": {
    params: ["s2", "n", "momentumPt"],
    compute: (p: Params) => 1 - p.momentumPt + (p.momentumPt * p.s2 * p.n) / (p.n - 1),
  },
  /** the folded tap weight[0][1][i][j] of a 2→2-channel convolution: scaled by OUTPUT channel 0's s_0 = γ_0/√(r_σ²_0 + ε) */
  "folded-conv-tap": {
    params: ["w", "gamma0", "var0", "gamma1", "var1", "eps"],
    compute: (p: Params) => (p.gamma0 * p.w) / Math.sqrt(p.var0 + p.eps),
  },
  /** gradient check: the centred difference of L(x) = x³ at x = a with step h, ((a+h)³ − (a−h)³)/2h = 3a² + h² */
  "centred-difference-cube": {
    params: ["a", "h"],
    compute: (p: Params) => ((p.a + p.h) ** 3 - (p.a - p.h) ** 3) / (2 * p.h),
  },
  /** layer-norm backward, one row of D = 4 features with per-feature γ: dx₁ = (4 g₁ − Σ g − x̂₁ Σ g x̂)/(4 s), g = γ ⊙ G */
  "layernorm-dx-first-4": {
    params: [...batch4, ...upstream4, ...gammas4, "eps"],
    compute: (p: Params) => layernormRow4(p).dx1,
  },
  /** layer norm (γ = 1, β = 0) of entry (row 1, feature 1) of a 2×4 matrix: statistics over row 1's four features */
  "layernorm-row-2x4": {
    params: [...rowA, ...rowB, "eps"],
    compute: (p: Params) => {
      const row = values4(p, rowA);
      return (p.a1 - mean(row)) / Math.sqrt(biasedVariance(row) + p.eps);
    },
  },
  /**
   * group norm (γ = 1, β = 0, G = 2) of one image with C = 4 channels of 1×2 pixels,
   * channels (x1, x2), (x3, x4), (y1, y2), (y3, y4): the first pixel, normalized over group 0 = x1…x4
   */
  "groupnorm-first-4ch": {
    params: [...batch4, ...groupTwo4, "eps"],
    compute: (p: Params) => {
      const group = values4(p);
      return (p.x1 - mean(group)) / Math.sqrt(biasedVariance(group) + p.eps);
    },
  },
  /** backward, one feature, N = 4: dβ = Σᵢ Gᵢ */
  "dbeta-4": { params: [...batch4, ...upstream4, "gamma", "eps"], compute: (p: Params) => sumOf(values4(p, upstream4)) },
  /** backward, one feature, N = 4: dγ = Σᵢ Gᵢ x̂ᵢ */
  "dgamma-4": {
    params: [...batch4, ...upstream4, "gamma", "eps"],
    compute: (p: Params) => backward4(p).dgamma,
  },
  /** backward, one feature, N = 4: dx₁ = γ/(N√(σ² + ε))·(N G₁ − dβ − x̂₁ dγ) */
  "dx-first-4": {
    params: [...batch4, ...upstream4, "gamma", "eps"],
    compute: (p: Params) => backward4(p).dx1,
  },
} satisfies Record<string, NamedFormula>;

function sumOf(xs: number[]): number {
  return xs.reduce((s, v) => s + v, 0);
}

/** The compact backward pass for one feature of a batch of four (course conventions). */
export function backward4(p: Params): { xhat: number[]; std: number; dbeta: number; dgamma: number; dx1: number } {
  const xs = values4(p);
  const g = values4(p, upstream4);
  const mu = mean(xs);
  const std = Math.sqrt(biasedVariance(xs) + p.eps);
  const xhat = xs.map((v) => (v - mu) / std);
  const dbeta = sumOf(g);
  const dgamma = sumOf(g.map((gi, i) => gi * xhat[i]));
  const dx1 = (p.gamma / (4 * std)) * (4 * g[0] - dbeta - xhat[0] * dgamma);
  return { xhat, std, dbeta, dgamma, dx1 };
}

/** Layer-norm backward for one row of four features (x1..x4, upstream g1..g4, per-feature γ gamma1..gamma4). */
export function layernormRow4(p: Params): { xhat: number[]; std: number; dx1: number } {
  const xs = values4(p);
  const g = values4(p, upstream4).map((G, j) => G * p[gammas4[j]]);
  const mu = mean(xs);
  const std = Math.sqrt(biasedVariance(xs) + p.eps);
  const xhat = xs.map((v) => (v - mu) / std);
  const dx1 = (4 * g[0] - sumOf(g) - xhat[0] * sumOf(g.map((gi, j) => gi * xhat[j]))) / (4 * std);
  return { xhat, std, dx1 };
}

export type FormulaName = keyof typeof FORMULAS;
export const FORMULA_NAMES = Object.keys(FORMULAS) as [FormulaName, ...FormulaName[]];

export function evaluateFormula(name: FormulaName, params: Params): number {
  const formula: NamedFormula = FORMULAS[name];
  for (const key of formula.params) {
    if (typeof params[key] !== "number") throw new Error(`formula ${name}: missing parameter ${key}`);
  }
  return formula.compute(params);
}
