import { NextResponse } from "next/server";
import { z } from "zod";
import { retryWhileDatabaseRestarts } from "@/lib/database/resilient-pool";
import { route } from "@/lib/http/route";
import { gradedRequestsByAddress } from "@/lib/rate-limit/address-limits";
import { createSubmission } from "@/lib/submissions/create-submission";
import { listSubmissionHistory } from "@/lib/submissions/get-submission";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.string() });

/**
 * Run or Submit: `{ code, language, mode, clientRequestId }` → `{ id, status, report }`.
 * 400/404/409/413 store nothing; 429 (rate limit) stores nothing — the
 * address's limits answer it before the session is looked up; 503 (grader
 * busy) means the submission is stored as queued and graded shortly — poll
 * GET /api/submissions/<id> or repeat the request with the same clientRequestId.
 */
export const POST = route({ access: "signed-in", params, byAddress: gradedRequestsByAddress }, async ({ user, address, params, json }) => {
  const submitter = { id: user.id, address };
  const body = await json();
  // keyed by clientRequestId, so it may run again when PostgreSQL restarted under it
  const submission = await retryWhileDatabaseRestarts(() => createSubmission(submitter, params.id, body));
  return NextResponse.json(submission, { status: 200 });
});

/** The signed-in student's own submission history for this exercise (newest first). */
export const GET = route({ access: "signed-in", params }, async ({ user, params }) =>
  NextResponse.json({ submissions: await listSubmissionHistory(user.id, params.id) }),
);
