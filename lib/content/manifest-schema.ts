/**
 * The public content manifest (`npm run content:build` writes it; the web app
 * reads only it, through lib/content/manifest.ts). Everything here may reach a
 * browser: never a reference, a mistake's code, a hidden test's input,
 * expected value or hint, or a quiz answer key (manifest-secrets.test.ts
 * scans a real build for them).
 */
import { z } from "zod";
import { LanguageSchema } from "@/grader/contract/vocabulary";

const hash = z.string().regex(/^[0-9a-f]{16}$/);
const language = LanguageSchema;

export const ManifestExerciseSchema = z.object({
  id: z.string(),
  title: z.string(),
  /** the module that lists it in course.json (membership is declared there only) */
  module: z.string(),
  kind: z.enum(["function", "class"]),
  entry: z.string(),
  /** the entry's parameter names, to label a public test's inputs in the results */
  params: z.array(z.string()).optional(),
  languages: z.array(language).min(1),
  /** lesson link, /lessons/<id>#<anchor> */
  lesson: z.string(),
  /** prompt.md: markdown with KaTeX math */
  prompt: z.string(),
  /** the TypeScript starter and its JavaScript transpilation (done here, once, not per request) */
  starters: z.object({ typescript: z.string(), javascript: z.string() }),
  /** type declarations for the editor's IntelliSense, derived from the starter */
  declarations: z.string(),
  /** public tests as the workspace lists them */
  publicTests: z.array(z.object({ id: z.string(), name: z.string(), points: z.number(), hint: z.string().optional() })),
  /** hidden tests: id, name and points only */
  hiddenTests: z.array(z.object({ id: z.string(), name: z.string(), points: z.number() })),
  /** known mistakes as students see them when matched: id, message, lesson anchor */
  misconceptions: z.array(z.object({ id: z.string(), message: z.string(), lesson: z.string() })),
  totalPoints: z.number(),
  limits: z.object({ callTimeoutMs: z.number(), totalTimeoutMs: z.number(), memoryMb: z.number() }),
  /** grader/content/content-hash.ts over the exercise folder: a report stamped with another hash was graded against older content */
  contentHash: hash,
});
export type ManifestExercise = z.infer<typeof ManifestExerciseSchema>;

export const ManifestLessonSchema = z.object({
  id: z.string(),
  title: z.string(),
  markdown: z.string(),
  /** heading ids as the lesson page renders them */
  anchors: z.array(z.string()),
  contentHash: hash,
});
export type ManifestLesson = z.infer<typeof ManifestLessonSchema>;

export const ManifestQuizSchema = z.object({
  id: z.string(),
  title: z.string(),
  questionCount: z.number().int(),
  /** sum of the question points */
  maxScore: z.number(),
  contentHash: hash,
});
export type ManifestQuiz = z.infer<typeof ManifestQuizSchema>;

export const ManifestModuleSchema = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  lesson: z.string(),
  quiz: z.string(),
  exercises: z.array(z.string()),
});
export type ManifestModule = z.infer<typeof ManifestModuleSchema>;

export const ManifestSchema = z.object({
  version: z.literal(1),
  builtAt: z.string(),
  /** hash of every content file (the dev server rebuilds when the files no longer match it) */
  sourceHash: hash,
  course: z.object({ id: z.string(), title: z.string(), description: z.string(), modules: z.array(ManifestModuleSchema) }),
  exercises: z.record(z.string(), ManifestExerciseSchema),
  lessons: z.record(z.string(), ManifestLessonSchema),
  quizzes: z.record(z.string(), ManifestQuizSchema),
});
export type Manifest = z.infer<typeof ManifestSchema>;
