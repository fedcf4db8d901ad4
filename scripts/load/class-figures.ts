/**
 * `DATABASE_URL=… npx tsx scripts/load/class-figures.ts` prints, as JSON, what
 * a loaded class looks like through the app's own code: the rows per table,
 * sums over the values a loader could mangle (text lengths, scores,
 * booleans, timestamps), a sample of whole rows, and the instructor analytics
 * (class summary, every quiz's item analysis, every exercise's statistics,
 * the first roster page, the first grades chunk, one student's detail). The
 * same script on a SQLite and a PostgreSQL database seeded with the same seed
 * must print the same (seed-load.pg.test.ts). Floats are rounded to 9
 * significant digits: the databases may sum in a different order.
 */
import { LOADED_TABLES, TALLY_TABLES } from "./class-rows";

const { db } = await import("@/lib/db");
const { loadCourseItems } = await import("@/lib/analytics/course-items");
const { getClassSummary } = await import("@/lib/analytics/class-summary");
const { getQuizAnalysis } = await import("@/lib/analytics/quiz-items");
const { getExerciseStats } = await import("@/lib/analytics/exercise-stats");
const { getRosterPage } = await import("@/lib/analytics/roster-page");
const { parseRosterQuery } = await import("@/lib/analytics/roster-view");
const { readGradesChunk } = await import("@/lib/analytics/grades-chunk");
const { getStudentDetail } = await import("@/lib/analytics/student-detail");

const round = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value, (_key, v) => (typeof v === "bigint" ? Number(v) : v)), (_key, v) =>
    typeof v === "number" && !Number.isInteger(v) ? Number(v.toPrecision(9)) : v,
  );

const rows: Record<string, number> = {};
for (const table of [...LOADED_TABLES, ...TALLY_TABLES]) {
  const [{ n }] = await db.$queryRawUnsafe<{ n: bigint | number }[]>(`SELECT COUNT(*) AS n FROM "${table}"`);
  rows[table] = Number(n);
}
const sums = {
  submissions: await db.submission.aggregate({ _sum: { score: true, gradingMs: true }, _max: { finishedAt: true }, _min: { createdAt: true } }),
  text: await db.$queryRawUnsafe(
    `SELECT SUM(LENGTH("report")) AS report, SUM(LENGTH("code")) AS code, SUM(LENGTH("verdict")) AS verdict FROM "Submission"`,
  ),
  answers: await db.quizAnswer.groupBy({ by: ["correct"], _count: { _all: true }, _sum: { credit: true }, orderBy: { correct: "asc" } }),
  attempts: await db.quizAttempt.aggregate({ _sum: { score: true, maxScore: true, seed: true }, _max: { submittedAt: true } }),
  results: await db.submissionTestResult.groupBy({ by: ["status", "visibility"], _count: { _all: true }, orderBy: [{ status: "asc" }, { visibility: "asc" }] }),
  lessons: await db.lessonProgress.aggregate({ _max: { readAt: true }, _min: { readAt: true } }),
};
const sample = {
  users: await db.user.findMany({ where: { id: { startsWith: "load-" } }, orderBy: { id: "asc" }, take: 3 }),
  submissions: await db.submission.findMany({ orderBy: { id: "asc" }, take: 5 }),
  answers: await db.quizAnswer.findMany({ orderBy: { id: "asc" }, take: 10 }),
};

const items = await loadCourseItems();
const analytics = {
  summary: await getClassSummary(items),
  quizzes: await Promise.all(items.quizzes.map((q) => getQuizAnalysis(q.id))),
  exercises: await Promise.all(items.exercises.map((e) => getExerciseStats(e.id))),
  roster: await getRosterPage(items, parseRosterQuery({ sort: "overall", dir: "desc" })),
  grades: await readGradesChunk(items, null, 20),
  student: await getStudentDetail("load-00003"),
};
// the demo accounts get random ids from better-auth: name them by their e-mail so both databases compare
const demo = await db.user.findMany({ where: { NOT: { id: { startsWith: "load-" } } }, select: { id: true, email: true } });
await db.$disconnect();
let json = JSON.stringify(round({ rows, sums, sample, analytics }));
for (const account of demo) json = json.replaceAll(account.id, `demo:${account.email}`);
process.stdout.write(json);
