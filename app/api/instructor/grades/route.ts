/** GET /api/instructor/grades: the grade CSV for an LMS gradebook import (instructors only), streamed. */
import { loadCourseItems } from "@/lib/analytics/course-items";
import { gradesCsvStream } from "@/lib/analytics/grades-stream";
import { authenticateRequest } from "@/lib/auth/api-guard";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const auth = await authenticateRequest(request, { role: "instructor" });
  if (auth.error) return auth.error;
  const items = await loadCourseItems();
  const date = new Date().toISOString().slice(0, 10);
  return new Response(gradesCsvStream(items), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="batchnorm-grades-${date}.csv"`,
      // no-transform: the server's gzip would hold back the header and small
      // chunks until its buffer fills, so the download would not start at once.
      "Cache-Control": "no-store, no-transform",
    },
  });
}
