/**
 * The statements that fill "ItemTally" from the rows it summarizes, exactly
 * as the migration 20261202061000_item_tallies backfills existing databases
 * (a test checks the migration holds them verbatim). Portable SQL: plain
 * INSERT … SELECT … GROUP BY, CASE instead of boolean aggregates. Also used
 * by the analytics tests, which seed events in bulk without the write paths.
 */
export const ITEM_TALLY_BACKFILL: readonly string[] = [
  `INSERT INTO "ItemTally" ("userId", "kind", "itemId", "best", "attempts", "passed")
SELECT "userId", 'lesson', "lessonId", NULL, 1, 0 FROM "LessonProgress";`,
  `INSERT INTO "ItemTally" ("userId", "kind", "itemId", "best", "attempts", "passed")
SELECT "userId", 'quiz', "quizId", MAX("score"), COUNT(*), 0 FROM "QuizAttempt"
WHERE "status" = 'submitted' GROUP BY "userId", "quizId";`,
  `INSERT INTO "ItemTally" ("userId", "kind", "itemId", "best", "attempts", "passed")
SELECT "userId", 'exercise', "exerciseId", MAX("score"), COUNT(*), MAX(CASE WHEN "verdict" = 'passed' THEN 1 ELSE 0 END) FROM "Submission"
WHERE "mode" = 'submit' GROUP BY "userId", "exerciseId";`,
];
