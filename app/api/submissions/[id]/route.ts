import { NextResponse } from "next/server";
import { authenticateRequest } from "@/lib/auth/api-guard";
import { retryWhileDatabaseRestarts } from "@/lib/database/resilient-pool";
import { getSubmissionForViewer } from "@/lib/submissions/get-submission";

export const dynamic = "force-dynamic";

/** `{ id, exerciseId, status, report, … }` for its owner or an instructor; 404 for anyone else. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const auth = await retryWhileDatabaseRestarts(() => authenticateRequest(request));
  if (auth.error) return auth.error;
  const { id } = await params;
  const submission = await retryWhileDatabaseRestarts(() => getSubmissionForViewer(id, auth.user));
  if (!submission) return NextResponse.json({ error: "No such submission." }, { status: 404 });
  return NextResponse.json(submission);
}
