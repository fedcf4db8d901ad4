/**
 * Messages an exercise author gets for common slips must carry the recipe
 * (issue: "messages that need a recipe"): a copy of a real exercise in a temp
 * folder, with one file broken per case, loaded as the checker loads it.
 */
import { cp, mkdir, mkdtemp, readFile, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { strayFiles } from "@/scripts/exercises-check/stray-files";
import { loadExercise } from "./load-exercise";

/** <tmp>/exercises/<id> beside a link to grader/, so tests.ts's `../../grader/test-kit` import resolves. */
async function copyOf(id: string): Promise<{ root: string; dir: string }> {
  const base = await mkdtemp(path.join(tmpdir(), "author-messages-"));
  await symlink(path.resolve("grader"), path.join(base, "grader"));
  const root = path.join(base, "exercises");
  await mkdir(root);
  await cp(path.join("exercises", id), path.join(root, id), { recursive: true });
  return { root, dir: path.join(root, id) };
}

describe("author messages", () => {
  it("a mistake without `export` on its misconception is told exactly what to add", async () => {
    const { root, dir } = await copyOf("layernorm-forward");
    const file = path.join(dir, "mistakes", "eps-missing.ts");
    await writeFile(file, (await readFile(file, "utf8")).replace("export const misconception", "const misconception"));
    await expect(loadExercise("layernorm-forward", root)).rejects.toThrow(
      "layernorm-forward/mistakes/eps-missing.ts: no `misconception` export. Add `export const misconception = { message:",
    );
  });

  it("a too-short misconception message says the minimum and what to write", async () => {
    const { root, dir } = await copyOf("layernorm-forward");
    const file = path.join(dir, "mistakes", "eps-missing.ts");
    await writeFile(file, (await readFile(file, "utf8")).replace(/message:\s*"[^"]*"/, 'message: "No ε."'));
    await expect(loadExercise("layernorm-forward", root)).rejects.toThrow(/field `misconception\.message`: must be at least 10 characters/);
  });

  it("a generator that throws is reported with its line in tests.ts", async () => {
    const { root, dir } = await copyOf("layernorm-forward");
    const file = path.join(dir, "tests.ts");
    const source = await readFile(file, "utf8");
    const broken = source.replace('args: (rng) => [rows(rng, 3, 4), [1, 1, 1, 1], [0, 0, 0, 0], 1e-5],', "args: (rng) => [(undefined as unknown as number[]).map((v) => v + rng.next())],");
    expect(broken).not.toBe(source);
    await writeFile(file, broken);
    const line = broken.split("\n").findIndex((l) => l.includes("(undefined as unknown")) + 1;
    await expect(loadExercise("layernorm-forward", root)).rejects.toThrow(
      new RegExp(`tests\\.ts: test "small-batch": generator threw at tests\\.ts line ${line}, column \\d+: Cannot read properties of undefined`),
    );
  });

  it("a folder with only exercise.json lists every missing file at once", async () => {
    const base = await mkdtemp(path.join(tmpdir(), "author-messages-"));
    await mkdir(path.join(base, "new-one"));
    await cp(path.join("exercises", "layernorm-forward", "exercise.json"), path.join(base, "new-one", "exercise.json"));
    const spec = JSON.parse(await readFile(path.join(base, "new-one", "exercise.json"), "utf8"));
    await writeFile(path.join(base, "new-one", "exercise.json"), JSON.stringify({ ...spec, id: "new-one" }));
    const error = await loadExercise("new-one", base).then(
      () => null,
      (e: Error) => e.message,
    );
    expect(error?.split("\n").sort()).toEqual([
      "new-one/prompt.md: file is missing",
      "new-one/reference.ts: file is missing",
      "new-one/starter.ts: file is missing",
      "new-one/tests.ts: file is missing",
    ]);
  });

  it("stray files in an exercise folder are flagged, the course's folders have none", async () => {
    const { dir } = await copyOf("layernorm-forward");
    expect(await strayFiles(dir, "layernorm-forward")).toEqual([]);
    await writeFile(path.join(dir, "eps-missing-too.ts"), "export {}\n");
    await writeFile(path.join(dir, "mistakes", "Notes.md"), "x\n");
    await mkdir(path.join(dir, "alternative"));
    expect((await strayFiles(dir, "layernorm-forward")).sort()).toEqual([
      "layernorm-forward/alternative/: not a folder the grader reads (only mistakes/ and alternatives/); rename or remove it",
      "layernorm-forward/eps-missing-too.ts: not a file the grader reads; a known mistake goes in mistakes/, a correct variant in alternatives/, anything else out of the folder",
      "layernorm-forward/mistakes/Notes.md: not read by the grader (mistakes/ holds kebab-case .ts files only)",
    ]);
  });
});
