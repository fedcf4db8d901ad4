-- CreateTable
CREATE TABLE "ItemTally" (
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "best" REAL,
    "attempts" INTEGER NOT NULL,
    "passed" INTEGER NOT NULL,
    "maxScore" REAL,

    PRIMARY KEY ("userId", "kind", "itemId"),
    CONSTRAINT "ItemTally_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "StudentTally" (
    "userId" TEXT NOT NULL PRIMARY KEY,
    "lessons" INTEGER NOT NULL,
    "quizzes" INTEGER NOT NULL,
    "quizPoints" REAL NOT NULL,
    "passed" INTEGER NOT NULL,
    "started" INTEGER NOT NULL,
    "exercisePoints" REAL NOT NULL,
    "quizFractions" REAL NOT NULL,
    CONSTRAINT "StudentTally_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ItemTally_kind_itemId_userId_best_passed_attempts_idx" ON "ItemTally"("kind", "itemId", "userId", "best", "passed", "attempts");

-- Backfill: the tallies of every existing row (lib/analytics/tallies/backfill.ts)
INSERT INTO "ItemTally" ("userId", "kind", "itemId", "best", "attempts", "passed", "maxScore")
SELECT "userId", 'lesson', "lessonId", NULL, 1, 0, NULL FROM "LessonProgress";

INSERT INTO "ItemTally" ("userId", "kind", "itemId", "best", "attempts", "passed", "maxScore")
SELECT "userId", 'quiz', "quizId", MAX("score"), COUNT(*), 0, MAX("maxScore") FROM "QuizAttempt"
WHERE "status" = 'submitted' GROUP BY "userId", "quizId";

INSERT INTO "ItemTally" ("userId", "kind", "itemId", "best", "attempts", "passed", "maxScore")
SELECT "userId", 'exercise', "exerciseId", MAX("score"), COUNT(*), MAX(CASE WHEN "verdict" = 'passed' THEN 1 ELSE 0 END), NULL FROM "Submission"
WHERE "mode" = 'submit' GROUP BY "userId", "exerciseId";

INSERT INTO "StudentTally" ("userId", "lessons", "quizzes", "quizPoints", "passed", "started", "exercisePoints", "quizFractions")
SELECT "userId", COALESCE(SUM(CASE WHEN "kind" = 'lesson' THEN 1 ELSE 0 END), 0),
  COALESCE(SUM(CASE WHEN "kind" = 'quiz' THEN 1 ELSE 0 END), 0),
  COALESCE(SUM(CASE WHEN "kind" = 'quiz' THEN COALESCE("best", 0) ELSE 0 END), 0),
  COALESCE(SUM(CASE WHEN "kind" = 'exercise' THEN "passed" ELSE 0 END), 0),
  COUNT(*),
  COALESCE(SUM(CASE WHEN "kind" = 'exercise' THEN COALESCE("best", 0) ELSE 0 END), 0),
  COALESCE(SUM(CASE WHEN "kind" <> 'quiz' OR COALESCE("maxScore", 0) <= 0 THEN 0
    WHEN COALESCE("best", 0) >= "maxScore" THEN 1 ELSE COALESCE("best", 0) / "maxScore" END), 0) FROM "ItemTally" GROUP BY "userId";
