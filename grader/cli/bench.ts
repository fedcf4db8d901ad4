/**
 * npm run bench — grader speed on this machine. Prints a table, and as the
 * LAST line one JSON object:
 *   { floorMs, exercises: { <id>: { p50Ms, p95Ms } }, gradingsPerSec, timeoutVerdictMs, peakRssMb }
 * floorMs: median of fresh isolate + context + one trivial call + dispose.
 * exercises: each reference graded as a submission (submit mode) in-process.
 * gradingsPerSec: sustained, through the default worker pool (GRADER_WORKERS or 2).
 * timeoutVerdictMs: an infinite loop under a 1 s limit, submitted to a warm pool.
 * peakRssMb: the largest peak RSS a worker reported.
 * Targets are printed, never asserted here.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { gradeInProcess } from "../engine/grade";
import { gradeSubmission, graderStats, shutdownGrader } from "../index";
import { listExerciseFolders, loadExercise } from "../content/load-exercise";
import { measureIsolateFloorMs } from "../engine/sandbox";

const GRADINGS_PER_EXERCISE = Number(process.env.BENCH_GRADINGS ?? 200);
const THROUGHPUT_JOBS = Number(process.env.BENCH_THROUGHPUT_JOBS ?? 1500);
const IN_FLIGHT = 32;

function quantile(sorted: number[], q: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i];
}

const round = (n: number) => Math.round(n * 100) / 100;

async function main(): Promise<void> {
  const started = performance.now();
  for (let i = 0; i < 50; i++) measureIsolateFloorMs(); // warm-up
  const floors = Array.from({ length: 300 }, () => measureIsolateFloorMs()).sort((a, b) => a - b);
  const floorMs = quantile(floors, 0.5);

  const ids = await listExerciseFolders();
  const exercises: Record<string, { p50Ms: number; p95Ms: number }> = {};
  const references: Record<string, string> = {};
  console.log(`isolate floor (create + context + call + dispose): p50 ${floorMs.toFixed(2)} ms`);
  console.log("exercise                      tests   p50 ms   p95 ms   p50/floor");
  for (const id of ids) {
    const exercise = await loadExercise(id);
    const code = await readFile(path.join(exercise.dir, "reference.ts"), "utf8");
    references[id] = code;
    for (let i = 0; i < 20; i++) await gradeInProcess(exercise, code, "typescript", "submit"); // warm caches and JIT
    const times: number[] = [];
    for (let i = 0; i < GRADINGS_PER_EXERCISE; i++) {
      const t0 = performance.now();
      const report = await gradeInProcess(exercise, code, "typescript", "submit");
      times.push(performance.now() - t0);
      if (report.status !== "passed") throw new Error(`${id}: the reference did not pass: ${report.summary}`);
    }
    times.sort((a, b) => a - b);
    exercises[id] = { p50Ms: round(quantile(times, 0.5)), p95Ms: round(quantile(times, 0.95)) };
    console.log(
      `${id.padEnd(30)}${String(exercise.tests.length).padStart(5)}${exercises[id].p50Ms.toFixed(2).padStart(9)}${exercises[id].p95Ms.toFixed(2).padStart(9)}${(exercises[id].p50Ms / floorMs).toFixed(1).padStart(12)}`,
    );
  }

  // Throughput through the default pool, round-robin over every exercise.
  const warm = ids.map((id) => gradeSubmission({ exerciseId: id, code: references[id], language: "typescript", mode: "submit" }));
  await Promise.all([...warm, ...warm.map(() => gradeSubmission({ exerciseId: ids[0], code: references[ids[0]], language: "typescript", mode: "submit" }))]);
  // Measure the steady state: spares still warming up (each grades every
  // reference once) would otherwise take CPU from the measured window.
  for (let waited = 0; waited < 20_000; waited += 100) {
    const w = graderStats()?.workers;
    if (w && w.ready === w.started) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  let next = 0;
  let failures = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < THROUGHPUT_JOBS) {
        const id = ids[next++ % ids.length];
        const report = await gradeSubmission({ exerciseId: id, code: references[id], language: "typescript", mode: "submit" });
        if (report.status !== "passed") failures++;
      }
    }),
  );
  const gradingsPerSec = Math.round(THROUGHPUT_JOBS / ((performance.now() - t0) / 1000));
  console.log(`throughput: ${gradingsPerSec} gradings/s (${THROUGHPUT_JOBS} gradings, ${IN_FLIGHT} in flight, ${failures} not passed)`);

  // Time to a timeout verdict for an infinite loop under a 1 s call limit (warm pool).
  const loopCode = "export function batchnormForward() { for (;;) {} }";
  const verdicts: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const report = await gradeSubmission({ exerciseId: "batchnorm-forward", code: loopCode, language: "typescript", mode: "submit" });
    verdicts.push(performance.now() - t);
    if (!report.tests.some((test) => test.status === "timeout")) throw new Error("the infinite loop did not get a timeout verdict");
  }
  const timeoutVerdictMs = Math.round(verdicts.sort((a, b) => a - b)[1]);
  console.log(`infinite loop → timeout verdict: median ${timeoutVerdictMs} ms of 3 (limit 1000 ms; target ≤ 1250 ms)`);

  const peakRssMb = Math.round(graderStats()?.peakWorkerRssMb ?? 0);
  console.log(`worker peak RSS: ${peakRssMb} MB; total bench time ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const bn = exercises["batchnorm-forward"];
  if (bn) {
    console.log(
      `targets: batchnorm-forward p50 ${bn.p50Ms} ms ≤ 5×floor ${(5 * floorMs).toFixed(2)} ms: ${bn.p50Ms <= 5 * floorMs ? "met" : "MISSED"}; ` +
        `p95 ${bn.p95Ms} ms ≤ 30 ms: ${bn.p95Ms <= 30 ? "met" : "MISSED"}; ` +
        `${gradingsPerSec} ≥ 150 gradings/s: ${gradingsPerSec >= 150 ? "met" : "MISSED"}; ` +
        `timeout verdict ${timeoutVerdictMs} ms ≤ 1250 ms: ${timeoutVerdictMs <= 1250 ? "met" : "MISSED"}`,
    );
  }
  await shutdownGrader();
  console.log(JSON.stringify({ floorMs: round(floorMs), exercises, gradingsPerSec, timeoutVerdictMs, peakRssMb }));
}

main().catch(async (e) => {
  console.error(e);
  await shutdownGrader();
  process.exit(1);
});
