import { type APIRequestContext, expect } from "@playwright/test";
import { CORRECT_FORWARD } from "./workspace-helpers";

/** A correct batchnormBackward written for the tests (not the reference's text). */
export const CORRECT_BACKWARD = `export function batchnormBackward(dout: number[][], x: number[][], gamma: number[], eps: number) {
  const n = x.length;
  const d = gamma.length;
  const dx = x.map((row) => row.map(() => 0));
  const dgamma: number[] = [];
  const dbeta: number[] = [];
  for (let j = 0; j < d; j++) {
    let m = 0;
    for (let i = 0; i < n; i++) m += x[i][j] / n;
    let v = 0;
    for (let i = 0; i < n; i++) v += (x[i][j] - m) ** 2 / n;
    const inv = 1 / Math.sqrt(v + eps);
    let sg = 0;
    let sgx = 0;
    for (let i = 0; i < n; i++) {
      sg += dout[i][j];
      sgx += dout[i][j] * (x[i][j] - m) * inv;
    }
    dbeta.push(sg);
    dgamma.push(sgx);
    for (let i = 0; i < n; i++) dx[i][j] = (gamma[j] * inv / n) * (n * dout[i][j] - sg - (x[i][j] - m) * inv * sgx);
  }
  return { dx, dgamma, dbeta };
}
`;

/** A correct BatchNorm class written for the tests. */
export const CORRECT_INFERENCE = `export class BatchNorm {
  gamma: number[]; beta: number[]; runningMean: number[]; runningVar: number[]; training = true;
  private eps: number; private momentum: number;
  constructor(numFeatures: number, options: { eps?: number; momentum?: number } = {}) {
    this.eps = options.eps ?? 1e-5;
    this.momentum = options.momentum ?? 0.9;
    this.gamma = new Array(numFeatures).fill(1);
    this.beta = new Array(numFeatures).fill(0);
    this.runningMean = new Array(numFeatures).fill(0);
    this.runningVar = new Array(numFeatures).fill(1);
  }
  train() { this.training = true; }
  eval() { this.training = false; }
  forward(x: number[][]): number[][] {
    const d = this.gamma.length;
    let mean = this.runningMean;
    let variance = this.runningVar;
    if (this.training) {
      const n = x.length;
      mean = Array.from({ length: d }, (_, j) => x.reduce((s, r) => s + r[j], 0) / n);
      variance = Array.from({ length: d }, (_, j) => x.reduce((s, r) => s + (r[j] - mean[j]) ** 2, 0) / n);
      const m = this.momentum;
      this.runningMean = this.runningMean.map((r, j) => m * r + (1 - m) * mean[j]);
      this.runningVar = this.runningVar.map((r, j) => m * r + (1 - m) * variance[j]);
    }
    return x.map((row) => row.map((v, j) => this.gamma[j] * (v - mean[j]) / Math.sqrt(variance[j] + this.eps) + this.beta[j]));
  }
}
`;

export const CORRECT = { "batchnorm-forward": CORRECT_FORWARD, "batchnorm-backward": CORRECT_BACKWARD, "batchnorm-inference": CORRECT_INFERENCE };

/** Submits through the real API (graded by the real grader) and returns the verdict. */
export async function submit(request: APIRequestContext, exerciseId: string, code: string): Promise<string | undefined> {
  const response = await request.post(`/api/exercises/${exerciseId}/submissions`, {
    data: { code, language: "typescript", mode: "submit", clientRequestId: crypto.randomUUID() },
  });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { report?: { status: string } }).report?.status;
}

/**
 * Text of the lab's built-in layer that survives minification (a string
 * literal of lib/lab/server/reference-batchnorm.ts): present in what
 * GET /api/lab/builtin sends, absent from every client script.
 */
export const BUILTIN_LAYER_FRAGMENT = "The lab's built-in batch norm got an empty batch.";
