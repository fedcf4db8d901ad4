import { NextResponse } from "next/server";
import { authenticateRequest } from "@/lib/auth/api-guard";
import { retryWhileDatabaseRestarts } from "@/lib/database/resilient-pool";
import { clientAddressOf } from "@/lib/security/client-address";
import { refuseCrossOrigin } from "@/lib/security/same-origin";
import { createSubmission } from "@/lib/submissions/create-submission";
import { listSubmissionHistory } from "@/lib/submissions/get-submission";
import { errorResponse, readJsonBody } from "@/lib/submissions/http";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/**
 * Run or Submit: `{ code, language, mode, clientRequestId }` → `{ id, status, report }`.
 * 400/404/409/413 store nothing; 429 (rate limit) stores nothing; 503 (grader
 * busy) means the submission is stored as queued and graded shortly — poll
 * GET /api/submissions/<id> or repeat the request with the same clientRequestId.
 */
export async function POST(request: Request, { params }: Context) {
  const crossOrigin = refuseCrossOrigin(request);
  if (crossOrigin) return crossOrigin;
  const auth = await retryWhileDatabaseRestarts(() => authenticateRequest(request));
  if (auth.error) return auth.error;
  const { id } = await params;
  try {
    const submitter = { id: auth.user.id, address: clientAddressOf(request) };
    const body = await readJsonBody(request);
    // keyed by clientRequestId, so it may run again when PostgreSQL restarted under it
    const submission = await retryWhileDatabaseRestarts(() => createSubmission(submitter, id, body));
    return NextResponse.json(submission, { status: 200 });
  } catch (e) {
    return errorResponse(e);
  }
}

/** The signed-in student's own submission history for this exercise (newest first). */
export async function GET(request: Request, { params }: Context) {
  const auth = await authenticateRequest(request);
  if (auth.error) return auth.error;
  const { id } = await params;
  return NextResponse.json({ submissions: await listSubmissionHistory(auth.user.id, id) });
}
