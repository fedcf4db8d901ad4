/**
 * npm run grade -- <exercise-id> <file> [--mode run|submit] [--json]
 * Grades a file in this process (through gradeInProcess). Exit codes:
 * 0 passed, 1 failed or error, 2 usage error (unknown exercise, missing file).
 */
import { readFile } from "node:fs/promises";
import { gradeInProcess, type Mode } from "./grade";
import { loadExercise, readExerciseSpec, UnknownExerciseError } from "./load-exercise";
import type { GradeReport } from "./schema";

const USAGE = "usage: npm run grade -- <exercise-id> <file> [--mode run|submit] [--json]";

function usage(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

function parseArgs(argv: string[]): { id: string; file: string; mode: Mode; json: boolean } {
  const positional: string[] = [];
  let mode: Mode = "submit";
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--json") json = true;
    else if (arg === "--mode" || arg.startsWith("--mode=")) {
      const value = arg.includes("=") ? arg.split("=")[1] : argv[++i];
      if (value !== "run" && value !== "submit") usage(`--mode must be run or submit, got ${value ?? "nothing"}`);
      mode = value;
    } else if (arg.startsWith("--")) usage(`unknown option ${arg}`);
    else positional.push(arg);
  }
  if (positional.length !== 2) usage("expected an exercise id and a file");
  return { id: positional[0], file: positional[1], mode, json };
}

function printHuman(report: GradeReport): void {
  const icon = { passed: "✔", failed: "✘", error: "!", timeout: "⏱" } as const;
  console.log(`${report.exerciseId} (${report.mode}): ${report.status.toUpperCase()} — score ${(report.score * 100).toFixed(0)}% — ${report.summary}`);
  for (const e of report.compileErrors) console.log(`  line ${e.line}, column ${e.column}: ${e.message}`);
  for (const t of report.tests) {
    console.log(`  ${icon[t.status]} [${t.visibility}] ${t.name} (${t.points}/${t.maxPoints})${t.status === "passed" ? "" : ` — ${t.message}`}`);
    if (t.status !== "passed" && t.hint) console.log(`      hint: ${t.hint}`);
  }
  for (const m of report.misconceptions) console.log(`  misconception ${m.id}: ${m.message} (${m.lesson ?? ""})`);
  if (report.console.length) console.log(`  console:\n    ${report.console.join("\n    ")}`);
  console.log(`  timings: ${Object.entries(report.timings).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(", ")}`);
}

async function main(): Promise<void> {
  const { id, file, mode, json } = parseArgs(process.argv.slice(2));
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
  const report = await gradeInProcess(await loadExercise(id), code, language, mode);
  if (json) process.stdout.write(`${JSON.stringify(report)}\n`);
  else printHuman(report);
  process.exitCode = report.status === "passed" ? 0 : 1;
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
