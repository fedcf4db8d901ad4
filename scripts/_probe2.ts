export {};
process.env.DATABASE_URL = `file:${process.argv[2]}`;
const { db } = await import("../lib/db");
const { loadCourseItems } = await import("../lib/analytics/course-items");
const items = await loadCourseItems();
const students = await db.user.findMany({ where: { role: "student" }, orderBy: [{ name: "asc" }, { email: "asc" }], take: 500, skip: 1000, select: { id: true } });
const userId = { in: students.map((s) => s.id) };
async function time(label: string, f: () => Promise<unknown>) { const t = performance.now(); await f(); console.log(label.padEnd(12), (performance.now() - t).toFixed(1), "ms"); }
for (let i = 0; i < 3; i++) {
  await time("keyset", () => db.user.findMany({ where: { role: "student", OR: [{ name: { gt: "Load Student 02000" } }, { name: "Load Student 02000", email: { gt: "x" } }] }, orderBy: [{ name: "asc" }, { email: "asc" }], take: 500, select: { id: true, name: true, email: true } }));
  await time("lessons", () => db.lessonProgress.findMany({ where: { userId, lessonId: { in: items.lessons.map((l) => l.id) } }, select: { userId: true, lessonId: true } }));
  await time("quiz", () => db.quizAttempt.groupBy({ by: ["userId", "quizId"], where: { userId, quizId: { in: items.quizzes.map((q) => q.id) }, status: "submitted" }, _max: { score: true }, _count: { _all: true } }));
  await time("subs", () => db.submission.groupBy({ by: ["userId", "exerciseId"], where: { userId, exerciseId: { in: items.exercises.map((e) => e.id) }, mode: "submit" }, _max: { score: true }, _count: { _all: true } }));
  await time("pass", () => db.submission.groupBy({ by: ["userId", "exerciseId"], where: { userId, exerciseId: { in: items.exercises.map((e) => e.id) }, mode: "submit", verdict: "passed" }, _count: { _all: true } }));
}
