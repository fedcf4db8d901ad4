/**
 * Who may use the lab: it runs the built-in batch-norm layer, i.e. the
 * answers of three exercises, so it opens once a student has passed all
 * three (any passing submit of each) — and always for instructors.
 */
import "server-only";
import type { CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { LAB_PARTS } from "./my-batchnorm";

export const LAB_EXERCISES: readonly string[] = LAB_PARTS.map((p) => p.exerciseId);

export type LabAccess = { open: true } | { open: false; /** exercise ids still to pass, in course order */ missing: string[] };

export async function labAccess(user: Pick<CurrentUser, "id" | "role">): Promise<LabAccess> {
  if (user.role === "instructor") return { open: true };
  const passed = await db.submission.findMany({
    where: { userId: user.id, exerciseId: { in: [...LAB_EXERCISES] }, mode: "submit", verdict: "passed" },
    distinct: ["exerciseId"],
    select: { exerciseId: true },
  });
  const done = new Set(passed.map((p) => p.exerciseId));
  const missing = LAB_EXERCISES.filter((id) => !done.has(id));
  return missing.length === 0 ? { open: true } : { open: false, missing };
}
