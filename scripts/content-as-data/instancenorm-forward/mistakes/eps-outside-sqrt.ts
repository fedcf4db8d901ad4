export const misconception = {
  message: "You add ε after the square root (√σ² + ε). It belongs inside: √(σ² + ε).",
};

export function instancenormForward(x: number[][][][], gamma: number[], beta: number[], eps: number): number[][][][] {
  return x.map((example) =>
    example.map((plane, c) => {
      const values = plane.flat();
      const mean = values.reduce((s, v) => s + v, 0) / values.length;
      const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length;
      return plane.map((row) => row.map((v) => (gamma[c] * (v - mean)) / (Math.sqrt(variance) + eps) + beta[c]));
    }),
  );
}
