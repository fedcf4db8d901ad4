/** Everything the instructor's regrade page shows for one exercise. */
import "server-only";
import { findExercise } from "@/lib/content/manifest";
import { type RegradeChanges, regradeChanges } from "./changes";
import { activeJob, latestJob, type RegradeProgress, regradeProgress } from "./jobs";
import { countStaleSubmits } from "./stale";

export interface RegradeOverview {
  exercise: { id: string; title: string; contentHash: string };
  /** submits graded against other content than the current */
  stale: number;
  /** the open job, else the most recent one */
  job: RegradeProgress | null;
  /** for a staged or applied job */
  changes: RegradeChanges | null;
}

export async function regradeOverview(exerciseId: string): Promise<RegradeOverview | null> {
  const exercise = await findExercise(exerciseId);
  if (!exercise) return null;
  const [stale, open] = await Promise.all([countStaleSubmits(exercise.id, exercise.contentHash), activeJob(exercise.id)]);
  const row = open ?? (await latestJob(exercise.id));
  const job = row ? await regradeProgress(row) : null;
  const changes = job && (job.status === "staged" || job.status === "applied" || job.status === "paused") ? await regradeChanges(job.id) : null;
  return { exercise: { id: exercise.id, title: exercise.title, contentHash: exercise.contentHash }, stale, job, changes };
}
