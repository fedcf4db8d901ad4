export function instancenormForward(x: number[][][][], gamma: number[], beta: number[], eps: number): number[][][][] {
  return x.map((example) =>
    example.map((plane, c) => {
      const values = plane.flat();
      const mean = values.reduce((s, v) => s + v, 0) / values.length;
      const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length;
      const inv = 1 / Math.sqrt(variance + eps);
      return plane.map((row) => row.map((v) => gamma[c] * (v - mean) * inv + beta[c]));
    }),
  );
}
