/**
 * PostgreSQL only, run by prepare-database.ts after Prisma's migrations:
 * installs or upgrades Graphile Worker's schema (graphile_worker) and the one
 * function through which grader hosts read a job's code
 * (batchnorm_grading_input, SECURITY DEFINER: it returns a submission only
 * while its job, or a regrade job of it, is locked in the queue), and the web replicas' rate-limit
 * table. Idempotent.
 */
import { runMigrations } from "graphile-worker";
import pg from "pg";
import { databaseUrl } from "../../lib/database-url";

const GRADING_INPUT_FUNCTION = `
CREATE OR REPLACE FUNCTION batchnorm_grading_input(submission_id text)
RETURNS TABLE ("userId" text, "exerciseId" text, "code" text, "language" text, "mode" text, "status" text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT s."userId", s."exerciseId", s."code", s."language", s."mode", s."status" FROM "Submission" s
  WHERE s."id" = submission_id
    AND EXISTS (SELECT 1 FROM graphile_worker._private_jobs j
                WHERE (j."key" = submission_id OR j."key" LIKE 'regrade:' || submission_id || ':%') AND j."locked_at" IS NOT NULL)
$$;
REVOKE ALL ON FUNCTION batchnorm_grading_input(text) FROM PUBLIC;

-- rate-limiter-flexible's PostgreSQL store (lib/rate-limit/limiter-store.ts), shared by the web replicas
CREATE TABLE IF NOT EXISTS batchnorm_rate_limits (key varchar(255) PRIMARY KEY, points integer NOT NULL DEFAULT 0, expire bigint);
`;

export async function prepareQueue(connectionString = databaseUrl()): Promise<void> {
  await runMigrations({ connectionString });
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(GRADING_INPUT_FUNCTION);
  } finally {
    await client.end();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await prepareQueue();
}
