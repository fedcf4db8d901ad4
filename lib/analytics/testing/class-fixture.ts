/**
 * A generated class for the analytics database tests: deterministic random
 * activity of N students (plus one instructor whose activity must never
 * count) on the real course content, kept in memory as plain rows so the
 * tests can compute every figure by brute force and compare it with what
 * the database code returns. Test-only.
 */
import seedrandom from "seedrandom";
import type { Quiz } from "@/lib/quiz/schema";
import type { CourseItems } from "../course-items";
import type { Mode } from "@/grader/contract/vocabulary";

export interface FixtureUser {
  id: string;
  name: string;
  email: string;
  role: "student" | "instructor";
}
export interface FixtureAttempt {
  id: string;
  userId: string;
  quizId: string;
  status: "submitted" | "in_progress";
  score: number;
  maxScore: number;
  startedAt: Date;
  submittedAt: Date | null;
}
export interface FixtureAnswer {
  attemptId: string;
  quizId: string;
  questionId: string;
  response: string;
  correct: boolean;
}
export interface FixtureSubmission {
  id: string;
  userId: string;
  exerciseId: string;
  mode: Mode;
  verdict: "passed" | "failed";
  score: number;
  gradingMs: number | null;
  createdAt: Date;
}
export interface FixtureTestResult {
  submissionId: string;
  exerciseId: string;
  testId: string;
  visibility: "public" | "hidden";
  status: string;
}
export interface FixtureMisconception {
  submissionId: string;
  userId: string;
  exerciseId: string;
  misconceptionId: string;
}
export interface ClassFixture {
  users: FixtureUser[];
  lessons: { userId: string; lessonId: string }[];
  attempts: FixtureAttempt[];
  answers: FixtureAnswer[];
  submissions: FixtureSubmission[];
  results: FixtureTestResult[];
  misconceptions: FixtureMisconception[];
}

const NAMES = ["ada", "Bea", "cleo", "Dan", "eve", "Finn", "gus", "Hal"];
const BASE = Date.UTC(2026, 0, 1);

function answerFor(question: Quiz["questions"][number], random: () => number): { response: string; correct: boolean } {
  if (question.type === "single" || question.type === "multiple") {
    const picked = question.options.filter(() => random() < 0.4).map((o) => o.id);
    const right = question.options.filter((o) => o.correct).map((o) => o.id);
    const correct = picked.length === right.length && picked.every((id) => right.includes(id));
    return { response: JSON.stringify({ kind: "choice", optionIds: picked }), correct };
  }
  if (question.type === "true-false") {
    const value = random() < 0.5;
    return { response: JSON.stringify({ kind: "boolean", value }), correct: value === question.answer };
  }
  const correct = random() < 0.5;
  return { response: JSON.stringify({ kind: "number", value: Math.round(random() * 100) / 10 }), correct };
}

/**
 * Students get random names from a small set (so names repeat in different
 * case and ties on totals are common), read random lessons, take `quizzes`
 * 1–3 times (some attempts left open, some submitted at the same instant),
 * and submit `exercises` 0–4 times (plus runs) with hidden/public test
 * results and misconceptions. Scores are multiples of 1/4 or whole points.
 */
export function generateClass(count: number, items: CourseItems, quizzes: Quiz[], seed = "analytics"): ClassFixture {
  const random = seedrandom(seed);
  const int = (n: number) => Math.floor(random() * n);
  const fixture: ClassFixture = { users: [], lessons: [], attempts: [], answers: [], submissions: [], results: [], misconceptions: [] };
  const exercises = items.exercises.slice(0, 2);
  let clock = 0;
  const users: FixtureUser[] = Array.from({ length: count }, (_, i) => ({
    id: `u${String(i).padStart(5, "0")}`,
    name: `${NAMES[int(NAMES.length)]} ${String(int(count * 2)).padStart(5, "0")}`,
    email: `u${String(i).padStart(5, "0")}@example.com`,
    role: "student",
  }));
  users.push({ id: "staff", name: "Staff Member", email: "staff@example.com", role: "instructor" });
  fixture.users = users;
  for (const user of users) {
    for (const lesson of items.lessons) if (random() < 0.5) fixture.lessons.push({ userId: user.id, lessonId: lesson.id });
    for (const quiz of quizzes) {
      const maxScore = quiz.questions.reduce((s, q) => s + q.points, 0);
      const tries = 1 + int(3);
      const sameInstant = random() < 0.1; // two attempts submitted in the same millisecond: ties go by attempt id
      for (let k = 0; k < tries; k++) {
        const id = `a-${user.id}-${quiz.id}-${k}`;
        const open = k > 0 && random() < 0.2;
        const at = BASE + (sameInstant ? 1000 : (clock += 1 + int(1000)));
        let score = 0;
        for (const q of quiz.questions) {
          const { response, correct } = answerFor(q, random);
          if (correct) score += q.points;
          fixture.answers.push({ attemptId: id, quizId: quiz.id, questionId: q.id, response, correct });
        }
        fixture.attempts.push({
          id,
          userId: user.id,
          quizId: quiz.id,
          status: open ? "in_progress" : "submitted",
          score,
          maxScore,
          startedAt: new Date(at - 500),
          submittedAt: open ? null : new Date(at),
        });
      }
    }
    for (const exercise of exercises) {
      const submits = int(5);
      for (let k = 0; k <= submits; k++) {
        const mode = k === 0 ? "run" : "submit";
        if (k === 0 && random() < 0.5) continue;
        const passed = mode === "submit" && random() < 0.3;
        const id = `s-${user.id}-${exercise.id}-${k}`;
        fixture.submissions.push({
          id,
          userId: user.id,
          exerciseId: exercise.id,
          mode,
          verdict: passed ? "passed" : "failed",
          score: passed ? 1 : int(4) / 4,
          gradingMs: random() < 0.1 ? null : 1 + int(50),
          createdAt: new Date(BASE + (clock += 1 + int(1000))),
        });
        for (const testId of ["h1", "h2", "p1"]) {
          const status = random() < 0.6 ? "passed" : ["failed", "error", "timeout"][int(3)];
          fixture.results.push({ submissionId: id, exerciseId: exercise.id, testId, visibility: testId.startsWith("h") ? "hidden" : "public", status });
        }
        if (!passed && random() < 0.4) {
          fixture.misconceptions.push({ submissionId: id, userId: user.id, exerciseId: exercise.id, misconceptionId: ["m-a", "m-b", "m-c"][int(3)] });
        }
      }
    }
  }
  return fixture;
}
