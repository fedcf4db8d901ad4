import { readFile } from "node:fs/promises";
const dir = process.env.DIR!;
const { gradeInProcess } = await import(`${dir}/grader/grade.ts`);
const { loadExercise } = await import(`${dir}/grader/load-exercise.ts`);
for (const id of ["batchnorm-forward", "batchnorm-inference"]) {
  const ex = await loadExercise(id);
  const code = await readFile(`${dir}/exercises/${id}/reference.ts`, "utf8");
  for (let i = 0; i < 50; i++) await gradeInProcess(ex, code, "typescript", "submit");
  const c0 = process.cpuUsage(); const t0 = performance.now();
  const N = 300; const ph = { compileMs: 0, sandboxMs: 0, compareMs: 0 };
  for (let i = 0; i < N; i++) { const r = await gradeInProcess(ex, code, "typescript", "submit"); ph.compileMs += r.timings.compileMs; ph.sandboxMs += r.timings.sandboxMs; ph.compareMs += r.timings.compareMs; }
  const c = process.cpuUsage(c0);
  console.log(process.env.TAG, id, "cpu ms/grading", ((c.user + c.system) / 1000 / N).toFixed(2), "wall", ((performance.now() - t0) / N).toFixed(2), Object.entries(ph).map(([k, v]) => `${k} ${(v / N).toFixed(2)}`).join(" "));
}
