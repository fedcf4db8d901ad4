-- CreateIndex
CREATE INDEX "user_role_name_email_idx" ON "user"("role", "name", "email");

-- CreateIndex
CREATE INDEX "Submission_userId_mode_exerciseId_verdict_score_idx" ON "Submission"("userId", "mode", "exerciseId", "verdict", "score");

-- CreateIndex
CREATE INDEX "Submission_exerciseId_createdAt_idx" ON "Submission"("exerciseId", "createdAt");

-- CreateIndex
CREATE INDEX "QuizAttempt_userId_status_quizId_score_idx" ON "QuizAttempt"("userId", "status", "quizId", "score");

-- CreateIndex
CREATE INDEX "QuizAttempt_quizId_status_userId_submittedAt_id_score_maxScore_idx" ON "QuizAttempt"("quizId", "status", "userId", "submittedAt", "id", "score", "maxScore");

-- CreateIndex
CREATE INDEX "QuizAnswer_attemptId_questionId_correct_response_idx" ON "QuizAnswer"("attemptId", "questionId", "correct", "response");
