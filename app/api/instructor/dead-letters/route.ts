/**
 * GET /api/instructor/dead-letters (instructors only): gradings that failed
 * for good on the PostgreSQL queue (their job crashed its grader MAX_ATTEMPTS
 * times), newest first, with the last error — regrade gradings too (with
 * their regradeJobId). Empty on the embedded default.
 */
import { NextResponse } from "next/server";
import { route } from "@/lib/http/route";
import { gradingMode } from "@/lib/submissions/grading-dispatcher";
import { listDeadLetters } from "@/lib/submissions/queue/dead-letter";

export const dynamic = "force-dynamic";

export const GET = route({ access: "instructor" }, async () => {
  if (gradingMode() !== "queue") return NextResponse.json({ deadLetters: [] });
  return NextResponse.json({ deadLetters: await listDeadLetters() });
});
