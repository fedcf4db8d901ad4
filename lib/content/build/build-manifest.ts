/**
 * `npm run content:build`'s work, in the trusted build process: loads every
 * exercise (its TypeScript files included), lesson and quiz under one content
 * root, validates them (zod; each problem names its file and field) and
 * returns the public manifest — or every problem found, all at once, so an
 * author fixes a batch per run rather than one error per run.
 */
import { hashFiles, hashFolder } from "@/grader/content/content-hash";
import { ExerciseFormatError, listExerciseFolders, loadExercise } from "@/grader/content/load-exercise";
import { loadQuiz, quizContentHash } from "@/lib/quiz/load-quiz";
import { type Course, ContentError, loadCourse } from "../course";
import { headingAnchors, lessonTitle, loadLessonMarkdown } from "../lessons";
import type { Manifest, ManifestExercise, ManifestLesson, ManifestQuiz } from "../manifest-schema";
import { ManifestSchema } from "../manifest-schema";
import { contentRoot } from "../paths";
import { exerciseEntry } from "./exercise-entry";

export interface BuildResult {
  manifest: Manifest | null;
  problems: string[];
}

const problemsOf = (error: unknown): string[] =>
  error instanceof ContentError ? error.problems : error instanceof ExerciseFormatError ? error.message.split("\n") : [String(error)];

/** Every exercise folder is listed by exactly one module, and every listed exercise has a folder. */
export function membershipProblems(course: Course, folders: string[]): string[] {
  const problems: string[] = [];
  const owners = new Map<string, string[]>();
  for (const m of course.modules) for (const id of m.exercises) owners.set(id, [...(owners.get(id) ?? []), m.id]);
  for (const [id, modules] of owners) {
    if (!folders.includes(id)) problems.push(`exercises/course.json: field \`modules[].exercises\`: "${id}" has no folder exercises/${id}/ with an exercise.json`);
    if (modules.length > 1) problems.push(`exercises/course.json: field \`modules[].exercises\`: "${id}" is listed in ${modules.length} modules (${modules.join(", ")}); list it once`);
  }
  for (const id of folders) if (!owners.has(id)) problems.push(`exercises/${id}/: not listed in any module of exercises/course.json (field \`modules[].exercises\`)`);
  return problems;
}

async function buildExercises(course: Course, folders: string[], root: string, problems: string[]) {
  const exercises: Record<string, ManifestExercise> = {};
  for (const m of course.modules) {
    for (const id of m.exercises.filter((e) => folders.includes(e))) {
      try {
        exercises[id] = exerciseEntry(await loadExercise(id, root), m.id);
      } catch (error) {
        problems.push(...problemsOf(error));
      }
    }
  }
  return exercises;
}

async function buildLessons(course: Course, root: string, problems: string[]) {
  const lessons: Record<string, ManifestLesson> = {};
  for (const m of course.modules) {
    const markdown = await loadLessonMarkdown(m.lesson, root);
    if (markdown === null) {
      problems.push(`exercises/lessons/${m.lesson}.md: missing (course.json field \`modules[].lesson\` of module "${m.id}")`);
      continue;
    }
    const title = lessonTitle(markdown);
    if (!title) problems.push(`exercises/lessons/${m.lesson}.md: needs a "# Title" heading`);
    lessons[m.lesson] = {
      id: m.lesson,
      title: title ?? m.title,
      markdown,
      anchors: headingAnchors(markdown),
      contentHash: hashFiles([{ label: m.lesson, text: markdown }]),
    };
  }
  return lessons;
}

async function buildQuizzes(course: Course, root: string, problems: string[]) {
  const quizzes: Record<string, ManifestQuiz> = {};
  for (const m of course.modules) {
    try {
      const quiz = await loadQuiz(m.quiz, root);
      if (!quiz) {
        problems.push(`exercises/quizzes/${m.quiz}.json: missing (course.json field \`modules[].quiz\` of module "${m.id}")`);
        continue;
      }
      quizzes[m.quiz] = {
        id: quiz.id,
        title: quiz.title,
        questionCount: quiz.questions.length,
        maxScore: quiz.questions.reduce((sum, q) => sum + q.points, 0),
        contentHash: (await quizContentHash(m.quiz, root)) ?? "",
      };
    } catch (error) {
      problems.push(...problemsOf(error));
    }
  }
  return quizzes;
}

export async function buildManifest(root = contentRoot()): Promise<BuildResult> {
  let course: Course;
  try {
    course = await loadCourse(root);
  } catch (error) {
    return { manifest: null, problems: problemsOf(error) };
  }
  const folders = await listExerciseFolders(root);
  const problems = membershipProblems(course, folders);
  const exercises = await buildExercises(course, folders, root, problems);
  const lessons = await buildLessons(course, root, problems);
  const quizzes = await buildQuizzes(course, root, problems);
  if (problems.length) return { manifest: null, problems };
  const manifest = ManifestSchema.parse({
    version: 1,
    builtAt: new Date().toISOString(),
    sourceHash: contentSourceHash(root),
    course: { id: course.id, title: course.title, description: course.description, modules: course.modules },
    exercises,
    lessons,
    quizzes,
  });
  return { manifest, problems: [] };
}

/** Hash of every content file the manifest is built from (unit tests excluded): what the dev server compares. */
export function contentSourceHash(root = contentRoot()): string {
  return hashFolder(root, (rel) => !rel.endsWith(".test.ts"));
}
