/** GET /api/instructor/roster?q=&sort=&dir=&filter=&page=: one page of the completion matrix as JSON. */
import { NextResponse } from "next/server";
import { loadCourseItems } from "@/lib/analytics/course-items";
import { getRosterPage } from "@/lib/analytics/roster-page";
import { parseRosterQuery } from "@/lib/analytics/roster-view";
import { authenticateRequest } from "@/lib/auth/api-guard";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const auth = await authenticateRequest(request, { role: "instructor" });
  if (auth.error) return auth.error;
  const query = parseRosterQuery(Object.fromEntries(new URL(request.url).searchParams));
  const items = await loadCourseItems();
  const page = await getRosterPage(items, query);
  return NextResponse.json({ items: items.ordered, ...page }, { headers: { "Cache-Control": "no-store" } });
}
