/**
 * Item analysis of one quiz, over each student's FIRST submitted attempt (a
 * retake comes after the review showed the answer key, so later attempts say
 * little about the question). Per question: percent fully correct, the
 * distribution of chosen options (distractor analysis, also over all
 * attempts) and the discrimination index (discrimination.ts). Every figure is
 * exact, for any class size: the counts come from running tallies kept when
 * an attempt is submitted (tallies/quiz-tally.ts, read by
 * quiz-item-counts.ts), so a page reads a few hundred rows plus the upper
 * and lower 27% of one narrow index, and no statement lists students.
 */
import { loadQuiz } from "@/lib/quiz/load-quiz";
import type { Question } from "@/lib/quiz/schema";
import { discriminationIndex, groupSize } from "./discrimination";
import { extremeGroupCorrect, firstAttemptSummary, type ResponseCount, responseCounts } from "./quiz-item-counts";

export interface OptionShare {
  id: string;
  label: string;
  correct: boolean;
  /** students (first attempts) who picked it */
  count: number;
  /** count / answered, 0..1 */
  share: number;
  /** picks over all submitted attempts (retakes included) */
  countAll: number;
  /** countAll / answeredAll, 0..1 */
  shareAll: number;
}

export interface QuestionAnalysis {
  questionId: string;
  type: Question["type"];
  prompt: string;
  lesson?: string;
  answered: number;
  correct: number;
  /** answers over all submitted attempts, and how many of them were fully correct */
  answeredAll: number;
  correctAll: number;
  /** correct / answered, null when nobody answered */
  percentCorrect: number | null;
  /** choice and true/false questions only; multiple-select picks add up to more than 100% */
  options: OptionShare[] | null;
  /** picks with no option (left blank, or several on a single-choice question) */
  blank: number;
  discrimination: number | null;
}

export interface QuizAnalysis {
  quizId: string;
  title: string;
  students: number;
  groupSize: number;
  meanPercent: number | null;
  questions: QuestionAnalysis[];
}

type ParsedResponse = { kind?: string; optionIds?: unknown; value?: unknown };

function parseResponse(text: string): ParsedResponse {
  try {
    const v = JSON.parse(text);
    return typeof v === "object" && v !== null ? (v as ParsedResponse) : {};
  } catch {
    return {};
  }
}

function pickedOptions(response: string): string[] {
  const parsed = parseResponse(response);
  if (parsed.kind === "boolean") return typeof parsed.value === "boolean" ? [String(parsed.value)] : [];
  return Array.isArray(parsed.optionIds) ? parsed.optionIds.filter((x): x is string => typeof x === "string") : [];
}

function optionLabels(q: Question): { id: string; label: string; correct: boolean }[] | null {
  if (q.type === "true-false")
    return [
      { id: "true", label: "True", correct: q.answer === true },
      { id: "false", label: "False", correct: q.answer === false },
    ];
  if (q.type === "single" || q.type === "multiple") return q.options.map((o) => ({ id: o.id, label: o.text, correct: o.correct }));
  return null;
}

function analyseQuestion(q: Question, rows: ResponseCount[], upper: number, lower: number, size: number): QuestionAnalysis {
  const sum = (pick: (r: ResponseCount) => number) => rows.reduce((s, r) => s + pick(r), 0);
  const answered = sum((r) => r.firstAnswers);
  const answeredAll = sum((r) => r.allAnswers);
  const right = sum((r) => r.firstCorrect);
  const labels = optionLabels(q);
  let options: OptionShare[] | null = null;
  let blank = 0;
  if (labels) {
    const first = new Map<string, number>(labels.map((l) => [l.id, 0]));
    const all = new Map<string, number>(labels.map((l) => [l.id, 0]));
    for (const row of rows) {
      const picked = pickedOptions(row.response);
      if (picked.length === 0) blank += row.firstAnswers;
      for (const id of picked) {
        if (first.has(id)) first.set(id, (first.get(id) ?? 0) + row.firstAnswers);
        if (all.has(id)) all.set(id, (all.get(id) ?? 0) + row.allAnswers);
      }
    }
    options = labels.map((l) => {
      const count = first.get(l.id) ?? 0;
      const countAll = all.get(l.id) ?? 0;
      return { ...l, count, share: answered ? count / answered : 0, countAll, shareAll: answeredAll ? countAll / answeredAll : 0 };
    });
  }
  return {
    questionId: q.id,
    type: q.type,
    prompt: q.prompt,
    lesson: q.lesson,
    answered,
    correct: right,
    answeredAll,
    correctAll: sum((r) => r.allCorrect),
    percentCorrect: answered ? right / answered : null,
    options,
    blank,
    discrimination: size > 0 ? discriminationIndex(upper, lower, size) : null,
  };
}

export async function getQuizAnalysis(quizId: string): Promise<QuizAnalysis | null> {
  const quiz = await loadQuiz(quizId);
  if (!quiz) return null;
  const summary = await firstAttemptSummary(quizId);
  const size = groupSize(summary.students);
  const questionIds = quiz.questions.map((q) => q.id);
  const counts = summary.students ? await responseCounts(quizId) : [];
  const groups = await extremeGroupCorrect(quizId, questionIds, size);
  return {
    quizId,
    title: quiz.title,
    students: summary.students,
    groupSize: size,
    meanPercent: summary.mean === null ? null : 100 * summary.mean,
    questions: quiz.questions.map((q, i) =>
      analyseQuestion(
        q,
        counts.filter((r) => r.questionId === q.id),
        groups.upper[i],
        groups.lower[i],
        size,
      ),
    ),
  };
}
