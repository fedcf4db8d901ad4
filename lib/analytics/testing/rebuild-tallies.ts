/**
 * Tests that seed events in bulk (createMany, not the write paths) fill the
 * running tallies afterwards with the migration's own backfill statements.
 * Test-only.
 */
import type { db as Db } from "@/lib/db";
import { ITEM_TALLY_BACKFILL } from "../tallies/backfill";

export async function rebuildItemTallies(db: typeof Db): Promise<void> {
  await db.$executeRawUnsafe(`DELETE FROM "StudentTally"`);
  await db.$executeRawUnsafe(`DELETE FROM "ItemTally"`);
  for (const statement of ITEM_TALLY_BACKFILL) await db.$executeRawUnsafe(statement);
}
