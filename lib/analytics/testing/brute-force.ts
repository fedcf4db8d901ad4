/**
 * The analytics figures computed the slow, obvious way from a ClassFixture
 * held in memory (plain loops, no SQL), following the definitions in the
 * README's dashboard section. Test-only: the database tests compare the SQL
 * results with these.
 */
import type { Quiz } from "@/lib/quiz/schema";
import { computeTotals, type StudentProgressRow } from "../class-progress";
import type { CourseItems } from "../course-items";
import { extremeGroups, groupSize } from "../discrimination";
import type { ClassFixture, FixtureAttempt } from "./class-fixture";

const studentIds = (f: ClassFixture) => new Set(f.users.filter((u) => u.role === "student").map((u) => u.id));

function firstAttempts(f: ClassFixture, quizId: string): FixtureAttempt[] {
  const students = studentIds(f);
  const first = new Map<string, FixtureAttempt>();
  for (const a of f.attempts) {
    if (a.quizId !== quizId || a.status !== "submitted" || !students.has(a.userId)) continue;
    const seen = first.get(a.userId);
    const t = a.submittedAt?.getTime() ?? 0;
    const st = seen?.submittedAt?.getTime() ?? 0;
    if (!seen || t < st || (t === st && a.id < seen.id)) first.set(a.userId, a);
  }
  return [...first.values()];
}

export function quizOracle(f: ClassFixture, quiz: Quiz) {
  const firsts = firstAttempts(f, quiz.id);
  const scored = firsts.map((a) => ({ userId: a.userId, attemptId: a.id, total: a.maxScore ? a.score / a.maxScore : 0 }));
  const groups = extremeGroups(scored);
  const upper = new Set(groups?.upper.map((s) => s.attemptId));
  const lower = new Set(groups?.lower.map((s) => s.attemptId));
  const firstIds = new Set(firsts.map((a) => a.id));
  const students = studentIds(f);
  const submittedIds = new Set(f.attempts.filter((a) => a.quizId === quiz.id && a.status === "submitted" && students.has(a.userId)).map((a) => a.id));
  const questions = quiz.questions.map((q) => {
    const answers = f.answers.filter((a) => a.questionId === q.id && firstIds.has(a.attemptId));
    const correct = answers.filter((a) => a.correct);
    const options = new Map<string, number>();
    let blank = 0;
    if (q.type === "single" || q.type === "multiple" || q.type === "true-false") {
      for (const a of answers) {
        const parsed = JSON.parse(a.response) as { optionIds?: string[]; value?: boolean };
        const picked = q.type === "true-false" ? [String(parsed.value)] : (parsed.optionIds ?? []);
        if (picked.length === 0) blank += 1;
        for (const id of picked) options.set(id, (options.get(id) ?? 0) + 1);
      }
    }
    const all = f.answers.filter((a) => a.questionId === q.id && submittedIds.has(a.attemptId));
    const optionsAll = new Map<string, number>();
    for (const a of all) {
      const parsed = JSON.parse(a.response) as { optionIds?: string[]; value?: boolean };
      const picked = q.type === "true-false" ? [String(parsed.value)] : (parsed.optionIds ?? []);
      for (const id of picked) optionsAll.set(id, (optionsAll.get(id) ?? 0) + 1);
    }
    const u = correct.filter((a) => upper.has(a.attemptId)).length;
    const l = correct.filter((a) => lower.has(a.attemptId)).length;
    return {
      questionId: q.id,
      answered: answers.length,
      correct: correct.length,
      options,
      blank,
      answeredAll: all.length,
      correctAll: all.filter((a) => a.correct).length,
      optionsAll,
      discrimination: groups ? (u - l) / groups.size : null,
    };
  });
  const mean = scored.length ? (100 * scored.reduce((s, x) => s + x.total, 0)) / scored.length : null;
  return { students: scored.length, groupSize: groupSize(scored.length), meanPercent: mean, questions };
}

export function exerciseOracle(f: ClassFixture, exerciseId: string) {
  const students = studentIds(f);
  const submits = f.submissions.filter((s) => s.exerciseId === exerciseId && s.mode === "submit" && students.has(s.userId));
  const byUser = new Map<string, typeof submits>();
  for (const s of submits) byUser.set(s.userId, [...(byUser.get(s.userId) ?? []), s]);
  const untilPass = new Map<number, number>();
  let passed = 0;
  for (const list of byUser.values()) {
    const sorted = [...list].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    const first = sorted.findIndex((s) => s.verdict === "passed");
    if (first < 0) continue;
    passed += 1;
    untilPass.set(first + 1, (untilPass.get(first + 1) ?? 0) + 1);
  }
  const hidden = new Map<string, { failures: number; executions: number }>();
  for (const r of f.results.filter((r) => r.exerciseId === exerciseId && r.visibility === "hidden")) {
    const t = hidden.get(r.testId) ?? { failures: 0, executions: 0 };
    t.executions += 1;
    if (r.status !== "passed") t.failures += 1;
    hidden.set(r.testId, t);
  }
  const mis = new Map<string, { detections: number; users: Set<string> }>();
  for (const m of f.misconceptions.filter((m) => m.exerciseId === exerciseId)) {
    const e = mis.get(m.misconceptionId) ?? { detections: 0, users: new Set<string>() };
    e.detections += 1;
    e.users.add(m.userId);
    mis.set(m.misconceptionId, e);
  }
  const times = f.submissions
    .filter((s) => s.exerciseId === exerciseId && s.gradingMs !== null)
    .map((s) => s.gradingMs as number)
    .sort((a, b) => a - b);
  const mid = Math.floor((times.length - 1) / 2);
  return {
    studentsAttempted: byUser.size,
    studentsPassed: passed,
    submits: submits.length,
    attemptsUntilPass: [...untilPass.entries()].sort((a, b) => a[0] - b[0]).map(([attempts, students]) => ({ attempts, students })),
    hidden,
    misconceptions: new Map([...mis.entries()].map(([id, e]) => [id, { detections: e.detections, students: e.users.size }])),
    medianGradingMs: times.length ? (times.length % 2 ? times[mid] : (times[mid] + times[mid + 1]) / 2) : null,
  };
}

/** Every student's matrix row, in the CSV's order (name, then email, bytewise). */
export function progressOracle(f: ClassFixture, items: CourseItems): StudentProgressRow[] {
  const students = f.users.filter((u) => u.role === "student").sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.email < b.email ? -1 : 1));
  return students.map((s) => {
    const row: Omit<StudentProgressRow, "totals"> = { userId: s.id, name: s.name, email: s.email, lessons: {}, quizzes: {}, exercises: {} };
    for (const l of f.lessons) if (l.userId === s.id) row.lessons[l.lessonId] = true;
    for (const a of f.attempts) {
      if (a.userId !== s.id || a.status !== "submitted") continue;
      const cell = row.quizzes[a.quizId] ?? { best: null, attempts: 0 };
      row.quizzes[a.quizId] = { best: Math.max(cell.best ?? Number.NEGATIVE_INFINITY, a.score), attempts: cell.attempts + 1 };
    }
    for (const sub of f.submissions) {
      if (sub.userId !== s.id || sub.mode !== "submit") continue;
      const cell = row.exercises[sub.exerciseId] ?? { status: "attempted", best: null, attempts: 0 };
      row.exercises[sub.exerciseId] = {
        status: cell.status === "passed" || sub.verdict === "passed" ? "passed" : "attempted",
        best: Math.max(cell.best ?? Number.NEGATIVE_INFINITY, sub.score),
        attempts: cell.attempts + 1,
      };
    }
    return { ...row, totals: computeTotals(row, items) };
  });
}
