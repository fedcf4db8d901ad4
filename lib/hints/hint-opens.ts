/**
 * Which hints a student has opened. Hints open strictly in order (hint k only
 * after hints 0…k−1), each at most once; the first opening time is kept so
 * the instructor can see which hints preceded each submission.
 */
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { SubmissionError } from "@/lib/submissions/submission-error";
import { type Hint, loadHints } from "./hints-file";

export const OpenHintInputSchema = z.object({ index: z.number().int().min(0) }).strict();

export interface OpenedHint extends Hint {
  index: number;
  openedAt: string;
}

/** The hints this student has opened, with their text, plus how many exist. */
export async function openedHints(userId: string, exerciseId: string): Promise<{ total: number; opened: OpenedHint[] }> {
  const [hints, rows] = await Promise.all([
    loadHints(exerciseId),
    db.hintOpen.findMany({ where: { userId, exerciseId }, orderBy: { hintIndex: "asc" } }),
  ]);
  const opened = rows
    .filter((r) => r.hintIndex < hints.length)
    .map((r) => ({ ...hints[r.hintIndex], index: r.hintIndex, openedAt: r.openedAt.toISOString() }));
  return { total: hints.length, opened };
}

/** Opens hint `index` (the next unopened one, or one already opened) and returns the new count. */
export async function openHint(userId: string, exerciseId: string, input: unknown): Promise<{ opened: number; total: number }> {
  const { index } = OpenHintInputSchema.parse(input);
  const hints = await loadHints(exerciseId);
  if (index >= hints.length) throw new SubmissionError("not-found", `This exercise has ${hints.length} hints.`);
  const count = await db.hintOpen.count({ where: { userId, exerciseId } });
  if (index > count) throw new SubmissionError("conflict", `Open hint ${count + 1} first.`);
  await db.hintOpen.upsert({
    where: { userId_exerciseId_hintIndex: { userId, exerciseId, hintIndex: index } },
    create: { userId, exerciseId, hintIndex: index },
    update: {},
  });
  return { opened: Math.max(count, index + 1), total: hints.length };
}

/** For the instructor: every hint a student opened, per exercise, in order. */
export async function hintOpensByExercise(userId: string): Promise<Map<string, { index: number; openedAt: Date }[]>> {
  const rows = await db.hintOpen.findMany({ where: { userId }, orderBy: [{ exerciseId: "asc" }, { hintIndex: "asc" }] });
  const byExercise = new Map<string, { index: number; openedAt: Date }[]>();
  for (const r of rows) byExercise.set(r.exerciseId, [...(byExercise.get(r.exerciseId) ?? []), { index: r.hintIndex, openedAt: r.openedAt }]);
  return byExercise;
}
