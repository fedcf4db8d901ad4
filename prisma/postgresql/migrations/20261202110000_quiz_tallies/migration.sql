-- PostgreSQL twin of prisma/migrations/20261202110000_quiz_tallies: the same tables (DDL from
-- `prisma migrate diff` on the derived schema) and the same backfill statements, verbatim.
-- CreateTable
CREATE TABLE "QuizFirstAttempt" (
    "quizId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "attemptId" TEXT NOT NULL,
    "total" DOUBLE PRECISION NOT NULL,
    "correct" TEXT NOT NULL,

    CONSTRAINT "QuizFirstAttempt_pkey" PRIMARY KEY ("quizId","userId")
);

-- CreateTable
CREATE TABLE "QuizResponseTally" (
    "quizId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "response" TEXT NOT NULL,
    "firstAnswers" INTEGER NOT NULL,
    "firstCorrect" INTEGER NOT NULL,
    "allAnswers" INTEGER NOT NULL,
    "allCorrect" INTEGER NOT NULL,

    CONSTRAINT "QuizResponseTally_pkey" PRIMARY KEY ("quizId","questionId","response")
);

-- CreateIndex
CREATE UNIQUE INDEX "QuizFirstAttempt_attemptId_key" ON "QuizFirstAttempt"("attemptId");

-- CreateIndex
CREATE INDEX "QuizFirstAttempt_quizId_total_userId_correct_idx" ON "QuizFirstAttempt"("quizId", "total", "userId", "correct");

-- AddForeignKey
ALTER TABLE "QuizFirstAttempt" ADD CONSTRAINT "QuizFirstAttempt_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Backfill: the running tallies for attempts stored before this migration (QUIZ_TALLY_BACKFILL).
INSERT INTO "QuizFirstAttempt" ("quizId", "userId", "attemptId", "total", "correct")
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
WHERE r.nth = 1;

INSERT INTO "QuizResponseTally" ("quizId", "questionId", "response", "firstAnswers", "firstCorrect", "allAnswers", "allCorrect")
SELECT a."quizId", ans."questionId", CASE WHEN ans."response" LIKE '{"kind":"number"%' THEN '' ELSE ans."response" END, SUM(CASE WHEN f."attemptId" IS NULL THEN 0 ELSE 1 END) AS "firstAnswers",
  SUM(CASE WHEN f."attemptId" IS NOT NULL AND ans."correct" THEN 1 ELSE 0 END) AS "firstCorrect",
  COUNT(*) AS "allAnswers",
  SUM(CASE WHEN ans."correct" THEN 1 ELSE 0 END) AS "allCorrect"
FROM "QuizAttempt" a
JOIN "QuizAnswer" ans ON ans."attemptId" = a."id"
LEFT JOIN "QuizFirstAttempt" f ON f."attemptId" = a."id"
WHERE a."status" = 'submitted'
GROUP BY a."quizId", ans."questionId", CASE WHEN ans."response" LIKE '{"kind":"number"%' THEN '' ELSE ans."response" END;
