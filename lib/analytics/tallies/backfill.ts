/**
 * The statements that fill "ItemTally" and "StudentTally" from the rows they
 * summarize, exactly as the migration 20261202061000_item_tallies backfills
 * existing databases (a test checks the migration holds them verbatim).
 * Portable SQL: plain INSERT … SELECT … GROUP BY, CASE instead of boolean
 * aggregates. Also used by the analytics tests, which seed events in bulk
 * without the write paths. STUDENT_TOTALS is shared with item-tally.ts.
 */

/** The totals columns of "StudentTally" as aggregates over one student's "ItemTally" rows (zeros when none). */
export const STUDENT_TOTALS = `COALESCE(SUM(CASE WHEN "kind" = 'lesson' THEN 1 ELSE 0 END), 0),
  COALESCE(SUM(CASE WHEN "kind" = 'quiz' THEN 1 ELSE 0 END), 0),
  COALESCE(SUM(CASE WHEN "kind" = 'quiz' THEN COALESCE("best", 0) ELSE 0 END), 0),
  COALESCE(SUM(CASE WHEN "kind" = 'exercise' THEN "passed" ELSE 0 END), 0),
  COUNT(*),
  COALESCE(SUM(CASE WHEN "kind" = 'exercise' THEN COALESCE("best", 0) ELSE 0 END), 0),
  COALESCE(SUM(CASE WHEN "kind" <> 'quiz' OR COALESCE("maxScore", 0) <= 0 THEN 0
    WHEN COALESCE("best", 0) >= "maxScore" THEN 1 ELSE COALESCE("best", 0) / "maxScore" END), 0)`;

export const STUDENT_TOTALS_COLUMNS = `"lessons", "quizzes", "quizPoints", "passed", "started", "exercisePoints", "quizFractions"`;

export const ITEM_TALLY_BACKFILL: readonly string[] = [
  `INSERT INTO "ItemTally" ("userId", "kind", "itemId", "best", "attempts", "passed", "maxScore")
SELECT "userId", 'lesson', "lessonId", NULL, 1, 0, NULL FROM "LessonProgress";`,
  `INSERT INTO "ItemTally" ("userId", "kind", "itemId", "best", "attempts", "passed", "maxScore")
SELECT "userId", 'quiz', "quizId", MAX("score"), COUNT(*), 0, MAX("maxScore") FROM "QuizAttempt"
WHERE "status" = 'submitted' GROUP BY "userId", "quizId";`,
  `INSERT INTO "ItemTally" ("userId", "kind", "itemId", "best", "attempts", "passed", "maxScore")
SELECT "userId", 'exercise', "exerciseId", MAX("score"), COUNT(*), MAX(CASE WHEN "verdict" = 'passed' THEN 1 ELSE 0 END), NULL FROM "Submission"
WHERE "mode" = 'submit' GROUP BY "userId", "exerciseId";`,
  `INSERT INTO "StudentTally" ("userId", ${STUDENT_TOTALS_COLUMNS})
SELECT "userId", ${STUDENT_TOTALS} FROM "ItemTally" GROUP BY "userId";`,
];
