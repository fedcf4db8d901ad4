/**
 * npm run regrade -- <exercise-id> [--dry-run]
 *
 * Regrades every submit of an exercise that was graded against older content
 * (the same job the instructor page runs, lib/regrade/), prints progress and
 * what changed per student, then applies the new results — or, with
 * --dry-run, discards them (nothing changes for students). Needs a current
 * manifest (`npm run content:build` after editing the exercise).
 */
import path from "node:path";
import { exerciseContentHash } from "@/grader/content/content-hash";
import { shutdownGrader } from "@/grader";
import { findExercise } from "@/lib/content/manifest";
import { contentRoot } from "@/lib/content/paths";
import { db } from "@/lib/db";
import { regradeChanges } from "@/lib/regrade/changes";
import { applyRegrade, discardRegrade, regradeProgress, startRegrade } from "@/lib/regrade/jobs";
import { runRegrade } from "@/lib/regrade/runner";
import { staleSummary } from "@/lib/regrade/stale";
import { countStaleSubmits } from "@/lib/regrade/stale";

async function main(argv: string[]): Promise<number> {
  const dryRun = argv.includes("--dry-run");
  const [exerciseId, ...extra] = argv.filter((a) => !a.startsWith("--"));
  if (!exerciseId || extra.length) {
    console.error("usage: npm run regrade -- <exercise-id> [--dry-run]");
    return 2;
  }
  const exercise = await findExercise(exerciseId);
  if (!exercise) {
    console.error(`unknown exercise "${exerciseId}"`);
    return 2;
  }
  if (exerciseContentHash(path.join(contentRoot(), exercise.id)) !== exercise.contentHash) {
    console.error(`${exercise.id}: the files changed since the manifest was built; run \`npm run content:build\` first`);
    return 1;
  }
  console.log(`${exercise.id}: ${staleSummary(await countStaleSubmits(exercise.id, exercise.contentHash))} (current ${exercise.contentHash})`);
  const job = await startRegrade(exercise.id, exercise.contentHash, null);
  const ticker = setInterval(async () => {
    const p = await regradeProgress(job);
    console.log(`  ${p.done} of ${p.total} regraded`);
  }, 2_000);
  try {
    await runRegrade(job.id);
  } finally {
    clearInterval(ticker);
  }
  const progress = await regradeProgress((await db.regradeJob.findUniqueOrThrow({ where: { id: job.id } })));
  if (progress.status !== "staged") {
    console.error(`regrade ${job.id} is ${progress.status} (paused elsewhere?); resume it on the instructor page`);
    return 1;
  }
  const changes = await regradeChanges(job.id);
  console.log(`${progress.done} regraded (${progress.errors} could not be graded): ${changes.failedToPassed} failed → passed, ${changes.passedToFailed} passed → failed, ${changes.scoreOnly} score only, ${changes.unchanged} unchanged`);
  for (const c of changes.changes) {
    console.log(`  ${c.studentEmail}  ${c.submittedAt.toISOString()}  ${c.oldVerdict} → ${c.newVerdict}  ${c.oldScore} → ${c.newScore}`);
  }
  if (dryRun) {
    await discardRegrade(job.id);
    console.log("dry run: discarded, nothing changed for students");
  } else {
    const { applied } = await applyRegrade(job.id);
    console.log(`applied ${applied} new result(s)`);
  }
  return 0;
}

main(process.argv.slice(2))
  .then(async (code) => {
    await shutdownGrader();
    await db.$disconnect();
    process.exit(code);
  })
  .catch(async (error: unknown) => {
    console.error(error);
    await shutdownGrader();
    process.exit(1);
  });
