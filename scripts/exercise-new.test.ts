/**
 * The authoring path end to end, in a copy of the content: `exercise:new`
 * scaffolds a folder that the checker refuses only for what the author must
 * write; after writing a reference, tests, one mistake and the prompt, the
 * checker accepts it — with no other file touched.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const repo = path.resolve(import.meta.dirname, "..");
const ID = "instancenorm-forward";
const fixture = path.join(repo, "scripts", "content-as-data", ID);

function setUp() {
  const base = mkdtempSync(path.join(tmpdir(), "exercise-new-"));
  cpSync(path.join(repo, "exercises"), path.join(base, "exercises"), { recursive: true });
  // Content is data: the course may already have an exercise with this id (npm run test:content-as-data
  // adds this very fixture). The copy is the course without it, so the scaffold starts from nothing.
  const courseFile = path.join(base, "exercises", "course.json");
  const course = JSON.parse(readFileSync(courseFile, "utf8")) as { modules: { exercises: string[] }[] };
  for (const m of course.modules) m.exercises = m.exercises.filter((id) => id !== ID);
  writeFileSync(courseFile, `${JSON.stringify(course, null, 2)}\n`);
  rmSync(path.join(base, "exercises", ID), { recursive: true, force: true });
  symlinkSync(path.join(repo, "grader"), path.join(base, "grader")); // tests.ts imports ../../grader/test-kit
  const env = { ...process.env, EXERCISES_DIR: path.join(base, "exercises"), CONTENT_MANIFEST: path.join(base, "manifest.json") };
  const run = (script: string, ...args: string[]) =>
    spawnSync(process.execPath, ["--import", "tsx", "--no-node-snapshot", script, ...args], { cwd: repo, env, encoding: "utf8", timeout: 240_000 });
  return { dir: path.join(base, "exercises", ID), courseFile: path.join(base, "exercises", "course.json"), run };
}

describe("npm run exercise:new", () => {
  it("scaffolds, the checker names what is left to write, and after writing it the checker accepts the folder", () => {
    const { dir, courseFile, run } = setUp();
    const created = run("scripts/exercise-new.ts", ID, "--module", "beyond-batchnorm", "--title", "Instance norm forward");
    expect(created.status, created.stderr).toBe(0);
    expect(created.stdout).toContain("Now write (exercises:check fails until each is done)");
    const course = JSON.parse(readFileSync(courseFile, "utf8")) as { modules: { id: string; exercises: string[] }[] };
    expect(course.modules.find((m) => m.id === "beyond-batchnorm")?.exercises).toContain(ID);

    const scaffolded = run("scripts/check-exercises.ts", ID, "--seeds=3");
    expect(scaffolded.status).toBe(1);
    const said = scaffolded.stdout + scaffolded.stderr;
    expect(said).toMatch(new RegExp(`${ID}/reference\\.ts: must pass all of its own tests`));
    expect(said).toMatch(new RegExp(`${ID}/mistakes/: has 0 known mistakes`));
    expect(said).toMatch(new RegExp(`${ID}/prompt\\.md:\\d+: still has TODO\\(author\\)`));

    // The author writes the reference, the tests, one mistake and the prompt.
    for (const file of ["reference.ts", "tests.ts", "prompt.md", "mistakes/batch-statistics.ts"]) cpSync(path.join(fixture, file), path.join(dir, file));
    const spec = JSON.parse(readFileSync(path.join(dir, "exercise.json"), "utf8"));
    writeFileSync(path.join(dir, "exercise.json"), JSON.stringify({ ...spec, params: ["x", "gamma", "beta", "eps"] }, null, 2));
    const written = run("scripts/check-exercises.ts", ID, "--seeds=3");
    expect(written.stdout + written.stderr).toContain("1 exercises checked");
    expect(written.status, written.stdout + written.stderr).toBe(0);
  }, 600_000);

  it("refuses a bad id, an unknown module and an existing folder, changing nothing", () => {
    const { courseFile, run } = setUp();
    const before = readFileSync(courseFile, "utf8");
    expect(run("scripts/exercise-new.ts", "Bad_Id", "--module", "beyond-batchnorm").stderr).toMatch(/not a kebab-case id/);
    expect(run("scripts/exercise-new.ts", "new-one", "--module", "nope").stderr).toMatch(/course\.json has no module "nope"/);
    expect(run("scripts/exercise-new.ts", "batchnorm-forward", "--module", "beyond-batchnorm").stderr).toMatch(/already exists/);
    expect(readFileSync(courseFile, "utf8")).toBe(before);
  });
});
