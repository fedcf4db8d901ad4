import { NextResponse } from "next/server";
import { z } from "zod";
import { retryWhileDatabaseRestarts } from "@/lib/database/resilient-pool";
import { route } from "@/lib/http/route";
import { getSubmissionForViewer } from "@/lib/submissions/get-submission";

export const dynamic = "force-dynamic";

/** `{ id, exerciseId, status, report, … }` for its owner or an instructor; 404 for anyone else. */
export const GET = route({ access: "signed-in", params: z.object({ id: z.string() }) }, async ({ user, params }) => {
  const submission = await retryWhileDatabaseRestarts(() => getSubmissionForViewer(params.id, user));
  if (!submission) return NextResponse.json({ error: "No such submission." }, { status: 404 });
  return NextResponse.json(submission);
});
