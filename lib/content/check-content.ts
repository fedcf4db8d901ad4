/**
 * Validates the course content: course.json, lessons, quizzes (answer keys via
 * the zod schema, seeded variants solvable over many seeds), figure markers,
 * and every /lessons/<id>#<anchor> link in exercises/ (markdown, TypeScript,
 * JSON). Called by `npm run exercises:check`; also usable alone:
 * `npx tsx lib/content/check-content.ts`.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { quizSchema } from "../quiz/schema";
import { checkQuiz } from "./check-quiz";
import { ContentError, type Course, loadCourse } from "./course";
import { isFigureId } from "./figure-ids";
import { figureIds, headingAnchors, loadLessonMarkdown } from "./lessons";
import { contentRoot, formatZodIssues } from "./paths";

const LESSON_LINK = /\/lessons\/([a-z0-9-]+)(?:#([a-z0-9-]+))?/g;

async function listFiles(dir: string, exts: string[]): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && exts.some((x) => e.name.endsWith(x)) && !e.name.endsWith(".test.ts"))
    .map((e) => path.join(e.parentPath, e.name));
}

async function checkQuizzes(root: string, course: Course, errors: string[], summary: string[]) {
  const counts: Record<string, number> = {};
  const claims = new Set<number>();
  for (const module of course.modules) {
    const rel = `exercises/quizzes/${module.quiz}.json`;
    let json: unknown;
    try {
      json = JSON.parse(await readFile(path.join(root, "quizzes", `${module.quiz}.json`), "utf8"));
    } catch (error) {
      errors.push(`${rel}: ${(error as Error).message}`);
      continue;
    }
    const parsed = quizSchema.safeParse(json);
    if (!parsed.success) {
      errors.push(...formatZodIssues(rel, parsed.error.issues));
      continue;
    }
    if (parsed.data.id !== module.quiz) errors.push(`${rel}: id: "${parsed.data.id}" must equal the file name "${module.quiz}"`);
    errors.push(...checkQuiz(rel, parsed.data));
    for (const q of parsed.data.questions) {
      counts[q.type] = (counts[q.type] ?? 0) + 1;
      for (const c of q.claims) claims.add(c);
    }
  }
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  summary.push(`quizzes: ${course.modules.length} files, ${total} questions (${Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(", ")})`);
  const missing = [1, 2, 3, 4, 5, 6, 7].filter((c) => !claims.has(c));
  summary.push(missing.length ? `quizzes: claims not tagged by any question: ${missing.join(", ")}` : "quizzes: all seven claims tagged");
}

async function checkLessons(root: string, course: Course, errors: string[], summary: string[]) {
  const anchors = new Map<string, Set<string>>();
  for (const module of course.modules) {
    const rel = `exercises/lessons/${module.lesson}.md`;
    const markdown = await loadLessonMarkdown(module.lesson, root);
    if (markdown === null) {
      errors.push(`${rel}: missing (module ${module.id} names lesson "${module.lesson}")`);
      continue;
    }
    const ids = headingAnchors(markdown);
    const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
    if (dupes.length) errors.push(`${rel}: duplicate headings give anchors ${dupes.join(", ")} a numeric suffix; rename them`);
    anchors.set(module.lesson, new Set(ids));
    for (const figure of figureIds(markdown)) {
      if (!isFigureId(figure)) errors.push(`${rel}: unknown figure "${figure}"`);
    }
  }
  summary.push(`lessons: ${anchors.size} of ${course.modules.length} found`);
  return anchors;
}

async function checkLinks(root: string, anchors: Map<string, Set<string>>, errors: string[], summary: string[]) {
  let checked = 0;
  for (const file of await listFiles(root, [".md", ".ts", ".json"])) {
    const rel = `exercises/${path.relative(root, file)}`;
    const lines = (await readFile(file, "utf8")).split("\n");
    lines.forEach((line, index) => {
      for (const match of line.matchAll(LESSON_LINK)) {
        checked++;
        const [link, lessonId, anchor] = match;
        const known = anchors.get(lessonId);
        if (!known) errors.push(`${rel}:${index + 1}: link ${link}: no lesson "${lessonId}"`);
        else if (anchor && !known.has(anchor)) errors.push(`${rel}:${index + 1}: link ${link}: no heading with anchor #${anchor} in exercises/lessons/${lessonId}.md`);
      }
    });
  }
  summary.push(`links: ${checked} lesson links checked`);
}

export async function checkContent(root = contentRoot()): Promise<{ errors: string[]; summary: string[] }> {
  const errors: string[] = [];
  const summary: string[] = [];
  let course: Course;
  try {
    course = await loadCourse(root);
  } catch (error) {
    return { errors: error instanceof ContentError ? error.problems : [String(error)], summary };
  }
  summary.push(`course: ${course.modules.length} modules`);
  const anchors = await checkLessons(root, course, errors, summary);
  await checkQuizzes(root, course, errors, summary);
  await checkLinks(root, anchors, errors, summary);
  return { errors, summary };
}

// Run directly: print the report, exit 1 on errors.
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const { errors, summary } = await checkContent();
  for (const line of summary) console.log(line);
  for (const line of errors) console.error(`error: ${line}`);
  process.exit(errors.length ? 1 : 0);
}
