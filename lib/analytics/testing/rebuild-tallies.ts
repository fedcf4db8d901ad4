/**
 * Tests that seed events in bulk (createMany, not the write paths) fill the
 * running tallies afterwards with the migration's own backfill statements.
 * Test-only.
 */
import type { db as Db } from "@/lib/db";
import { ITEM_TALLY_BACKFILL } from "../tallies/backfill";
import { QUIZ_TALLY_BACKFILL } from "../tallies/quiz-backfill";

export async function rebuildItemTallies(db: typeof Db): Promise<void> {
  await db.$executeRawUnsafe(`DELETE FROM "StudentTally"`);
  await db.$executeRawUnsafe(`DELETE FROM "ItemTally"`);
  for (const statement of ITEM_TALLY_BACKFILL) await db.$executeRawUnsafe(statement);
  await rebuildQuizTallies(db);
}

/** The quiz item-analysis tallies (tallies/quiz-tally.ts) recomputed from the attempts and answers. */
export async function rebuildQuizTallies(db: typeof Db): Promise<void> {
  await db.$executeRawUnsafe(`DELETE FROM "QuizResponseTally"`);
  await db.$executeRawUnsafe(`DELETE FROM "QuizFirstAttempt"`);
  for (const statement of QUIZ_TALLY_BACKFILL) await db.$executeRawUnsafe(statement);
}
