-- AlterTable
ALTER TABLE "Submission" ADD COLUMN     "contentHash" TEXT;

-- AlterTable
ALTER TABLE "QuizAttempt" ADD COLUMN     "contentHash" TEXT;

-- CreateTable
CREATE TABLE "RegradeJob" (
    "id" TEXT NOT NULL,
    "exerciseId" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "total" INTEGER NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "RegradeJob_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RegradeResult" (
    "id" TEXT NOT NULL,
    "jobId" TEXT NOT NULL,
    "submissionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "oldVerdict" TEXT,
    "oldScore" DOUBLE PRECISION,
    "newVerdict" TEXT,
    "newScore" DOUBLE PRECISION,
    "report" TEXT,
    "gradingMs" DOUBLE PRECISION,

    CONSTRAINT "RegradeResult_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "RegradeResult" ADD CONSTRAINT "RegradeResult_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "RegradeJob"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegradeResult" ADD CONSTRAINT "RegradeResult_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

