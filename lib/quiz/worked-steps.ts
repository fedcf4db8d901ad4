/**
 * The worked steps of a seeded variant with the student's own numbers, so a
 * wrong answer can be traced step by step rather than compared with a final
 * value only. One line per intermediate quantity, in plain text (Unicode
 * math), computed with the same helpers as the formulas that grade.
 */
import { backward4, biasedVariance, type FormulaName, gammas4, groupTwo4, layernormRow4, mean, type Params, upstream4, values4 } from "./formulas";
import { formatNumber as f } from "./variants";

const list = (xs: number[]) => xs.map(f).join(", ");

function normalizeSteps(xs: number[], first: number, eps: number): { lines: string[]; xhat: number } {
  const mu = mean(xs);
  const variance = biasedVariance(xs);
  const std = Math.sqrt(variance + eps);
  const xhat = (first - mu) / std;
  return {
    xhat,
    lines: [
      `μ = (${list(xs)}) summed ÷ ${xs.length} = ${f(mu)}`,
      `σ² = mean of the squared deviations (${list(xs.map((v) => (v - mu) ** 2))}) = ${f(variance)} (divide by N = ${xs.length})`,
      `√(σ² + ε) = √(${f(variance)} + ${f(eps)}) = ${f(std)}`,
      `x̂ = (${f(first)} − ${f(mu)}) ÷ ${f(std)} = ${f(xhat)}`,
    ],
  };
}

const STEPS: Record<FormulaName, (p: Params) => string[]> = {
  "batch-mean-4": (p) => [`μ = (${list(values4(p))}) summed ÷ 4 = ${f(mean(values4(p)))}`],
  "batch-variance-4": (p) => normalizeSteps(values4(p), p.x1, 0).lines.slice(0, 2),
  "normalize-first-4": (p) => normalizeSteps(values4(p), p.x1, p.eps).lines,
  "bn-output-first-4": (p) => {
    const { lines, xhat } = normalizeSteps(values4(p), p.x1, p.eps);
    return [...lines, `y = γ x̂ + β = ${f(p.gamma)} × ${f(xhat)} + ${f(p.beta)} = ${f(p.gamma * xhat + p.beta)}`];
  },
  "running-mean-after-k": (p) => {
    const mk = p.momentum ** p.k;
    return [`m^k = ${f(p.momentum)}^${f(p.k)} = ${f(mk)}`, `r_μ = μ (1 − m^k) = ${f(p.mu)} × ${f(1 - mk)} = ${f(p.mu * (1 - mk))}`];
  },
  "running-var-after-k": (p) => {
    const mk = p.momentum ** p.k;
    return [`m^k = ${f(p.momentum)}^${f(p.k)} = ${f(mk)}`, `r_σ² = m^k × 1 + (1 − m^k) s² = ${f(mk)} + ${f(1 - mk)} × ${f(p.s2)} = ${f(mk + (1 - mk) * p.s2)}`];
  },
  "test-time-output": (p) => {
    const std = Math.sqrt(p.runningVar + p.eps);
    const xhat = (p.x - p.runningMean) / std;
    return [
      `√(r_σ² + ε) = √(${f(p.runningVar)} + ${f(p.eps)}) = ${f(std)}`,
      `x̂ = (x − r_μ) ÷ √(r_σ² + ε) = (${f(p.x)} − ${f(p.runningMean)}) ÷ ${f(std)} = ${f(xhat)}`,
      `y = γ x̂ + β = ${f(p.gamma)} × ${f(xhat)} + ${f(p.beta)} = ${f(p.gamma * xhat + p.beta)}`,
    ];
  },
  "folded-bias": (p) => {
    const scale = p.gamma / Math.sqrt(p.runningVar + p.eps);
    return [
      `scale = γ ÷ √(r_σ² + ε) = ${f(p.gamma)} ÷ √(${f(p.runningVar)} + ${f(p.eps)}) = ${f(scale)}`,
      `b′ = scale × (b − r_μ) + β = ${f(scale)} × (${f(p.bias)} − ${f(p.runningMean)}) + ${f(p.beta)} = ${f(scale * (p.bias - p.runningMean) + p.beta)}`,
    ];
  },
  "unbiased-from-biased": (p) => [`N ÷ (N − 1) = ${f(p.n)} ÷ ${f(p.n - 1)} = ${f(p.n / (p.n - 1))}`, `s² × N ÷ (N − 1) = ${f(p.s2)} × ${f(p.n / (p.n - 1))} = ${f((p.s2 * p.n) / (p.n - 1))}`],
  "layernorm-row-2x4": (p) => normalizeSteps(values4(p, ["a1", "a2", "a3", "a4"]), p.a1, p.eps).lines.map((l) => `row 1: ${l}`),
  "groupnorm-first-4ch": (p) => [
    `group 0 = channels 0 and 1 of this image: (${list(values4(p))}); channels 2 and 3 (${list(values4(p, groupTwo4))}) form group 1 and do not enter`,
    ...normalizeSteps(values4(p), p.x1, p.eps).lines,
  ],
  "dbeta-4": (p) => [`dβ = ΣG = ${list(values4(p, upstream4))} summed = ${f(backward4(p).dbeta)}`],
  "dgamma-4": (p) => {
    const b = backward4(p);
    return [...normalizeSteps(values4(p), p.x1, p.eps).lines.slice(0, 3), `x̂ = (${list(b.xhat)})`, `dγ = Σ G x̂ = ${f(b.dgamma)}`];
  },
  "dx-first-4": (p) => {
    const b = backward4(p);
    return [
      ...normalizeSteps(values4(p), p.x1, p.eps).lines.slice(0, 3),
      `x̂ = (${list(b.xhat)}); dβ = ΣG = ${f(b.dbeta)}; dγ = Σ G x̂ = ${f(b.dgamma)}`,
      `dx₁ = γ ÷ (4 √(σ² + ε)) × (4 G₁ − dβ − x̂₁ dγ) = ${f(p.gamma)} ÷ (4 × ${f(b.std)}) × (4 × ${f(p.g1)} − ${f(b.dbeta)} − ${f(b.xhat[0])} × ${f(b.dgamma)}) = ${f(b.dx1)}`,
    ];
  },
  "pytorch-running-var-one-step": (p) => {
    const unbiased = (p.s2 * p.n) / (p.n - 1);
    return [
      `PyTorch stores the unbiased variance: s² × N ÷ (N − 1) = ${f(p.s2)} × ${f(p.n)} ÷ ${f(p.n - 1)} = ${f(unbiased)}`,
      `running_var starts at 1; momentum ${f(p.momentumPt)} weighs the NEW value: (1 − ${f(p.momentumPt)}) × 1 + ${f(p.momentumPt)} × ${f(unbiased)} = ${f(1 - p.momentumPt + p.momentumPt * unbiased)}`,
    ];
  },
  "folded-conv-tap": (p) => {
    const scale = p.gamma0 / Math.sqrt(p.var0 + p.eps);
    return [
      "the tap belongs to OUTPUT channel 0, so it is scaled by s₀ (the input channel does not matter)",
      `s₀ = γ₀ ÷ √(r_σ²₀ + ε) = ${f(p.gamma0)} ÷ √(${f(p.var0)} + ${f(p.eps)}) = ${f(scale)}`,
      `w′ = s₀ × w = ${f(scale)} × ${f(p.w)} = ${f(scale * p.w)}`,
    ];
  },
  "centred-difference-cube": (p) => {
    const plus = (p.a + p.h) ** 3;
    const minus = (p.a - p.h) ** 3;
    return [
      `L(a + h) = (${f(p.a)} + ${f(p.h)})³ = ${f(plus)}`,
      `L(a − h) = (${f(p.a)} − ${f(p.h)})³ = ${f(minus)}`,
      `(L(a + h) − L(a − h)) ÷ 2h = (${f(plus)} − ${f(minus)}) ÷ ${f(2 * p.h)} = ${f((plus - minus) / (2 * p.h))} (exactly 3a² + h²)`,
    ];
  },
  "layernorm-dx-first-4": (p) => {
    const row = layernormRow4(p);
    const g = values4(p, upstream4).map((G, j) => G * p[gammas4[j]]);
    const sumG = g.reduce((s, v) => s + v, 0);
    const sumGx = g.reduce((s, v, j) => s + v * row.xhat[j], 0);
    return [
      ...normalizeSteps(values4(p), p.x1, p.eps).lines.slice(0, 3),
      `g = γ ⊙ G = (${list(g)}) (γ is per feature, so it goes inside the row sums)`,
      `x̂ = (${list(row.xhat)}); Σ g = ${f(sumG)}; Σ g x̂ = ${f(sumGx)}`,
      `dx₁ = (4 g₁ − Σ g − x̂₁ Σ g x̂) ÷ (4 √(σ² + ε)) = (4 × ${f(g[0])} − ${f(sumG)} − ${f(row.xhat[0])} × ${f(sumGx)}) ÷ (4 × ${f(row.std)}) = ${f(row.dx1)}`,
    ];
  },
};

export function workedSteps(formula: FormulaName, params: Params): string[] {
  return STEPS[formula](params);
}
