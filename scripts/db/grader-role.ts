/**
 * `npm run db:grader-role -- <role> <password>` (with DATABASE_URL of the
 * database owner): creates or updates the least-privilege role grader hosts
 * connect as. It may use the queue (graphile_worker), write grading results
 * and stage regrade results; it cannot read users, sessions, accounts, drafts
 * or quizzes, and it reads a submission's code only through
 * batchnorm_grading_input(), which returns it only while that submission's
 * job (or a regrade job of it) is locked in the queue.
 * Idempotent; run again after migrations that add grading tables.
 */
import pg from "pg";
import { databaseUrl } from "../../lib/database-url";

function grants(role: string): string {
  const r = `"${role.replace(/"/g, '""')}"`;
  return `
    GRANT USAGE ON SCHEMA public TO ${r};
    GRANT USAGE ON SCHEMA graphile_worker TO ${r};
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA graphile_worker TO ${r};
    GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA graphile_worker TO ${r};
    GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA graphile_worker TO ${r};
    -- the grading result columns and what the dashboards' tally recompute reads; not "code"
    GRANT SELECT ("id", "userId", "exerciseId", "mode", "status", "verdict", "score"),
          UPDATE ("status", "verdict", "score", "report", "contentHash", "gradingMs", "startedAt", "finishedAt") ON "Submission" TO ${r};
    -- regrade gradings (lib/submissions/queue/regrade-job.ts): staged on their result rows, the job flipped to staged when done
    GRANT SELECT ("id", "jobId", "submissionId", "status"),
          UPDATE ("status", "newVerdict", "newScore", "report", "gradingMs") ON "RegradeResult" TO ${r};
    GRANT SELECT ("id", "status"), UPDATE ("status", "updatedAt") ON "RegradeJob" TO ${r};
    GRANT SELECT, INSERT, DELETE ON "SubmissionTestResult", "SubmissionMisconception" TO ${r};
    GRANT SELECT, INSERT, UPDATE, DELETE ON "ItemTally", "StudentTally", "GraderLease" TO ${r};
    GRANT EXECUTE ON FUNCTION batchnorm_grading_input(text) TO ${r};
    -- Graphile Worker turns on row-level security on its tables (no policy: only the owner sees rows)
    DO $$ DECLARE t record; BEGIN
      FOR t IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
               WHERE n.nspname = 'graphile_worker' AND c.relkind = 'r' AND c.relrowsecurity LOOP
        EXECUTE format('DROP POLICY IF EXISTS %I ON graphile_worker.%I', ${literalOf(`grader_${role}`)}, t.relname);
        EXECUTE format('CREATE POLICY %I ON graphile_worker.%I TO %I USING (true) WITH CHECK (true)', ${literalOf(`grader_${role}`)}, t.relname, ${literalOf(role)});
      END LOOP;
    END $$;`;
}

/** A SQL string literal of a checked role name (letters, digits, _ only). */
function literalOf(name: string): string {
  return `'${name}'`;
}

export async function ensureGraderRole(ownerUrl: string, role: string, password: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(role)) throw new Error("role: lower-case letters, digits and _ only");
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const exists = (await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role])).rowCount;
    const literal = client.escapeLiteral(password);
    await client.query(`${exists ? "ALTER" : "CREATE"} ROLE "${role}" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD ${literal}`);
    await client.query(grants(role));
  } finally {
    await client.end();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [role, password] = process.argv.slice(2);
  if (!role || !password) {
    console.error("usage: npm run db:grader-role -- <role> <password>");
    process.exit(1);
  }
  await ensureGraderRole(databaseUrl(), role, password);
  console.log(`Role ${role} ready: queue and grading results only.`);
}
