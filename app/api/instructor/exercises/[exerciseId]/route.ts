/** GET /api/instructor/exercises/<id>: the exercise's analytics as JSON. */
import { NextResponse } from "next/server";
import { z } from "zod";
import { loadCourseItems } from "@/lib/analytics/course-items";
import { getExerciseStats } from "@/lib/analytics/exercise-stats";
import { authenticateRequest } from "@/lib/auth/api-guard";
import { KEBAB_ID } from "@/grader/vocabulary";

export const dynamic = "force-dynamic";
const paramsSchema = z.object({ exerciseId: z.string().max(100).regex(KEBAB_ID) });

export async function GET(request: Request, context: { params: Promise<{ exerciseId: string }> }): Promise<Response> {
  const auth = await authenticateRequest(request, { role: "instructor" });
  if (auth.error) return auth.error;
  const parsed = paramsSchema.safeParse(await context.params);
  const known = parsed.success && (await loadCourseItems()).exercises.some((e) => e.id === parsed.data.exerciseId);
  if (!parsed.success || !known) return NextResponse.json({ error: "Unknown exercise." }, { status: 404 });
  return NextResponse.json(await getExerciseStats(parsed.data.exerciseId), { headers: { "Cache-Control": "no-store" } });
}
