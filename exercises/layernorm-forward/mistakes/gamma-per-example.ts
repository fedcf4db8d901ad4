/** Known mistake: γ and β indexed by the example instead of the feature. */
export const misconception = {
  message:
    "You indexed γ and β by the example (row) instead of the feature (column). Layer norm normalizes along each row, but its learnable scale and shift still have one entry per feature: y_ij = γ_j·x̂_ij + β_j.",
  lesson: "/lessons/beyond-batchnorm#layer-norm",
};

export function layernormForward(x: number[][], gamma: number[], beta: number[], eps: number): number[][] {
  return x.map((row, i) => {
    const mean = row.reduce((s, v) => s + v, 0) / row.length;
    const variance = row.reduce((s, v) => s + (v - mean) ** 2, 0) / row.length;
    return row.map((v) => (gamma[i] * (v - mean)) / Math.sqrt(variance + eps) + beta[i]);
  });
}
