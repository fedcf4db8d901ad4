/** GET /api/instructor/exercises/<id>: the exercise's analytics as JSON. */
import { NextResponse } from "next/server";
import { z } from "zod";
import { KEBAB_ID } from "@/grader/contract/vocabulary";
import { loadCourseItems } from "@/lib/analytics/course-items";
import { getExerciseStats } from "@/lib/analytics/exercise-stats";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";
const UNKNOWN = { status: 404, error: "Unknown exercise." };

export const GET = route(
  { access: "instructor", params: z.object({ exerciseId: z.string().max(100).regex(KEBAB_ID) }), invalid: UNKNOWN },
  async ({ params }) => {
    const known = (await loadCourseItems()).exercises.some((e) => e.id === params.exerciseId);
    if (!known) return NextResponse.json({ error: UNKNOWN.error }, { status: UNKNOWN.status });
    return NextResponse.json(await getExerciseStats(params.exerciseId), { headers: { "Cache-Control": "no-store" } });
  },
);
