/** GET /api/instructor/roster?q=&sort=&dir=&filter=&page=: one page of the completion matrix as JSON. */
import { NextResponse } from "next/server";
import { loadCourseItems } from "@/lib/analytics/course-items";
import { getRosterPage } from "@/lib/analytics/roster-page";
import { parseRosterQuery } from "@/lib/analytics/roster-view";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// parseRosterQuery is lenient by design: an unknown sort or page falls back to the default view.
export const GET = route({ access: "instructor" }, async ({ query }) => {
  const items = await loadCourseItems();
  const page = await getRosterPage(items, parseRosterQuery(query));
  return NextResponse.json({ items: items.ordered, ...page }, { headers: { "Cache-Control": "no-store" } });
});
