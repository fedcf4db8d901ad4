/**
 * `npx tsx scripts/measure-fair-grading.ts [--pool-only] [--no-abuse]`:
 * grading alone, without the web server. Three accounts each keep 6 slow
 * submissions (950 ms busy loop per call, so each submit runs into its 5 s
 * total limit) going while 20 honest students grade the reference solution
 * with 2–4 s think time, for 25 s after a warm-up. Honest latency is printed
 * as JSON. `--pool-only` calls the grader pool directly (first come, first
 * served) instead of lib/submissions/fair-grading.ts; `--no-abuse` is the
 * baseline.
 */
import { readFileSync } from "node:fs";
import { type GradeRequest, graderStats, gradeSubmission, shutdownGrader } from "../grader";
import { gradeFairly } from "../lib/submissions/fair-grading";
import type { Mode } from "@/grader/contract/vocabulary";

const poolOnly = process.argv.includes("--pool-only");
const abuse = !process.argv.includes("--no-abuse");
const grade = (userId: string, request: GradeRequest) => (poolOnly ? gradeSubmission(request) : gradeFairly({ userId, address: userId }, request));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const correct = readFileSync("exercises/batchnorm-forward/reference.ts", "utf8");
const slow = "export function batchnormForward(...args: unknown[]): any {\n  const end = Date.now() + 950; while (Date.now() < end) {} return null as any;\n}\n";
const request = (code: string, mode: Mode): GradeRequest => ({ exerciseId: "batchnorm-forward", code, language: "typescript", mode });

// Warm-up: workers started and warm before anything is measured.
await Promise.all(Array.from({ length: 6 }, (_, i) => grade(`warm${i}`, request(correct, "submit"))));
await sleep(1000);

const stopAt = Date.now() + 25_000;
const abusers = abuse
  ? ["abuser1", "abuser2", "abuser3"].flatMap((user) =>
      Array.from({ length: 6 }, async () => {
        while (Date.now() < stopAt) await grade(user, request(slow, "submit")).catch(() => sleep(200));
      }),
    )
  : [];
await sleep(3000);
const latencies: number[] = [];
const honest = Array.from({ length: 20 }, async (_, i) => {
  while (Date.now() < stopAt) {
    const started = performance.now();
    await grade(`student${i}`, request(correct, i % 2 ? "run" : "submit"));
    latencies.push(performance.now() - started);
    await sleep(2000 + ((i * 97) % 2000));
  }
});
await Promise.all([...abusers, ...honest]);
latencies.sort((a, b) => a - b);
const at = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))]);
console.log(JSON.stringify({ mode: poolOnly ? "pool-only" : "fair-queue", abuse, honest: latencies.length, p50Ms: at(0.5), p95Ms: at(0.95), maxMs: Math.round(latencies.at(-1) ?? 0), pool: graderStats() }));
await shutdownGrader();
process.exit(0);
