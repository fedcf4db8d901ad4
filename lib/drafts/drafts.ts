/**
 * Autosaved editor drafts, one per (user, exercise). The workspace saves to
 * localStorage at once and here within seconds; on load it restores whichever
 * of the two is newer.
 */
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { CodeSchema, LanguageSchema } from "@/lib/submissions/submission-input";
import type { Language } from "@/grader/contract/vocabulary";

export const DraftInputSchema = z.object({ code: CodeSchema, language: LanguageSchema });
export type DraftInput = z.infer<typeof DraftInputSchema>;

export interface DraftView {
  code: string;
  language: Language;
  updatedAt: string;
}

export async function getDraft(userId: string, exerciseId: string): Promise<DraftView | null> {
  const row = await db.draft.findUnique({ where: { userId_exerciseId: { userId, exerciseId } } });
  if (!row) return null;
  return { code: row.code, language: row.language as DraftView["language"], updatedAt: row.updatedAt.toISOString() };
}

/** Validates and upserts; returns the stored draft (its updatedAt is the server's clock). */
export async function saveDraft(userId: string, exerciseId: string, input: unknown): Promise<DraftView> {
  const { code, language } = DraftInputSchema.parse(input);
  const row = await db.draft.upsert({
    where: { userId_exerciseId: { userId, exerciseId } },
    create: { userId, exerciseId, code, language },
    update: { code, language },
  });
  return { code: row.code, language: row.language as DraftView["language"], updatedAt: row.updatedAt.toISOString() };
}
