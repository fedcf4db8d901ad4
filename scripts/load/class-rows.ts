/**
 * The tables scripts/seed-load.ts fills and their columns, in the order the
 * generator (class-generator.ts) emits values. One list for both loaders: the
 * SQLite loader turns it into prepared INSERTs, the PostgreSQL loader into
 * `COPY … FROM STDIN` column lists, so both databases get the same rows.
 */
export const LOADED_COLUMNS = {
  user: ["id", "name", "email", "emailVerified", "role", "createdAt", "updatedAt"],
  LessonProgress: ["userId", "lessonId", "readAt"],
  QuizAttempt: ["id", "userId", "quizId", "seed", "status", "score", "maxScore", "startedAt", "submittedAt"],
  QuizAnswer: ["id", "attemptId", "quizId", "questionId", "response", "correct", "credit"],
  Submission: [
    "id",
    "userId",
    "exerciseId",
    "clientRequestId",
    "code",
    "language",
    "mode",
    "status",
    "verdict",
    "score",
    "report",
    "gradingMs",
    "createdAt",
    "startedAt",
    "finishedAt",
  ],
  SubmissionTestResult: ["id", "submissionId", "exerciseId", "testId", "visibility", "status"],
  SubmissionMisconception: ["id", "submissionId", "userId", "exerciseId", "misconceptionId"],
} as const;

export type LoadedTable = keyof typeof LOADED_COLUMNS;
export const LOADED_TABLES = Object.keys(LOADED_COLUMNS) as LoadedTable[];

/** A column value: DateTime columns arrive as Date, Boolean columns as boolean; each loader encodes them its database's way. */
export type CellValue = string | number | boolean | Date | null;

/** Where the generator writes: one call per row, values in LOADED_COLUMNS order. */
export type RowSink = (table: LoadedTable, values: CellValue[]) => void;

/** The running tallies the app keeps; a bulk load bypasses the write paths, so the loaders rebuild them. */
export const TALLY_TABLES = ["StudentTally", "ItemTally", "QuizResponseTally", "QuizFirstAttempt"] as const;
