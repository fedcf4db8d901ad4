-- CreateTable
CREATE TABLE "ItemTally" (
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "best" REAL,
    "attempts" INTEGER NOT NULL,
    "passed" INTEGER NOT NULL,

    PRIMARY KEY ("userId", "kind", "itemId"),
    CONSTRAINT "ItemTally_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ItemTally_kind_itemId_userId_best_passed_attempts_idx" ON "ItemTally"("kind", "itemId", "userId", "best", "passed", "attempts");


-- Backfill: the tallies of every existing row (lib/analytics/tallies/backfill.ts)
INSERT INTO "ItemTally" ("userId", "kind", "itemId", "best", "attempts", "passed")
SELECT "userId", 'lesson', "lessonId", NULL, 1, 0 FROM "LessonProgress";

INSERT INTO "ItemTally" ("userId", "kind", "itemId", "best", "attempts", "passed")
SELECT "userId", 'quiz', "quizId", MAX("score"), COUNT(*), 0 FROM "QuizAttempt"
WHERE "status" = 'submitted' GROUP BY "userId", "quizId";

INSERT INTO "ItemTally" ("userId", "kind", "itemId", "best", "attempts", "passed")
SELECT "userId", 'exercise', "exerciseId", MAX("score"), COUNT(*), MAX(CASE WHEN "verdict" = 'passed' THEN 1 ELSE 0 END) FROM "Submission"
WHERE "mode" = 'submit' GROUP BY "userId", "exerciseId";
