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
import { type KeyLengthStats, keyLengthStats, keyLengthVerdict } from "./key-length";
import { ContentError, type Course, loadCourse } from "./course";
import { isFigureId } from "./figure-ids";
import { figureIds, figuresBySection, headingAnchors, loadLessonMarkdown } from "./lessons";
import { contentRoot, formatZodIssues } from "./paths";

const LESSON_LINK = /(?<![\w@.-])\/lessons\/([a-z0-9-]+)(?:#([a-z0-9-]+))?/g;
/** Markdown links to a section of the same page: [text](#anchor). */
const SAME_PAGE_LINK = /\]\(#([a-z0-9-]+)\)/g;
/** Words before a link that say it points at a figure ("the live training run in [module 1](…)"). */
const FIGURE_WORDS = /\b(figure|live|slider|simulation|simulated|training run|plot)\b/i;

interface LessonIndex {
  anchors: Set<string>;
  figures: Map<string, string[]>;
}

async function listFiles(dir: string, exts: string[]): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && exts.some((x) => e.name.endsWith(x)) && !e.name.endsWith(".test.ts"))
    .map((e) => path.join(e.parentPath, e.name));
}

async function checkQuizzes(root: string, course: Course, errors: string[], summary: string[]) {
  const counts: Record<string, number> = {};
  const claims = new Set<number>();
  const overall: KeyLengthStats = { questions: 0, keyLongest: 0, chance: 0, ids: [] };
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
    const keys = keyLengthStats(parsed.data);
    summary.push(`quiz ${module.quiz}: correct option is the longest in ${keys.keyLongest} of ${keys.questions} choice questions (chance ${keys.chance.toFixed(2)})${keys.ids.length ? `: ${keys.ids.join(", ")}` : ""}`);
    if (!keyLengthVerdict(keys, false)) errors.push(`${rel}: the correct option is the longest in ${keys.keyLongest} questions, above chance (${keys.chance.toFixed(2)}): ${keys.ids.join(", ")}`);
    overall.questions += keys.questions;
    overall.keyLongest += keys.keyLongest;
    overall.chance += keys.chance;
    for (const q of parsed.data.questions) {
      counts[q.type] = (counts[q.type] ?? 0) + 1;
      for (const c of q.claims) claims.add(c);
    }
  }
  summary.push(`quizzes: correct option is the longest in ${overall.keyLongest} of ${overall.questions} choice questions overall (chance ${overall.chance.toFixed(2)})`);
  if (!keyLengthVerdict(overall, true)) errors.push(`quizzes: the correct option is the longest in ${overall.keyLongest} of ${overall.questions} choice questions, above chance (${overall.chance.toFixed(2)})`);
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  summary.push(`quizzes: ${course.modules.length} files, ${total} questions (${Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(", ")})`);
  const missing = [1, 2, 3, 4, 5, 6, 7].filter((c) => !claims.has(c));
  summary.push(missing.length ? `quizzes: claims not tagged by any question: ${missing.join(", ")}` : "quizzes: all seven claims tagged");
}

async function checkLessons(root: string, course: Course, errors: string[], summary: string[]) {
  const anchors = new Map<string, LessonIndex>();
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
    anchors.set(module.lesson, { anchors: new Set(ids), figures: figuresBySection(markdown) });
    markdown.split("\n").forEach((line, i) => {
      // The lesson page lists the module's quiz, exercises and next lesson from course.json.
      if (/^Next:/.test(line)) errors.push(`${rel}:${i + 1}: a hand-written "Next:" line goes stale; the page already links the quiz, exercises and next lesson from course.json`);
    });
    for (const figure of figureIds(markdown)) {
      if (!isFigureId(figure)) errors.push(`${rel}: unknown figure "${figure}"`);
    }
  }
  summary.push(`lessons: ${anchors.size} of ${course.modules.length} found`);
  return anchors;
}

/** Files outside exercises/ that may link into the course (app pages and components, lib). */
async function appFiles(root: string): Promise<string[]> {
  if (path.resolve(root) !== path.resolve(contentRoot())) return []; // fixtures: content only
  const repo = path.resolve(root, "..");
  const dirs = ["app", "lib"].map((d) => path.join(repo, d));
  const files = await Promise.all(dirs.map((d) => listFiles(d, [".ts", ".tsx"]).catch(() => [])));
  return files.flat().filter((f) => !f.includes(`${path.sep}generated${path.sep}`));
}

async function checkLinks(root: string, lessons: Map<string, LessonIndex>, errors: string[], summary: string[], only?: string) {
  let checked = 0;
  const repo = path.resolve(root, "..");
  const files = only
    ? await listFiles(path.join(root, only), [".md", ".ts", ".json"])
    : [...(await listFiles(root, [".md", ".ts", ".json"])), ...(await appFiles(root))];
  for (const file of files) {
    const inContent = !path.relative(root, file).startsWith("..");
    const rel = inContent ? `exercises/${path.relative(root, file)}` : path.relative(repo, file);
    const ownLesson = rel.startsWith("exercises/lessons/") && file.endsWith(".md") ? path.basename(file, ".md") : null;
    const lines = (await readFile(file, "utf8")).split("\n");
    lines.forEach((line, index) => {
      const where = `${rel}:${index + 1}`;
      for (const match of line.matchAll(LESSON_LINK)) {
        checked++;
        const [link, lessonId, anchor] = match;
        const known = lessons.get(lessonId);
        if (!known) errors.push(`${where}: link ${link}: no lesson "${lessonId}"`);
        else if (anchor && !known.anchors.has(anchor)) errors.push(`${where}: link ${link}: no heading with anchor #${anchor} in exercises/lessons/${lessonId}.md`);
        else if (anchor && ownLesson && FIGURE_WORDS.test(line.slice(Math.max(0, (match.index ?? 0) - 60), match.index))) {
          // A link introduced as a figure must land on the section that shows one.
          if (!known.figures.get(anchor)?.length) errors.push(`${where}: link ${link} is introduced as a figure, but section #${anchor} has no figure`);
        }
      }
      if (!ownLesson) return;
      for (const match of line.matchAll(SAME_PAGE_LINK)) {
        checked++;
        if (!lessons.get(ownLesson)?.anchors.has(match[1])) errors.push(`${where}: link (#${match[1]}): no heading with that anchor in this lesson`);
      }
    });
  }
  summary.push(
    only
      ? `links: ${checked} lesson links checked in exercises/${only}/`
      : `links: ${checked} lesson links checked (exercises/, app/, lib/; figure references land on a section with a figure)`,
  );
}

/** The lesson links of one exercise folder (for `exercises:check -- <id>`, which skips the whole-course checks). */
export async function checkExerciseLinks(exerciseId: string, root = contentRoot()): Promise<{ errors: string[]; summary: string[] }> {
  const errors: string[] = [];
  const summary: string[] = [];
  let course: Course;
  try {
    course = await loadCourse(root);
  } catch (error) {
    return { errors: error instanceof ContentError ? error.problems : [String(error)], summary };
  }
  const anchors = await checkLessons(root, course, [], []);
  await checkLinks(root, anchors, errors, summary, exerciseId);
  return { errors, summary };
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
