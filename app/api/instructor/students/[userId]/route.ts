/** GET /api/instructor/students/<userId>: one student's quiz attempts and submissions (with code and reports) as JSON. */
import { NextResponse } from "next/server";
import { z } from "zod";
import { getStudentDetail } from "@/lib/analytics/student-detail";
import { authenticateRequest } from "@/lib/auth/api-guard";

export const dynamic = "force-dynamic";
const paramsSchema = z.object({ userId: z.string().min(1).max(100) });

export async function GET(request: Request, context: { params: Promise<{ userId: string }> }): Promise<Response> {
  const auth = await authenticateRequest(request, { role: "instructor" });
  if (auth.error) return auth.error;
  const parsed = paramsSchema.safeParse(await context.params);
  const detail = parsed.success ? await getStudentDetail(parsed.data.userId) : null;
  if (!detail) return NextResponse.json({ error: "Unknown student." }, { status: 404 });
  return NextResponse.json(detail, { headers: { "Cache-Control": "no-store" } });
}
