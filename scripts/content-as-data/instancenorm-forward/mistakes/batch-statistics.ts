export const misconception = {
  message: "You normalize each channel over the whole batch (batch norm). Instance norm uses each example's own H·W values for each channel.",
};

export function instancenormForward(x: number[][][][], gamma: number[], beta: number[], eps: number): number[][][][] {
  return x.map((example) =>
    example.map((plane, c) => {
      const values = x.flatMap((e) => e[c].flat());
      const mean = values.reduce((s, v) => s + v, 0) / values.length;
      const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length;
      return plane.map((row) => row.map((v) => (gamma[c] * (v - mean)) / Math.sqrt(variance + eps) + beta[c]));
    }),
  );
}
