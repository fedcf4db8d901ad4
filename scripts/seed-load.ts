/**
 * `npx tsx scripts/seed-load.ts [--students 500] [--db prisma/load.db] [--seed 7]`
 *
 * Generates a class for load measurements in a SEPARATE database file (never
 * the dev database): the demo instructor and student, plus N students who
 * each read every lesson, submitted every quiz (1–2 attempts, every question
 * answered) and submitted every exercise (1–5 times, with runs, per-test
 * results, misconceptions, reports and code of realistic size). Abilities are
 * drawn per student so the analytics have something to discriminate.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import seedrandom from "seedrandom";
import { z } from "zod";

const argsSchema = z.object({
  students: z.coerce.number().int().min(1).max(20_000).default(500),
  db: z.string().default("prisma/load.db"),
  seed: z.coerce.number().int().default(7),
});

function parseArgs(argv: string[]) {
  const raw: Record<string, string> = {};
  for (let i = 0; i < argv.length; i += 2) raw[argv[i].replace(/^--/, "")] = argv[i + 1];
  return argsSchema.parse(raw);
}

const args = parseArgs(process.argv.slice(2));
const file = path.resolve(args.db);
if (path.basename(file) === "dev.db") throw new Error("Refusing to fill the dev database: pass --db <another file>.");
for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
process.env.DATABASE_URL = `file:${file}`;

const { prepareDatabase } = await import("./prepare-database");
prepareDatabase();
const { db } = await import("../lib/db");
const { seedDemoData } = await import("../prisma/seed");
const { loadCourseItems } = await import("../lib/analytics/course-items");
const { loadQuiz } = await import("../lib/quiz/load-quiz");
const { loadExercise } = await import("../grader/load-exercise");

const random = seedrandom(String(args.seed));
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
const chance = (p: number) => random() < p;
const started = Date.now();
const DAY = 86_400_000;
const epoch = Date.now() - 30 * DAY;

await seedDemoData();
const items = await loadCourseItems();
const quizzes = (await Promise.all(items.quizzes.map((q) => loadQuiz(q.id)))).filter((q) => q !== null);
const exercises = await Promise.all(items.exercises.map((e) => loadExercise(e.id)));

type Rows<K extends string> = Record<K, unknown[]>;
const rows: Rows<"users" | "lessons" | "attempts" | "answers" | "submissions" | "results" | "misconceptions"> = {
  users: [],
  lessons: [],
  attempts: [],
  answers: [],
  submissions: [],
  results: [],
  misconceptions: [],
};

const CODE = `export function solution(x: number[][]) {\n${"  // a student's implementation, padded to a realistic size\n".repeat(20)}  return x;\n}\n`;

function report(exerciseId: string, mode: "run" | "submit", tests: { id: string; name: string; visibility: "public" | "hidden"; status: string; points: number }[], mistakes: { id: string; message: string; lesson: string }[], ms: number) {
  const max = tests.reduce((s, t) => s + t.points, 0);
  const got = tests.filter((t) => t.status === "passed").reduce((s, t) => s + t.points, 0);
  const status = tests.every((t) => t.status === "passed") ? "passed" : "failed";
  return {
    score: max ? got / max : 0,
    status,
    json: JSON.stringify({
      version: 1,
      exerciseId,
      mode,
      status,
      score: max ? got / max : 0,
      summary: `${tests.filter((t) => t.status === "passed").length} of ${tests.length} tests passed`,
      tests: tests.map((t) => ({
        id: t.id,
        name: t.name,
        visibility: t.visibility,
        status: t.status,
        points: t.status === "passed" ? t.points : 0,
        maxPoints: t.points,
        message: t.status === "passed" ? "Matches the reference within tolerance." : "Your output differs from the reference beyond the tolerance.",
      })),
      misconceptions: mistakes.map((m) => ({ id: m.id, message: m.message, lesson: m.lesson, testIds: [] })),
      compileErrors: [],
      console: [],
      limits: { callTimeoutMs: 1000, totalTimeoutMs: 5000, memoryMb: 64, maxConsoleLines: 100, maxConsoleBytes: 10_000, maxResultBytes: 256_000 },
      timings: { compileMs: 1, sandboxMs: ms - 2, compareMs: 1, totalMs: ms },
    }),
  };
}

for (let n = 0; n < args.students; n++) {
  const userId = `load-${String(n).padStart(5, "0")}`;
  const ability = random();
  let clock = epoch + random() * DAY;
  const tick = () => (clock += 60_000 + random() * 3_600_000);
  rows.users.push({ id: userId, name: `Load Student ${String(n).padStart(4, "0")}`, email: `${userId}@load.example.com`, role: "student" });
  for (const lesson of items.lessons) rows.lessons.push({ userId, lessonId: lesson.id, readAt: new Date(tick()) });
  for (const quiz of quizzes) {
    const attempts = chance(0.4) ? 2 : 1;
    for (let a = 0; a < attempts; a++) {
      const attemptId = `${userId}-${quiz.id}-${a}`;
      const startedAt = new Date(tick());
      let score = 0;
      for (const q of quiz.questions) {
        const difficulty = (q.id.length % 5) / 10; // stable per question, 0..0.4
        const correct = chance(Math.min(0.97, 0.25 + 0.7 * ability - difficulty + 0.2 * a));
        score += correct ? q.points : 0;
        let response: unknown;
        if (q.type === "single" || q.type === "multiple") {
          const right = q.options.filter((o) => o.correct).map((o) => o.id);
          const wrong = q.options.filter((o) => !o.correct).map((o) => o.id);
          response = { kind: "choice", optionIds: correct ? right : [pick(wrong)] };
        } else if (q.type === "true-false") response = { kind: "boolean", value: correct ? q.answer : !q.answer };
        else response = { kind: "number", value: correct ? 1 : 2, text: correct ? "1" : "2" };
        rows.answers.push({ attemptId, quizId: quiz.id, questionId: q.id, response: JSON.stringify(response), correct, credit: correct ? 1 : 0 });
      }
      const maxScore = quiz.questions.reduce((s, q) => s + q.points, 0);
      rows.attempts.push({ id: attemptId, userId, quizId: quiz.id, seed: n * 10 + a, status: "submitted", score, maxScore, startedAt, submittedAt: new Date(tick()) });
    }
  }
  for (const ex of exercises) {
    const submits = 1 + Math.floor(random() * 5);
    let passed = false;
    for (let s = 0; s < submits + 1; s++) {
      const mode: "run" | "submit" = s === 0 ? "run" : "submit";
      if (mode === "submit" && passed) break;
      const succeeds = mode === "submit" && chance(0.15 + 0.6 * ability + 0.1 * s);
      const executed = ex.tests.filter((t) => mode === "submit" || t.visibility === "public");
      const mistake = !succeeds && ex.mistakes.length && chance(0.6) ? pick(ex.mistakes) : null;
      const tests = executed.map((t) => ({
        id: t.id,
        name: t.name,
        visibility: t.visibility,
        points: t.points,
        status: succeeds || chance(0.55 + 0.4 * ability) ? "passed" : pick(["failed", "failed", "failed", "error", "timeout"]),
      }));
      if (!succeeds && mode === "submit" && tests.every((t) => t.status === "passed")) tests[tests.length - 1].status = "failed";
      const ms = 4 + random() * 30;
      const r = report(ex.spec.id, mode, tests, mistake ? [mistake] : [], ms);
      const submissionId = `${userId}-${ex.spec.id}-${s}`;
      const createdAt = new Date(tick());
      rows.submissions.push({
        id: submissionId,
        userId,
        exerciseId: ex.spec.id,
        clientRequestId: submissionId,
        code: CODE,
        language: "typescript",
        mode,
        status: "graded",
        verdict: r.status,
        score: r.score,
        report: r.json,
        gradingMs: ms,
        createdAt,
        startedAt: createdAt,
        finishedAt: new Date(createdAt.getTime() + ms),
      });
      for (const t of tests) rows.results.push({ submissionId, exerciseId: ex.spec.id, testId: t.id, visibility: t.visibility, status: t.status });
      if (mistake) rows.misconceptions.push({ submissionId, userId, exerciseId: ex.spec.id, misconceptionId: mistake.id });
      if (r.status === "passed" && mode === "submit") passed = true;
    }
  }
}

async function insert(label: string, list: unknown[], write: (chunk: never[]) => Promise<unknown>) {
  for (let i = 0; i < list.length; i += 2000) await write(list.slice(i, i + 2000) as never[]);
  console.log(`  ${label}: ${list.length}`);
}
console.log(`Writing ${args.students} students into ${file}`);
await insert("users", rows.users, (data) => db.user.createMany({ data }));
await insert("lessons read", rows.lessons, (data) => db.lessonProgress.createMany({ data }));
await insert("quiz attempts", rows.attempts, (data) => db.quizAttempt.createMany({ data }));
await insert("quiz answers", rows.answers, (data) => db.quizAnswer.createMany({ data }));
await insert("submissions", rows.submissions, (data) => db.submission.createMany({ data }));
await insert("test results", rows.results, (data) => db.submissionTestResult.createMany({ data }));
await insert("misconceptions", rows.misconceptions, (data) => db.submissionMisconception.createMany({ data }));
await db.$disconnect();
console.log(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s. Use DATABASE_URL=file:${file}`);
