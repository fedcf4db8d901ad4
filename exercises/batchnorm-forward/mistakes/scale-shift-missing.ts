/** Known mistake: γ and β applied before normalizing (or not at all). */
export const misconception = {
  message:
    "Your output is not γ·x̂ + β. Normalize first — x̂ = (x − μ)/√(σ² + ε) — and only then scale by γ_j and shift by β_j, per feature, so the layer can learn any mean and spread it needs.",
  lesson: "/lessons/normalizing-activations#scale-and-shift",
};

export function batchnormForward(
  x: number[][],
  gamma: number[],
  beta: number[],
  eps: number,
): { out: number[][]; mean: number[]; variance: number[] } {
  const n = x.length;
  const d = gamma.length;
  const mean = new Array<number>(d).fill(0);
  const variance = new Array<number>(d).fill(0);
  for (let j = 0; j < d; j++) {
    for (let i = 0; i < n; i++) mean[j] += x[i][j] / n;
    for (let i = 0; i < n; i++) variance[j] += (x[i][j] - mean[j]) ** 2 / n;
  }
  void gamma;
  void beta;
  const out = x.map((row) => row.map((v, j) => (v - mean[j]) / Math.sqrt(variance[j] + eps)));
  return { out, mean, variance };
}
