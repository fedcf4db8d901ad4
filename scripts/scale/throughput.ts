/**
 * Grading throughput of grader hosts, measured in the same run: K honest
 * submissions (the exercises' model solutions) are stored with their jobs
 * while no host runs, then the hosts start and grade the backlog. Rate = jobs
 * started after every host finished its first one / the time until the last
 * finished, so host and worker start-up are not counted.
 */
import { randomUUID } from "node:crypto";
import pg from "pg";
import { newGradingSeed } from "../../grader/content/hidden-tests";
import { exerciseContentHash } from "../../lib/submissions/queue/content-hash";
import { MAX_ATTEMPTS, taskIdentifier } from "../../lib/submissions/queue/grading-job";
import type { CodeSample } from "../loadtest/code-samples";
import type { Cluster } from "./cluster";
import type { HostProcess } from "./processes";
import { waitFor } from "./processes";

async function seedBacklog(ownerUrl: string, samples: CodeSample[], count: number): Promise<string[]> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  const ids: string[] = [];
  try {
    await client.query(`INSERT INTO "user" ("id", "name", "email", "updatedAt") VALUES ('throughput', 'Throughput', 'throughput@example.com', now()) ON CONFLICT DO NOTHING`);
    for (let i = 0; i < count; i++) {
      const sample = samples[i % samples.length];
      const id = `tp-${randomUUID()}`;
      const seed = newGradingSeed();
      const hash = await exerciseContentHash(sample.exerciseId);
      await client.query("BEGIN");
      await client.query(
        `INSERT INTO "Submission" ("id", "userId", "exerciseId", "clientRequestId", "code", "language", "mode", "hiddenSeed")
         VALUES ($1, 'throughput', $2, $1, $3, 'typescript', 'run', $4)`,
        [id, sample.exerciseId, sample.code, seed],
      );
      await client.query(`SELECT graphile_worker.add_job($1, $2::json, max_attempts => $3::int, job_key => $4)`, [
        taskIdentifier(sample.exerciseId, hash),
        JSON.stringify({ submissionId: id, exerciseId: sample.exerciseId, contentHash: hash, seed }),
        MAX_ATTEMPTS,
        id,
      ]);
      await client.query("COMMIT");
      ids.push(id);
    }
  } finally {
    await client.end();
  }
  return ids;
}

export async function measureThroughput(cluster: Cluster, hosts: HostProcess[], samples: CodeSample[], count: number): Promise<number> {
  const ids = new Set(await seedBacklog(cluster.ownerUrl, samples, count));
  const seen = () => cluster.jobs.filter((j) => ids.has(j.submissionId) && j.stored);
  for (const host of hosts) host.start();
  await waitFor(() => seen().length >= ids.size, 600_000, `${ids.size} backlog gradings`);
  const jobs = seen();
  await Promise.all(hosts.map((h) => h.stop()));
  // A host's first grading starts its worker process (seconds on a busy machine): the window opens
  // once every host has finished its first job, and counts the jobs that started in it.
  const firstFinish = new Map<string, number>();
  for (const j of jobs) firstFinish.set(j.host, Math.min(firstFinish.get(j.host) ?? Number.POSITIVE_INFINITY, j.finishedAtMs));
  const opens = Math.max(...firstFinish.values());
  const inWindow = jobs.filter((j) => j.startedAtMs >= opens);
  const closes = Math.max(...inWindow.map((j) => j.finishedAtMs));
  if (inWindow.length < 2 || firstFinish.size < hosts.length) return 0;
  return Math.round((inWindow.length / ((closes - opens) / 1000)) * 10) / 10;
}
