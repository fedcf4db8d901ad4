/** GET /api/instructor/grades: the grade CSV for an LMS gradebook import (instructors only). */
import { getClassProgress } from "@/lib/analytics/class-progress";
import { loadCourseItems } from "@/lib/analytics/course-items";
import { gradesCsv } from "@/lib/analytics/grades-csv";
import { authenticateRequest } from "@/lib/auth/api-guard";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const auth = await authenticateRequest(request, { role: "instructor" });
  if (auth.error) return auth.error;
  const items = await loadCourseItems();
  const csv = gradesCsv(await getClassProgress(items), items);
  const date = new Date().toISOString().slice(0, 10);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="batchnorm-grades-${date}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
