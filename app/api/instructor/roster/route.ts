/** GET /api/instructor/roster?q=&sort=&dir=&filter=&page=: one page of the completion matrix as JSON. */
import { NextResponse } from "next/server";
import { getClassProgress } from "@/lib/analytics/class-progress";
import { loadCourseItems } from "@/lib/analytics/course-items";
import { parseRosterQuery, viewRoster } from "@/lib/analytics/roster-view";
import { authenticateRequest } from "@/lib/auth/api-guard";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const auth = await authenticateRequest(request, { role: "instructor" });
  if (auth.error) return auth.error;
  const query = parseRosterQuery(Object.fromEntries(new URL(request.url).searchParams));
  const items = await loadCourseItems();
  const page = viewRoster(await getClassProgress(items), query, items.ordered.length);
  return NextResponse.json({ items: items.ordered, ...page }, { headers: { "Cache-Control": "no-store" } });
}
