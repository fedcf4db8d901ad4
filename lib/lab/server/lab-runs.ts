/** Lab engagement: which experiments students ran, with which layer, and how it ended. */
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { experimentIds } from "../experiments";

export const LabRunInputSchema = z.object({
  experimentId: z.enum(experimentIds as [string, ...string[]]),
  layer: z.enum(["builtin", "mine"]),
  seed: z.number().int().min(0).max(2 ** 31),
  outcome: z.enum(["completed", "failed", "stopped"]),
  ms: z.number().nonnegative().max(3_600_000).optional(),
});
export type LabRunInput = z.infer<typeof LabRunInputSchema>;

/** Records a run for the caller (never for anyone else). Throws ZodError on bad input. */
export async function recordLabRun(userId: string, input: unknown): Promise<{ id: string }> {
  const run = LabRunInputSchema.parse(input);
  return db.labRun.create({ data: { userId, ...run }, select: { id: true } });
}

export interface LabEngagementRow {
  experimentId: string;
  runs: number;
  students: number;
  /** Distinct students who ran it with their own batch norm. */
  studentsWithOwnLayer: number;
  completed: number;
  failed: number;
}

/** One row per experiment (counted in the database), in the lab's order. */
export async function labEngagement(): Promise<LabEngagementRow[]> {
  const [byOutcome, students, ownStudents] = await Promise.all([
    db.labRun.groupBy({ by: ["experimentId", "outcome"], _count: { _all: true } }),
    db.labRun.groupBy({ by: ["experimentId", "userId"] }),
    db.labRun.groupBy({ by: ["experimentId", "userId"], where: { layer: "mine" } }),
  ]);
  return experimentIds.map((experimentId) => {
    const outcomes = byOutcome.filter((r) => r.experimentId === experimentId);
    const count = (o: string) => outcomes.find((r) => r.outcome === o)?._count._all ?? 0;
    return {
      experimentId,
      runs: outcomes.reduce((s, r) => s + r._count._all, 0),
      students: students.filter((r) => r.experimentId === experimentId).length,
      studentsWithOwnLayer: ownStudents.filter((r) => r.experimentId === experimentId).length,
      completed: count("completed"),
      failed: count("failed"),
    };
  });
}
