/**
 * The student's own batch norm for the lab: their latest PASSING submit of
 * each of the three exercises, compiled on the server with the grader's
 * compiler (types stripped, `export` → `exports.x`). Only the caller's own
 * code is read; nothing of the exercises (references, hidden tests) is.
 * When one is missing the lab is told why, in words, and offers no "mine".
 */
import "server-only";
import { compileSubmission } from "@/grader";
import { db } from "@/lib/db";
import type { MyBatchNormCode } from "../student-kernel";

export const LAB_PARTS = [
  { key: "forward", exerciseId: "batchnorm-forward" },
  { key: "backward", exerciseId: "batchnorm-backward" },
  { key: "inference", exerciseId: "batchnorm-inference" },
] as const;

export interface PartStatus {
  exerciseId: string;
  /** The passing submission used, if any. */
  passedAt: string | null;
  /** Why it cannot be used (absent when it can). */
  problem?: string;
}

export type MyBatchNorm = { ready: true; code: MyBatchNormCode; parts: PartStatus[] } | { ready: false; parts: PartStatus[] };

export async function loadMyBatchNorm(userId: string): Promise<MyBatchNorm> {
  const code: Partial<MyBatchNormCode> = {};
  const parts = await Promise.all(
    LAB_PARTS.map(async ({ key, exerciseId }): Promise<PartStatus> => {
      const [passed, latest] = await Promise.all([
        db.submission.findFirst({
          where: { userId, exerciseId, mode: "submit", verdict: "passed" },
          orderBy: { createdAt: "desc" },
          select: { code: true, language: true, createdAt: true },
        }),
        db.submission.findFirst({ where: { userId, exerciseId, mode: "submit" }, orderBy: { createdAt: "desc" }, select: { verdict: true, status: true } }),
      ]);
      if (!passed) {
        const why = latest ? `your latest submission ${latest.status === "graded" ? `did not pass (${latest.verdict ?? "no verdict"})` : `is ${latest.status}`}` : "you have not submitted it yet";
        return { exerciseId, passedAt: null, problem: `${exerciseId}: ${why}. The lab can use your batch norm once it passes.` };
      }
      const compiled = compileSubmission(passed.code, passed.language === "javascript" ? "javascript" : "typescript");
      if (!compiled.ok) return { exerciseId, passedAt: passed.createdAt.toISOString(), problem: `${exerciseId}: your passing submission no longer compiles.` };
      code[key] = compiled.module.code;
      return { exerciseId, passedAt: passed.createdAt.toISOString() };
    }),
  );
  if (parts.some((p) => p.problem) || !code.forward || !code.backward || !code.inference) return { ready: false, parts };
  return { ready: true, code: { forward: code.forward, backward: code.backward, inference: code.inference }, parts };
}
