/**
 * npm run test:content-as-data — content is data: adding a complete exercise
 * folder (and listing it in its module of course.json), or removing one,
 * must need no other change. In a clone of this repository in a temporary
 * folder it (1) adds the fixture exercise beside this file and lists it in
 * its module, then runs `npm run exercises:check` and the whole unit suite;
 * (2) removes a course exercise and its course.json entry and runs both again.
 * Exits 1 if either scenario fails; prints each step's outcome and duration,
 * the failing tests' names, and where the step's full output was saved.
 * Extra arguments limit the unit suite to those files (to re-check a fix):
 * `npm run test:content-as-data -- lib/submissions/submissions.test.ts`.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const repo = path.resolve(import.meta.dirname, "../..");
const FIXTURE = "instancenorm-forward";
const FIXTURE_MODULE = "beyond-batchnorm";
const REMOVED = process.env.CONTENT_AS_DATA_REMOVE ?? "fold-batchnorm";
const unitFiles = process.argv.slice(2);
const logDir = mkdtempSync(path.join(tmpdir(), "content-as-data-logs-"));
let step = 0;
const started = performance.now();

interface Course {
  modules: { id: string; exercises: string[] }[];
}

function run(cwd: string, label: string, command: string, args: string[]): boolean {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd, encoding: "utf8", env: { ...process.env, CI: "true" }, maxBuffer: 64 * 1024 * 1024 });
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  const ok = result.status === 0;
  const output = `${result.stdout}\n${result.stderr}`;
  const log = path.join(logDir, `${++step}.log`);
  writeFileSync(log, output);
  console.log(`${ok ? "ok  " : "FAIL"} ${label} (${seconds} s)`);
  if (!ok) {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: strips ANSI colours
    const plain = output.replace(/\u001b\[[0-9;]*m/g, "");
    const failed = [...new Set(plain.split("\n").filter((l) => /^\s*(FAIL|×|✗)\s/.test(l)).map((l) => l.trim()))];
    console.log(failed.length ? failed.join("\n") : plain.split("\n").slice(-60).join("\n"));
    console.log(`full output: ${log}`);
  }
  return ok;
}

function editCourse(root: string, edit: (course: Course) => void): void {
  const file = path.join(root, "exercises", "course.json");
  const course = JSON.parse(readFileSync(file, "utf8")) as Course;
  edit(course);
  writeFileSync(file, `${JSON.stringify(course, null, 2)}\n`);
}

function freshClone(): string {
  const base = mkdtempSync(path.join(tmpdir(), "content-as-data-"));
  // Grading workers run as `nobody` when started by root and must read the clone (mkdtemp makes it 0700).
  chmodSync(base, 0o755);
  const root = path.join(base, "repo");
  if (!run(repo, "clone the committed repository", "git", ["clone", "--quiet", "--shared", repo, root])) process.exit(1);
  // Installed once: the clone uses this checkout's dependencies and generated Prisma client.
  symlinkSync(path.join(repo, "node_modules"), path.join(root, "node_modules"));
  cpSync(path.join(repo, "lib", "generated"), path.join(root, "lib", "generated"), { recursive: true });
  return root;
}

function checks(root: string, scenario: string): boolean {
  const checker = run(root, `${scenario}: npm run exercises:check`, "npm", ["run", "-s", "exercises:check"]);
  const unit = run(root, `${scenario}: ${unitFiles.length ? unitFiles.join(" ") : "the whole unit suite"} (vitest run)`, "npx", ["vitest", "run", ...unitFiles]);
  return checker && unit;
}

const added = freshClone();
cpSync(path.join(import.meta.dirname, FIXTURE), path.join(added, "exercises", FIXTURE), { recursive: true });
editCourse(added, (course) => {
  const module = course.modules.find((m) => m.id === FIXTURE_MODULE);
  if (!module) throw new Error(`course.json has no module ${FIXTURE_MODULE}`);
  module.exercises.push(FIXTURE);
});
const addedOk = checks(added, `exercise "${FIXTURE}" added`);

const removed = freshClone();
rmSync(path.join(removed, "exercises", REMOVED), { recursive: true });
editCourse(removed, (course) => {
  for (const m of course.modules) m.exercises = m.exercises.filter((id) => id !== REMOVED);
});
const removedOk = checks(removed, `exercise "${REMOVED}" removed`);

for (const dir of [added, removed]) rmSync(path.dirname(dir), { recursive: true, force: true });
const minutes = ((performance.now() - started) / 60_000).toFixed(1);
console.log(`${addedOk && removedOk ? "content as data: both scenarios pass with no other file changed" : "content as data: FAILED"} (${minutes} min)`);
process.exit(addedOk && removedOk ? 0 : 1);
