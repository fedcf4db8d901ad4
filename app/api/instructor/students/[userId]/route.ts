/** GET /api/instructor/students/<userId>: one student's quiz attempts and submissions (with code and reports) as JSON. */
import { NextResponse } from "next/server";
import { z } from "zod";
import { getStudentDetail } from "@/lib/analytics/student-detail";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";
const UNKNOWN = { status: 404, error: "Unknown student." };

export const GET = route({ access: "instructor", params: z.object({ userId: z.string().min(1).max(100) }), invalid: UNKNOWN }, async ({ params }) => {
  const detail = await getStudentDetail(params.userId);
  if (!detail) return NextResponse.json({ error: UNKNOWN.error }, { status: UNKNOWN.status });
  return NextResponse.json(detail, { headers: { "Cache-Control": "no-store" } });
});
