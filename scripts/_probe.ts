export {};
process.env.DATABASE_URL = `file:${process.argv[2]}`;
const { loadCourseItems } = await import("../lib/analytics/course-items");
const { getQuizAnalysis } = await import("../lib/analytics/quiz-items");
const { getExerciseStats, describeMisconception } = await import("../lib/analytics/exercise-stats");
const { getClassSummary } = await import("../lib/analytics/class-summary");
const { getRosterPage } = await import("../lib/analytics/roster-page");
const { parseRosterQuery } = await import("../lib/analytics/roster-view");
const { testNamesFromReports } = await import("../lib/analytics/test-names");
const { getStudentDetail } = await import("../lib/analytics/student-detail");
const { gradesCsvStream } = await import("../lib/analytics/grades-stream");
const items = await loadCourseItems();
async function time(label: string, f: () => Promise<unknown>) {
  const t = performance.now();
  try { await f(); console.log(label.padEnd(20), (performance.now() - t).toFixed(0), "ms"); } catch (e) { console.log(label, "ERROR", String(e).slice(0, 300)); }
}
const only = process.argv[3];
for (let i = 0; i < 2; i++) {
  if (!only || only === "summary") await time("summary", () => getClassSummary(items));
  if (!only || only === "roster") await time("roster name", () => getRosterPage(items, parseRosterQuery({})));
  if (!only || only === "roster") await time("roster name p500", () => getRosterPage(items, parseRosterQuery({ page: "500" })));
  if (!only || only === "overall") await time("roster overall", () => getRosterPage(items, parseRosterQuery({ sort: "overall", dir: "desc", page: "5" })));
  if (!only || only === "exercise") await time("exerciseStats", () => getExerciseStats("batchnorm-backward"));
  if (!only || only === "exercise") await time("testNames", () => testNamesFromReports("batchnorm-backward"));
  if (!only || only === "exercise") await time("describeMisc", async () => { const s = await getExerciseStats("batchnorm-backward"); for (const m of s.misconceptions.slice(0, 10)) await describeMisconception("batchnorm-backward", m.misconceptionId); });
  if (!only || only === "quiz") await time("quizAnalysis", () => getQuizAnalysis("normalizing-activations"));
  if (!only || only === "student") await time("student", () => getStudentDetail("load-00001"));
  if (!only || only === "csv") await time("csv", async () => { const r = gradesCsvStream(items).getReader(); let n = 0; for (;;) { const { done, value } = await r.read(); if (done) break; n += value.length; } console.log("csv bytes", n); });
}
