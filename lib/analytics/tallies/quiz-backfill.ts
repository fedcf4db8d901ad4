/**
 * The statements that fill "QuizFirstAttempt" and "QuizResponseTally" from the
 * quiz attempts and answers they summarize, exactly as the migration
 * 20261202110000_quiz_tallies backfills existing databases (a test checks the
 * migration holds them verbatim; the analytics tests, which seed events in
 * bulk, rebuild the tallies with them). RESPONSE_KEY is shared with the read
 * path (quiz-items.ts), which subtracts staff answers grouped the same way.
 *
 * Portable SQL: ROW_NUMBER() (SQLite ≥ 3.25, PostgreSQL), string_agg with
 * ORDER BY (SQLite ≥ 3.44 — better-sqlite3 ships 3.53 — and PostgreSQL),
 * `||`, CASE for booleans.
 */

/**
 * The tally key of an answer: its stored JSON for a choice or true/false
 * answer (a bounded set per question: the option ids picked), "" for a number
 * answer (free text; only its correctness is counted). lib/quiz/grade.ts
 * stores the response as JSON.stringify({ kind, … }), so "kind" comes first.
 */
export const RESPONSE_KEY = `CASE WHEN ans."response" LIKE '{"kind":"number"%' THEN '' ELSE ans."response" END`;

/** Same key in TypeScript, for the write path (quiz-tally.ts). */
export function responseKey(response: { kind: string }): string {
  return response.kind === "number" ? "" : JSON.stringify(response);
}

/** The counts of a set of answers `ans`, where `f` is the answer's first-attempt row when it is one (a LEFT JOIN). */
export const RESPONSE_COUNTS = `SUM(CASE WHEN f."attemptId" IS NULL THEN 0 ELSE 1 END) AS "firstAnswers",
  SUM(CASE WHEN f."attemptId" IS NOT NULL AND ans."correct" THEN 1 ELSE 0 END) AS "firstCorrect",
  COUNT(*) AS "allAnswers",
  SUM(CASE WHEN ans."correct" THEN 1 ELSE 0 END) AS "allCorrect"`;

export const QUIZ_TALLY_BACKFILL: readonly string[] = [
  `INSERT INTO "QuizFirstAttempt" ("quizId", "userId", "attemptId", "total", "correct")
SELECT r."quizId", r."userId", r."id", r.total,
  ',' || COALESCE((SELECT string_agg(ans."questionId", ',' ORDER BY ans."questionId") FROM "QuizAnswer" ans
    WHERE ans."attemptId" = r."id" AND ans."correct") || ',', '')
FROM (
  SELECT a."id", a."quizId", a."userId",
    CASE WHEN a."maxScore" > 0 THEN COALESCE(a."score", 0) / a."maxScore" ELSE 0 END AS total,
    ROW_NUMBER() OVER (
      PARTITION BY a."quizId", a."userId" ORDER BY CASE WHEN a."submittedAt" IS NULL THEN 0 ELSE 1 END, a."submittedAt", a."id"
    ) AS nth
  FROM "QuizAttempt" a WHERE a."status" = 'submitted'
) r
WHERE r.nth = 1;`,
  `INSERT INTO "QuizResponseTally" ("quizId", "questionId", "response", "firstAnswers", "firstCorrect", "allAnswers", "allCorrect")
SELECT a."quizId", ans."questionId", ${RESPONSE_KEY}, ${RESPONSE_COUNTS}
FROM "QuizAttempt" a
JOIN "QuizAnswer" ans ON ans."attemptId" = a."id"
LEFT JOIN "QuizFirstAttempt" f ON f."attemptId" = a."id"
WHERE a."status" = 'submitted'
GROUP BY a."quizId", ans."questionId", ${RESPONSE_KEY};`,
];
