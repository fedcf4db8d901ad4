/**
 * `npx tsx scripts/seed-load.ts [--students 500] [--db prisma/load.db] [--seed 7]`
 *
 * Generates a class for load measurements in a SEPARATE database file (never
 * the dev database): the demo instructor and student, plus N students who
 * each read every lesson, submitted every quiz (1–2 attempts, every question
 * answered) and submitted every exercise (1–5 times, with runs, per-test
 * results, misconceptions, reports and code of realistic size). Abilities are
 * drawn per student so the analytics have something to discriminate.
 *
 * Speed (50,000 students ≈ 37 M rows incl. indexes): rows are generated one
 * student at a time and written straight away with prepared better-sqlite3
 * statements, one transaction per STUDENTS_PER_TRANSACTION students, with the
 * secondary indexes dropped during the load and rebuilt at the end (building
 * an index once from sorted data is far cheaper than updating it per row).
 * Memory stays flat whatever N is. The values are stored exactly as Prisma's
 * better-sqlite3 adapter stores them (DateTime as ISO text "…+00:00",
 * Boolean as 0/1), so the app reads them like its own rows.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import seedrandom from "seedrandom";
import { z } from "zod";
import type { Mode } from "@/grader/contract/vocabulary";

const argsSchema = z.object({
  students: z.coerce.number().int().min(1).max(100_000).default(500),
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
const { loadExercise } = await import("../grader/content/load-exercise");
const { ITEM_TALLY_BACKFILL } = await import("../lib/analytics/tallies/backfill");
const { QUIZ_TALLY_BACKFILL } = await import("../lib/analytics/tallies/quiz-backfill");

const random = seedrandom(String(args.seed));
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
const chance = (p: number) => random() < p;
const started = Date.now();
const DAY = 86_400_000;
const epoch = Date.now() - 30 * DAY;
const STUDENTS_PER_TRANSACTION = 500;

await seedDemoData(); // password hashing goes through better-auth, so through Prisma
await db.$disconnect();
const items = await loadCourseItems();
const quizzes = (await Promise.all(items.quizzes.map((q) => loadQuiz(q.id)))).filter((q) => q !== null);
const exercises = await Promise.all(items.exercises.map((e) => loadExercise(e.id)));

/** Prisma's SQLite adapter stores DateTime as ISO 8601 text with an explicit offset. */
const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");

const sqlite = new Database(file);
sqlite.pragma("synchronous = OFF");
sqlite.pragma("foreign_keys = OFF"); // rows are written parent first anyway; the checks only cost lookups
sqlite.pragma("cache_size = -262144"); // 256 MiB page cache for the index rebuilds
const LOADED_TABLES = ["user", "LessonProgress", "QuizAttempt", "QuizAnswer", "Submission", "SubmissionTestResult", "SubmissionMisconception"];
const indexes = sqlite
  .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${LOADED_TABLES.map(() => "?").join(",")})`)
  .all(...LOADED_TABLES) as { name: string; sql: string }[];
for (const index of indexes) sqlite.exec(`DROP INDEX "${index.name}"`);

const insert = {
  user: sqlite.prepare(
    `INSERT INTO "user" ("id","name","email","emailVerified","role","createdAt","updatedAt") VALUES (?,?,?,0,'student',?,?)`,
  ),
  lesson: sqlite.prepare(`INSERT INTO "LessonProgress" ("userId","lessonId","readAt") VALUES (?,?,?)`),
  attempt: sqlite.prepare(
    `INSERT INTO "QuizAttempt" ("id","userId","quizId","seed","status","score","maxScore","startedAt","submittedAt") VALUES (?,?,?,?,'submitted',?,?,?,?)`,
  ),
  answer: sqlite.prepare(`INSERT INTO "QuizAnswer" ("id","attemptId","quizId","questionId","response","correct","credit") VALUES (?,?,?,?,?,?,?)`),
  submission: sqlite.prepare(
    `INSERT INTO "Submission" ("id","userId","exerciseId","clientRequestId","code","language","mode","status","verdict","score","report","gradingMs","createdAt","startedAt","finishedAt")
     VALUES (?,?,?,?,?,'typescript',?,'graded',?,?,?,?,?,?,?)`,
  ),
  result: sqlite.prepare(`INSERT INTO "SubmissionTestResult" ("id","submissionId","exerciseId","testId","visibility","status") VALUES (?,?,?,?,?,?)`),
  misconception: sqlite.prepare(
    `INSERT INTO "SubmissionMisconception" ("id","submissionId","userId","exerciseId","misconceptionId") VALUES (?,?,?,?,?)`,
  ),
};
const counts = { users: 0, lessons: 0, attempts: 0, answers: 0, submissions: 0, results: 0, misconceptions: 0 };

const CODE = `export function solution(x: number[][]) {\n${"  // a student's implementation, padded to a realistic size\n".repeat(20)}  return x;\n}\n`;

type ReportTest = { id: string; name: string; visibility: "public" | "hidden"; status: string; points: number };
function report(exerciseId: string, mode: Mode, tests: ReportTest[], mistakes: { id: string; message: string; lesson: string }[], ms: number) {
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

function writeStudent(n: number): void {
  const userId = `load-${String(n).padStart(5, "0")}`;
  const ability = random();
  let clock = epoch + random() * DAY;
  const tick = () => (clock += 60_000 + random() * 3_600_000);
  const joined = iso(clock);
  insert.user.run(userId, `Load Student ${String(n).padStart(5, "0")}`, `${userId}@load.example.com`, joined, joined);
  counts.users += 1;
  for (const lesson of items.lessons) {
    insert.lesson.run(userId, lesson.id, iso(tick()));
    counts.lessons += 1;
  }
  for (const quiz of quizzes) {
    const attempts = chance(0.4) ? 2 : 1;
    for (let a = 0; a < attempts; a++) {
      const attemptId = `${userId}-${quiz.id}-${a}`;
      const startedAt = iso(tick());
      let score = 0;
      const answers: [string, string, number][] = [];
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
        answers.push([q.id, JSON.stringify(response), correct ? 1 : 0]);
      }
      const maxScore = quiz.questions.reduce((s, q) => s + q.points, 0);
      insert.attempt.run(attemptId, userId, quiz.id, n * 10 + a, score, maxScore, startedAt, iso(tick()));
      counts.attempts += 1;
      for (const [questionId, response, correct] of answers) insert.answer.run(`${attemptId}-${questionId}`, attemptId, quiz.id, questionId, response, correct, correct);
      counts.answers += answers.length;
    }
  }
  for (const ex of exercises) {
    const submits = 1 + Math.floor(random() * 5);
    let passed = false;
    for (let s = 0; s < submits + 1; s++) {
      const mode: Mode = s === 0 ? "run" : "submit";
      if (mode === "submit" && passed) break;
      const succeeds = mode === "submit" && chance(0.15 + 0.6 * ability + 0.1 * s);
      const executed = ex.tests.filter((t) => mode === "submit" || t.visibility === "public");
      const mistake = !succeeds && ex.mistakes.length && chance(0.6) ? pick(ex.mistakes) : null;
      const tests: ReportTest[] = executed.map((t) => ({
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
      const createdAt = tick();
      insert.submission.run(
        submissionId,
        userId,
        ex.spec.id,
        submissionId,
        CODE,
        mode,
        r.status,
        r.score,
        r.json,
        ms,
        iso(createdAt),
        iso(createdAt),
        iso(createdAt + ms),
      );
      counts.submissions += 1;
      for (const t of tests) insert.result.run(`${submissionId}-${t.id}`, submissionId, ex.spec.id, t.id, t.visibility, t.status);
      counts.results += tests.length;
      if (mistake) {
        insert.misconception.run(`${submissionId}-m`, submissionId, userId, ex.spec.id, mistake.id);
        counts.misconceptions += 1;
      }
      if (r.status === "passed" && mode === "submit") passed = true;
    }
  }
}

console.log(`Writing ${args.students} students into ${file}`);
const writeBatch = sqlite.transaction((from: number, to: number) => {
  for (let n = from; n < to; n++) writeStudent(n);
});
for (let from = 0; from < args.students; from += STUDENTS_PER_TRANSACTION) {
  writeBatch(from, Math.min(args.students, from + STUDENTS_PER_TRANSACTION));
  if ((from / STUDENTS_PER_TRANSACTION) % 10 === 9) console.log(`  ${from + STUDENTS_PER_TRANSACTION} students (${((Date.now() - started) / 1000).toFixed(0)} s)`);
}
const rowsDone = Date.now();
for (const index of indexes) sqlite.exec(index.sql);
// The rows went in without the app's write paths: fill the running tallies the way the migrations backfill them.
const tallied = Date.now();
for (const table of ["StudentTally", "ItemTally", "QuizResponseTally", "QuizFirstAttempt"]) sqlite.exec(`DELETE FROM "${table}"`);
for (const statement of [...ITEM_TALLY_BACKFILL, ...QUIZ_TALLY_BACKFILL]) sqlite.exec(statement);
console.log(`  tallies backfilled in ${((Date.now() - tallied) / 1000).toFixed(1)} s`);
sqlite.pragma("wal_checkpoint(TRUNCATE)");
sqlite.close();
for (const [label, count] of Object.entries(counts)) console.log(`  ${label}: ${count}`);
console.log(
  `Done in ${((Date.now() - started) / 1000).toFixed(1)} s (rows ${((rowsDone - started) / 1000).toFixed(1)} s, indexes ${((Date.now() - rowsDone) / 1000).toFixed(1)} s). Use DATABASE_URL=file:${file}`,
);
