/**
 * The one server code path for Run and Submit (the API route and the
 * workspace both call it): validate → find the exercise → idempotency →
 * rate limit → grading budget → persist as `queued` (unless the user already
 * has too many pending, pending-limit.ts; and, on the queue, its job in the
 * same transaction) → grade or wait for the grading (grading-dispatcher.ts) →
 * the stored result.
 *
 * Idempotent on (userId, clientRequestId): a repeated request returns the
 * first submission (waiting for its grading if it is still running) and never
 * stores a second one, also when two copies race (the unique constraint
 * decides, the loser reads the winner's row).
 */
import "server-only";
import { refreshItemTally } from "@/lib/analytics/tallies/item-tally";
import { newGradingSeed } from "@/grader";
import { findExercise, type ManifestExercise } from "@/lib/content/manifest";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { gradingBudget } from "@/lib/rate-limit/grading-budget";
import { submissionLimiter } from "@/lib/rate-limit/submission-limiter";
import { gradingDispatcher } from "./grading-dispatcher";
import { assertPendingBelowLimit, PENDING_RETRY_SECONDS, TooManyPendingError } from "./pending-limit";
import { SubmissionError } from "./submission-error";
import { isKnownExercise } from "./known-exercise";
import { MAX_CODE_BYTES, SubmissionInputSchema, utf8Bytes } from "./submission-input";
import { type SubmissionView, toSubmissionView } from "./submission-view";

export interface Submitter {
  id: string;
  /** client address (lib/security/client-address.ts), for the per-address grading budget */
  address?: string;
}

export async function createSubmission(user: Submitter, exerciseId: string, body: unknown): Promise<SubmissionView> {
  const input = parseInput(body);
  const exercise = await assertExerciseAccepts(exerciseId, input.language);

  const key = { userId_clientRequestId: { userId: user.id, clientRequestId: input.clientRequestId } };
  const existing = await db.submission.findUnique({ where: key, select: { id: true, exerciseId: true } });
  if (existing) return settle(existing, exerciseId, user);

  const limit = await submissionLimiter().consume(user.id);
  if (!limit.ok) {
    throw new SubmissionError("rate-limited", `Too many runs and submissions. Try again in ${limit.retryAfterSeconds} s.`, {
      retryAfterSeconds: limit.retryAfterSeconds,
    });
  }

  const budget = await gradingBudget().check(user.id, user.address);
  if (!budget.ok) {
    throw new SubmissionError("rate-limited", `Your recent code used up its grading time. Try again in ${budget.retryAfterSeconds} s.`, {
      retryAfterSeconds: budget.retryAfterSeconds,
    });
  }

  const dispatcher = gradingDispatcher();
  const prepared = await dispatcher.prepare(exerciseId);
  // fresh hidden inputs for this submission (crypto random), kept so regrading reproduces the grading
  const hiddenSeed = newGradingSeed();
  let id: string;
  try {
    ({ id } = await db.$transaction(async (tx) => {
      await assertPendingBelowLimit(tx, user.id);
      const created = await tx.submission.create({
        data: {
          userId: user.id,
          exerciseId,
          clientRequestId: input.clientRequestId,
          code: input.code,
          language: input.language,
          mode: input.mode,
          hiddenSeed,
          // the content the student saw; the grading overwrites it with the hash its report names
          contentHash: exercise.contentHash,
        },
        select: { id: true },
      });
      // queue: the job commits with the submission or not at all
      await dispatcher.enqueue(tx, { submissionId: created.id, exerciseId, seed: hiddenSeed, ...(user.address ? { address: user.address } : {}) }, prepared);
      // a submit counts as an attempt on the dashboards from the moment it is stored
      if (input.mode === "submit") await refreshItemTally(tx, user.id, "exercise", exerciseId);
      return created;
    }));
  } catch (e) {
    if (e instanceof TooManyPendingError) {
      throw new SubmissionError("rate-limited", "Your earlier runs are still being graded. Try again when they are done.", {
        retryAfterSeconds: PENDING_RETRY_SECONDS,
      });
    }
    if (!(e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002")) throw e;
    const winner = await db.submission.findUniqueOrThrow({ where: key, select: { id: true, exerciseId: true } });
    return settle(winner, exerciseId, user);
  }
  await dispatcher.settle(id, { userId: user.id, address: user.address }, true);
  return readView(id);
}

function parseInput(body: unknown) {
  const parsed = SubmissionInputSchema.safeParse(body);
  if (parsed.success) return parsed.data;
  const tooLarge = typeof (body as { code?: unknown })?.code === "string" && utf8Bytes((body as { code: string }).code) > MAX_CODE_BYTES;
  const message = parsed.error.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message)).join("; ");
  throw new SubmissionError(tooLarge ? "too-large" : "invalid", message);
}

async function assertExerciseAccepts(exerciseId: string, language: string): Promise<ManifestExercise> {
  const exercise = (await isKnownExercise(exerciseId)) ? await findExercise(exerciseId) : undefined;
  if (!exercise) throw new SubmissionError("unknown-exercise", `There is no exercise "${exerciseId}".`);
  if (!exercise.languages.includes(language as "typescript")) {
    throw new SubmissionError("invalid", `language: this exercise accepts ${exercise.languages.join(" or ")}`);
  }
  return exercise;
}

/** A repeated request: the same submission, graded if it is still waiting. */
async function settle(row: { id: string; exerciseId: string }, exerciseId: string, user: Submitter): Promise<SubmissionView> {
  if (row.exerciseId !== exerciseId) {
    throw new SubmissionError("conflict", "This clientRequestId was already used for another exercise.");
  }
  await gradingDispatcher().settle(row.id, { userId: user.id, address: user.address }, false);
  return readView(row.id);
}

async function readView(id: string): Promise<SubmissionView> {
  return toSubmissionView(await db.submission.findUniqueOrThrow({ where: { id } }));
}
