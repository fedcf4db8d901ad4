/** GET /api/instructor/grades: the grade CSV for an LMS gradebook import (instructors only), streamed. */
import { loadCourseItems } from "@/lib/analytics/course-items";
import { gradesCsvStream } from "@/lib/analytics/grades-stream";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route({ access: "instructor" }, async () => {
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
});
