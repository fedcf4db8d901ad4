import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exerciseContentHash } from "@/grader/content/content-hash";
import { type Manifest, ManifestSchema } from "../manifest-schema";
import { copyContent } from "../testing/content-copy";
import { buildManifest } from "./build-manifest";

let manifest: Manifest;
const copies: string[] = [];

beforeAll(async () => {
  const built = await buildManifest(path.resolve("exercises"));
  expect(built.problems).toEqual([]);
  manifest = built.manifest as Manifest;
});

afterAll(() => {
  for (const root of copies) rmSync(path.dirname(root), { recursive: true, force: true });
});

describe("content:build", () => {
  it("compiles the course outline, every exercise, lesson and quiz of exercises/", () => {
    expect(ManifestSchema.parse(manifest)).toBeTruthy();
    const listed = manifest.course.modules.flatMap((m) => m.exercises);
    expect(Object.keys(manifest.exercises).sort()).toEqual([...listed].sort());
    for (const m of manifest.course.modules) {
      expect(manifest.lessons[m.lesson]?.anchors.length).toBeGreaterThan(0);
      expect(manifest.quizzes[m.quiz]?.maxScore).toBeGreaterThan(0);
      for (const id of m.exercises) expect(manifest.exercises[id].module).toBe(m.id);
    }
  });

  it("carries starters in both languages, editor declarations, test names and misconception labels", () => {
    const forward = manifest.exercises["batchnorm-forward"];
    expect(forward.starters.typescript).toContain("number[][]");
    expect(forward.starters.javascript).toContain("export function batchnormForward");
    expect(forward.starters.javascript).not.toMatch(/: number\[\]\[\]/);
    expect(forward.declarations).toContain('declare module "exercise"');
    expect(forward.hiddenTests.length).toBeGreaterThan(0);
    expect(forward.hiddenTests[0]).toEqual({ id: expect.any(String), name: expect.any(String), points: expect.any(Number) });
    expect(forward.misconceptions.find((m) => m.id === "unbiased-variance")?.lesson).toMatch(/^\/lessons\//);
    expect(forward.totalPoints).toBe([...forward.publicTests, ...forward.hiddenTests].reduce((s, t) => s + t.points, 0));
  });

  it("carries what the results and editor show of an exercise with several functions: parameter names, every starter export declared", () => {
    const check = manifest.exercises["gradient-check"];
    expect(check.params).toEqual(["f", "x", "dout", "h"]);
    expect(check.declarations).toMatch(/function gradCheck\(/);
    expect(check.declarations).toMatch(/function relError\(/);
    expect(manifest.exercises["porting-conventions"].params).toBeUndefined();
  });

  it("stamps each exercise with the hash of its files' contents", () => {
    for (const e of Object.values(manifest.exercises)) expect(e.contentHash).toBe(exerciseContentHash(path.resolve("exercises", e.id)));
  });

  it("reports every problem at once, each naming its file and field, and writes no manifest", async () => {
    const root = copyContent();
    copies.push(root);
    const specFile = path.join(root, "batchnorm-forward", "exercise.json");
    const spec = JSON.parse(readFileSync(specFile, "utf8"));
    writeFileSync(specFile, JSON.stringify({ ...spec, module: "normalizing-activations", languages: ["cobol"] }));
    const backward = path.join(root, "batchnorm-backward", "exercise.json");
    writeFileSync(backward, JSON.stringify({ ...JSON.parse(readFileSync(backward, "utf8")), title: "" }));
    const courseFile = path.join(root, "course.json");
    const course = JSON.parse(readFileSync(courseFile, "utf8"));
    course.modules[1].exercises.push("batchnorm-inference");
    writeFileSync(courseFile, JSON.stringify(course));
    writeFileSync(path.join(root, "quizzes", "fitting-batchnorm.json"), "{ not json");

    const { manifest: none, problems } = await buildManifest(root);
    expect(none).toBeNull();
    const text = problems.join("\n");
    expect(text).toMatch(/batchnorm-forward\/exercise\.json: field `module`: module membership is declared once, in course\.json/);
    expect(text).toMatch(/batchnorm-backward\/exercise\.json: field `title`/);
    expect(text).toMatch(/course\.json: field `modules\[\]\.exercises`: "batchnorm-inference" is listed in 2 modules/);
    expect(text).toMatch(/quizzes\/fitting-batchnorm\.json: invalid JSON/);
  });
});
