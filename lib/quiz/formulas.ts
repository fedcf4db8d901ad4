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

const batch4 = ["x1", "x2", "x3", "x4"] as const;

function values4(p: Params): number[] {
  return batch4.map((k) => p[k]);
}

function mean(xs: number[]): number {
  return xs.reduce((s, v) => s + v, 0) / xs.length;
}

/** Biased (divide by N), two-pass for stability. */
function biasedVariance(xs: number[]): number {
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
  /** layer norm output of the first feature of one example with D = 4 features */
  "layernorm-first-4": {
    params: [...batch4, "eps"],
    compute: (p: Params) => {
      const xs = values4(p);
      return (p.x1 - mean(xs)) / Math.sqrt(biasedVariance(xs) + p.eps);
    },
  },
} satisfies Record<string, NamedFormula>;

export type FormulaName = keyof typeof FORMULAS;
export const FORMULA_NAMES = Object.keys(FORMULAS) as [FormulaName, ...FormulaName[]];

export function evaluateFormula(name: FormulaName, params: Params): number {
  const formula: NamedFormula = FORMULAS[name];
  for (const key of formula.params) {
    if (typeof params[key] !== "number") throw new Error(`formula ${name}: missing parameter ${key}`);
  }
  return formula.compute(params);
}
