import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checkContent, checkExerciseLinks } from "./check-content";

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function fixture(files: Record<string, unknown>): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), "content-"));
  dirs.push(root);
  for (const [rel, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, rel)), { recursive: true });
    await writeFile(path.join(root, rel), typeof content === "string" ? content : JSON.stringify(content));
  }
  return root;
}

const course = {
  id: "c",
  title: "C",
  modules: [{ id: "m", title: "M", lesson: "m", quiz: "m", exercises: [] }],
};
const goodQuestion = { id: "q", type: "true-false", prompt: "p", explanation: "e", answer: true, claims: [1, 2, 3, 4, 5, 6, 7] };

describe("checkContent on the real course", () => {
  it("finds no errors and reports what it checked", async () => {
    const { errors, summary } = await checkContent();
    expect(errors).toEqual([]);
    // one quiz per module: the count follows exercises/course.json
    const modules = (JSON.parse(await readFile(path.join(process.cwd(), "exercises", "course.json"), "utf8")) as { modules: unknown[] }).modules.length;
    expect(summary.join("\n")).toMatch(new RegExp(`quizzes: ${modules} files, \\d+ questions`));
    expect(summary.join("\n")).toContain("all seven claims tagged");
  });
});

describe("checkContent on broken content", () => {
  it("accepts a minimal valid fixture", async () => {
    const root = await fixture({ "course.json": course, "lessons/m.md": "# M\n\n## Part one\n", "quizzes/m.json": { id: "m", title: "Q", questions: [goodQuestion] } });
    expect((await checkContent(root)).errors).toEqual([]);
  });

  it("reports a missing lesson and a missing quiz", async () => {
    const { errors } = await checkContent(await fixture({ "course.json": course }));
    expect(errors.some((e) => e.includes("exercises/lessons/m.md: missing"))).toBe(true);
    expect(errors.some((e) => e.includes("exercises/quizzes/m.json"))).toBe(true);
  });

  it("reports a figure reference that lands on a section without the figure, and a broken same-page link", async () => {
    const root = await fixture({
      "course.json": course,
      "lessons/m.md": "# M\n\n## Scale and shift\n\nText.\n\n## Seeing it\n\n```figure\ntraining-curves\n```\n\nThe live training run [above](/lessons/m#scale-and-shift) and [again](/lessons/m#seeing-it); see [this](#nowhere).\n",
      "quizzes/m.json": { id: "m", title: "Q", questions: [goodQuestion] },
    });
    const { errors } = await checkContent(root);
    expect(errors).toContainEqual(expect.stringContaining("link /lessons/m#scale-and-shift is introduced as a figure, but section #scale-and-shift has no figure"));
    expect(errors).toContainEqual(expect.stringContaining("link (#nowhere): no heading"));
    expect(errors).toHaveLength(2);
  });

  it("reports links to unknown anchors and lessons, with file and line", async () => {
    const root = await fixture({
      "course.json": course,
      "lessons/m.md": "# M\n\n## Part one\n\nSee [here](/lessons/m#part-two).\n",
      "quizzes/m.json": { id: "m", title: "Q", questions: [goodQuestion] },
      "ex/prompt.md": "Read /lessons/m#part-one and /lessons/nope#x\n",
    });
    const { errors } = await checkContent(root);
    expect(errors).toContainEqual(expect.stringContaining("exercises/lessons/m.md:5: link /lessons/m#part-two: no heading"));
    expect(errors).toContainEqual(expect.stringContaining('exercises/ex/prompt.md:1: link /lessons/nope#x: no lesson "nope"'));
    expect(errors).toHaveLength(2);
  });

  it("checks one exercise's links on its own (exercises:check -- <id>), and only that exercise's", async () => {
    const root = await fixture({
      "course.json": course,
      "lessons/m.md": "# M\n\n## Part one\n",
      "quizzes/m.json": { id: "m", title: "Q", questions: [goodQuestion] },
      "ex/prompt.md": "Read /lessons/m#part-one\n",
      "ex/mistakes/a.ts": 'export const misconception = { message: "m".repeat(10), lesson: "/lessons/m#part-three" };\n',
      "other/prompt.md": "Read /lessons/nope\n",
    });
    const { errors, summary } = await checkExerciseLinks("ex", root);
    expect(errors).toEqual(["exercises/ex/mistakes/a.ts:1: link /lessons/m#part-three: no heading with anchor #part-three in exercises/lessons/m.md"]);
    expect(summary).toEqual(["links: 2 lesson links checked in exercises/ex/"]);
  });

  it("reports a hand-written Next: line in a lesson", async () => {
    const root = await fixture({
      "course.json": course,
      "lessons/m.md": "# M\n\nText.\n\nNext: the exercise **Forward**.\n",
      "quizzes/m.json": { id: "m", title: "Q", questions: [goodQuestion] },
    });
    expect((await checkContent(root)).errors).toEqual([expect.stringMatching(/^exercises\/lessons\/m\.md:5: a hand-written "Next:" line goes stale/)]);
  });

  it("reports an inconsistent answer key", async () => {
    const single = {
      id: "two-right",
      type: "single",
      prompt: "p",
      explanation: "e",
      options: [
        { id: "a", text: "A", correct: true },
        { id: "b", text: "B", correct: true },
      ],
    };
    const root = await fixture({ "course.json": course, "lessons/m.md": "# M\n", "quizzes/m.json": { id: "m", title: "Q", questions: [single] } });
    const { errors } = await checkContent(root);
    expect(errors.join("\n")).toContain("exactly one correct option");
  });

  it("reports a variant that is not solvable over its parameter range", async () => {
    const variant = {
      id: "div-zero",
      type: "numeric-variant",
      prompt: "N = {{n}}, s2 = {{s2}}",
      explanation: "{{answer}}",
      formula: "unbiased-from-biased",
      params: { n: { min: 1, max: 3, step: 1 }, s2: { min: 1, max: 2, step: 1 } },
      tolerance: { abs: 0.01 },
      wrongMethods: ["unchanged"],
    };
    const root = await fixture({ "course.json": course, "lessons/m.md": "# M\n", "quizzes/m.json": { id: "m", title: "Q", questions: [variant] } });
    const { errors } = await checkContent(root);
    expect(errors.join("\n")).toMatch(/div-zero: formula unbiased-from-biased gives Infinity/);
  });

  it("reports variant parameters that do not match the formula, and unknown placeholders", async () => {
    const variant = {
      id: "wrong-params",
      type: "numeric-variant",
      prompt: "{{zz}}",
      explanation: "e",
      formula: "batch-mean-4",
      params: { x1: { min: 0, max: 1, step: 1 } },
      tolerance: { abs: 0.01 },
      wrongMethods: ["sum", "no-such-method"],
    };
    const root = await fixture({ "course.json": course, "lessons/m.md": "# M\n", "quizzes/m.json": { id: "m", title: "Q", questions: [variant] } });
    const text = (await checkContent(root)).errors.join("\n");
    expect(text).toContain("formula batch-mean-4 needs params x1, x2, x3, x4");
    expect(text).toContain("placeholder {{zz}} has no parameter");
    expect(text).toContain('formula batch-mean-4 has no wrong method "no-such-method"');
  });

  it("reports a variant whose drawn numbers let a listed wrong method earn full credit", async () => {
    // The old running-variance ranges: s2 = 1 gives 1 for any momentum, reversed or not.
    const variant = {
      id: "running-var",
      type: "numeric-variant",
      prompt: "{{s2}} {{momentum}} {{k}}",
      explanation: "{{answer}}",
      formula: "running-var-after-k",
      params: { s2: { min: 0.5, max: 6, step: 0.5 }, momentum: { min: 0.8, max: 0.99, step: 0.01 }, k: { min: 1, max: 8, step: 1 } },
      tolerance: { abs: 0.002, rel: 0.0005 },
      wrongMethods: ["momentum-reversed", "starts-at-zero"],
    };
    const root = await fixture({ "course.json": course, "lessons/m.md": "# M\n", "quizzes/m.json": { id: "m", title: "Q", questions: [variant] } });
    const errors = (await checkContent(root)).errors;
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/running-var\.wrongMethods: "momentum-reversed" \(weighs the NEW value by m\) gets full credit on \d+ of 1000 seeds/);
  });

  it("reports a quiz whose correct options are the longest more often than chance", async () => {
    const single = (id: string) => ({
      id,
      type: "single",
      prompt: "p",
      explanation: "e",
      options: [
        { id: "key", text: "a much longer and more careful answer", correct: true },
        { id: "b", text: "short", correct: false },
        { id: "c", text: "brief", correct: false },
      ],
    });
    const questions = [single("q1"), single("q2"), single("q3"), goodQuestion];
    const root = await fixture({ "course.json": course, "lessons/m.md": "# M\n", "quizzes/m.json": { id: "m", title: "Q", questions } });
    const { errors, summary } = await checkContent(root);
    expect(summary).toContainEqual("quiz m: correct option is the longest in 3 of 3 choice questions (chance 1.00): q1, q2, q3");
    expect(errors).toContainEqual("exercises/quizzes/m.json: the correct option is the longest in 3 questions, above chance (1.00): q1, q2, q3");
    expect(errors).toContainEqual("quizzes: the correct option is the longest in 3 of 3 choice questions, above chance (1.00)");
  });

  it("reports unknown figures and a quiz whose id differs from its file", async () => {
    const root = await fixture({
      "course.json": course,
      "lessons/m.md": "# M\n\n```figure\nno-such-figure\n```\n",
      "quizzes/m.json": { id: "other", title: "Q", questions: [goodQuestion] },
    });
    const text = (await checkContent(root)).errors.join("\n");
    expect(text).toContain('unknown figure "no-such-figure"');
    expect(text).toContain('must equal the file name "m"');
  });
});
