/**
 * npm run grade -- <exercise-id> <file> [--mode run|submit] [--json] [--author]
 * Grades a file through one grading worker process, like the web app: a
 * submission that crashes or exhausts its worker still gets an error report
 * on stdout (exit 1), and the worker's memory is watched. Text output escapes
 * control characters. Exit codes: 0 passed, 1 failed or error, 2 usage error
 * (unknown exercise, missing file, file too large). `--author` adds what only
 * an exercise's author may see: every test's inputs, expected value and hint,
 * hidden ones included (author-view.ts).
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Mode } from "../engine/grade";
import { authorRows, formatAuthorRows } from "./author-view";
import { newGradingSeed } from "../content/hidden-tests";
import { loadExercise, readExerciseSpec, UnknownExerciseError } from "../content/load-exercise";
import { GraderPool } from "../pool/pool";
import { type GradeReport, GradeRequestSchema } from "../contract/schema";
import { escapeForTerminal, jsonForTerminal } from "./terminal-text";

const USAGE = "usage: npm run grade -- <exercise-id> <file> [--mode run|submit] [--json] [--author]";

function usage(message: string): never {
  process.stderr.write(`${escapeForTerminal(message)}\n${USAGE}\n`);
  process.exit(2);
}

function parseArgs(argv: string[]): { id: string; file: string; mode: Mode; json: boolean; author: boolean } {
  const positional: string[] = [];
  let mode: Mode = "submit";
  let json = false;
  let author = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--json") json = true;
    else if (arg === "--author") author = true;
    else if (arg === "--mode" || arg.startsWith("--mode=")) {
      const value = arg.includes("=") ? arg.split("=")[1] : argv[++i];
      if (value !== "run" && value !== "submit") usage(`--mode must be run or submit, got ${value ?? "nothing"}`);
      mode = value;
    } else if (arg.startsWith("--")) usage(`unknown option ${arg}`);
    else positional.push(arg);
  }
  if (positional.length !== 2) usage("expected an exercise id and a file");
  return { id: positional[0], file: positional[1], mode, json, author };
}

function printHuman(report: GradeReport): void {
  const icon = { passed: "✔", failed: "✘", error: "!", timeout: "⏱" } as const;
  const t = escapeForTerminal;
  const out: string[] = [`${t(report.exerciseId)} (${report.mode}): ${report.status.toUpperCase()} — score ${(report.score * 100).toFixed(0)}% — ${t(report.summary)}`];
  for (const e of report.compileErrors) out.push(`  line ${e.line}, column ${e.column}: ${t(e.message)}`);
  for (const r of report.tests) {
    out.push(`  ${icon[r.status]} [${r.visibility}] ${t(r.name)} (${r.points}/${r.maxPoints})${r.status === "passed" ? "" : ` — ${t(r.message)}`}`);
    if (r.status !== "passed" && r.hint) out.push(`      hint: ${t(r.hint)}`);
  }
  for (const m of report.misconceptions) out.push(`  misconception ${t(m.id)}: ${t(m.message)} (${t(m.lesson ?? "")})`);
  if (report.console.length) out.push(`  console:\n    ${report.console.map(t).join("\n    ")}`);
  out.push(`  timings: ${Object.entries(report.timings).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(", ")}`);
  process.stdout.write(`${out.join("\n")}\n`);
}

async function main(): Promise<void> {
  const { id, file, mode, json, author } = parseArgs(process.argv.slice(2));
  try {
    await readExerciseSpec(id);
  } catch (e) {
    if (e instanceof UnknownExerciseError) usage(e.message);
    throw e;
  }
  let code: string;
  try {
    code = await readFile(file, "utf8");
  } catch {
    usage(`cannot read ${file}`);
  }
  const language = file.endsWith(".js") || file.endsWith(".mjs") ? "javascript" : "typescript";
  // One seed for the worker's grading and the author view, so both show the same hidden inputs.
  const seed = newGradingSeed();
  const request = GradeRequestSchema.safeParse({ exerciseId: id, code, language, mode, seed });
  if (!request.success) usage(request.error.issues[0]?.message ?? "invalid request");

  const pool = new GraderPool({
    size: 1,
    spares: 0,
    maxWorkers: 1,
    maxQueue: 1,
    warmUp: false,
    root: path.resolve(process.env.GRADER_ROOT ?? path.join(import.meta.dirname, "..", "..")),
    workerRssLimitMb: Number(process.env.GRADER_WORKER_RSS_MB) > 0 ? Number(process.env.GRADER_WORKER_RSS_MB) : 512,
    deprioritizeAfterMs: 60_000,
  });
  try {
    const report = await pool.grade(request.data);
    const rows = author ? authorRows(await loadExercise(id), report, seed) : null;
    if (json) process.stdout.write(`${jsonForTerminal(rows ? { report, author: { seed, tests: rows } } : report)}\n`);
    else {
      printHuman(report);
      if (rows) process.stdout.write(`${formatAuthorRows(rows, seed)}\n`);
    }
    process.exitCode = report.status === "passed" ? 0 : 1;
  } finally {
    await pool.shutdown();
  }
}

main().catch((e) => {
  process.stderr.write(`${escapeForTerminal(e instanceof Error ? e.message : String(e))}\n`);
  process.exit(1);
});
