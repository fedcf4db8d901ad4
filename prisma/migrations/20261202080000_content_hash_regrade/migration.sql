-- AlterTable
ALTER TABLE "Submission" ADD COLUMN "contentHash" TEXT;

-- AlterTable
ALTER TABLE "QuizAttempt" ADD COLUMN "contentHash" TEXT;

-- CreateTable
CREATE TABLE "RegradeJob" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "exerciseId" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "total" INTEGER NOT NULL,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME
);

-- CreateTable
CREATE TABLE "RegradeResult" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "jobId" TEXT NOT NULL,
    "submissionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "oldVerdict" TEXT,
    "oldScore" REAL,
    "newVerdict" TEXT,
    "newScore" REAL,
    "report" TEXT,
    "gradingMs" REAL,
    CONSTRAINT "RegradeResult_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "RegradeJob" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RegradeResult_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "RegradeJob_exerciseId_createdAt_idx" ON "RegradeJob"("exerciseId", "createdAt");

-- CreateIndex
CREATE INDEX "RegradeJob_status_idx" ON "RegradeJob"("status");

-- CreateIndex
CREATE INDEX "RegradeResult_jobId_status_idx" ON "RegradeResult"("jobId", "status");

-- CreateIndex
CREATE INDEX "RegradeResult_submissionId_idx" ON "RegradeResult"("submissionId");

-- CreateIndex
CREATE UNIQUE INDEX "RegradeResult_jobId_submissionId_key" ON "RegradeResult"("jobId", "submissionId");

-- CreateIndex
CREATE INDEX "Submission_exerciseId_mode_contentHash_idx" ON "Submission"("exerciseId", "mode", "contentHash");

