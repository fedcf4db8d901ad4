/**
 * GET /api/instructor/dead-letters (instructors only): gradings that failed
 * for good on the PostgreSQL queue (their job crashed its grader MAX_ATTEMPTS
 * times), newest first, with the last error. Empty on the embedded default.
 */
import { NextResponse } from "next/server";
import { authenticateRequest } from "@/lib/auth/api-guard";
import { gradingMode } from "@/lib/submissions/grading-dispatcher";
import { listDeadLetters } from "@/lib/submissions/queue/dead-letter";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const auth = await authenticateRequest(request, { role: "instructor" });
  if (auth.error) return auth.error;
  if (gradingMode() !== "queue") return NextResponse.json({ deadLetters: [] });
  return NextResponse.json({ deadLetters: await listDeadLetters() });
}
