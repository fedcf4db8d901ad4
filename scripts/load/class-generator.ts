/**
 * The generated class of scripts/seed-load.ts, independent of the database:
 * N students who each read every lesson, submitted every quiz (1–2 attempts,
 * every question answered) and submitted every exercise (1–5 times, with
 * runs, per-test results, misconceptions, reports and code of realistic
 * size). Abilities are drawn per student so the analytics have something to
 * discriminate. Rows go to a RowSink one student at a time (memory stays flat
 * whatever N is); the same --seed gives the same rows on SQLite and on
 * PostgreSQL.
 */
import seedrandom from "seedrandom";
import type { Mode } from "@/grader/contract/vocabulary";
import type { RowSink } from "./class-rows";

export interface ClassContent {
  lessons: { id: string }[];
  quizzes: import("@/lib/quiz/schema").Quiz[];
  exercises: import("@/grader/content/load-exercise").LoadedExercise[];
}

/** Lessons, quizzes and exercises from the content (no database involved). */
export async function loadClassContent(): Promise<ClassContent> {
  const { loadCourseItems } = await import("@/lib/analytics/course-items");
  const { loadQuiz } = await import("@/lib/quiz/load-quiz");
  const { loadExercise } = await import("@/grader/content/load-exercise");
  const items = await loadCourseItems();
  const quizzes = (await Promise.all(items.quizzes.map((q) => loadQuiz(q.id)))).filter((q) => q !== null);
  const exercises = await Promise.all(items.exercises.map((e) => loadExercise(e.id)));
  return { lessons: items.lessons, quizzes, exercises };
}

export const CLASS_COUNTS = ["users", "lessons", "attempts", "answers", "submissions", "results", "misconceptions"] as const;
export type ClassCounts = Record<(typeof CLASS_COUNTS)[number], number>;

const DAY = 86_400_000;
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

/**
 * A writer of students 0, 1, 2, … in order (the random stream is shared, so
 * call it with consecutive n). `epochMs` anchors the timestamps; pass the same
 * value to both loaders to get identical rows.
 */
export function classGenerator(content: ClassContent, seed: number, emit: RowSink, epochMs: number) {
  const random = seedrandom(String(seed));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const chance = (p: number) => random() < p;
  const counts: ClassCounts = { users: 0, lessons: 0, attempts: 0, answers: 0, submissions: 0, results: 0, misconceptions: 0 };

  function writeStudent(n: number): void {
    const userId = `load-${String(n).padStart(5, "0")}`;
    const ability = random();
    let clock = epochMs + random() * DAY;
    const tick = () => (clock += 60_000 + random() * 3_600_000);
    const joined = new Date(clock);
    emit("user", [userId, `Load Student ${String(n).padStart(5, "0")}`, `${userId}@load.example.com`, false, "student", joined, joined]);
    counts.users += 1;
    for (const lesson of content.lessons) {
      emit("LessonProgress", [userId, lesson.id, new Date(tick())]);
      counts.lessons += 1;
    }
    for (const quiz of content.quizzes) {
      const attempts = chance(0.4) ? 2 : 1;
      for (let a = 0; a < attempts; a++) {
        const attemptId = `${userId}-${quiz.id}-${a}`;
        const startedAt = new Date(tick());
        let score = 0;
        const answers: [string, string, boolean][] = [];
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
          answers.push([q.id, JSON.stringify(response), correct]);
        }
        const maxScore = quiz.questions.reduce((s, q) => s + q.points, 0);
        emit("QuizAttempt", [attemptId, userId, quiz.id, n * 10 + a, "submitted", score, maxScore, startedAt, new Date(tick())]);
        counts.attempts += 1;
        for (const [questionId, response, correct] of answers)
          emit("QuizAnswer", [`${attemptId}-${questionId}`, attemptId, quiz.id, questionId, response, correct, correct ? 1 : 0]);
        counts.answers += answers.length;
      }
    }
    for (const ex of content.exercises) {
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
        emit("Submission", [
          submissionId,
          userId,
          ex.spec.id,
          submissionId,
          CODE,
          "typescript",
          mode,
          "graded",
          r.status,
          r.score,
          r.json,
          ms,
          new Date(createdAt),
          new Date(createdAt),
          new Date(createdAt + ms),
        ]);
        counts.submissions += 1;
        for (const t of tests) emit("SubmissionTestResult", [`${submissionId}-${t.id}`, submissionId, ex.spec.id, t.id, t.visibility, t.status]);
        counts.results += tests.length;
        if (mistake) {
          emit("SubmissionMisconception", [`${submissionId}-m`, submissionId, userId, ex.spec.id, mistake.id]);
          counts.misconceptions += 1;
        }
        if (r.status === "passed" && mode === "submit") passed = true;
      }
    }
  }
  return { writeStudent, counts };
}
