-- CreateIndex
CREATE INDEX "Submission_exerciseId_mode_userId_verdict_score_createdAt_idx" ON "Submission"("exerciseId", "mode", "userId", "verdict", "score", "createdAt");

-- CreateIndex
CREATE INDEX "Submission_exerciseId_gradingMs_idx" ON "Submission"("exerciseId", "gradingMs");

-- CreateIndex
CREATE INDEX "SubmissionTestResult_exerciseId_visibility_testId_status_idx" ON "SubmissionTestResult"("exerciseId", "visibility", "testId", "status");

-- CreateIndex
CREATE INDEX "QuizAttempt_quizId_status_userId_score_idx" ON "QuizAttempt"("quizId", "status", "userId", "score");

