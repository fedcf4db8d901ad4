/** GET /api/instructor/quizzes/<id>: per-question item analysis as JSON. */
import { NextResponse } from "next/server";
import { z } from "zod";
import { KEBAB_ID } from "@/grader/contract/vocabulary";
import { getQuizAnalysis } from "@/lib/analytics/quiz-items";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";
const UNKNOWN = { status: 404, error: "Unknown quiz." };

export const GET = route(
  { access: "instructor", params: z.object({ quizId: z.string().max(100).regex(KEBAB_ID) }), invalid: UNKNOWN },
  async ({ params }) => {
    const analysis = await getQuizAnalysis(params.quizId);
    if (!analysis) return NextResponse.json({ error: UNKNOWN.error }, { status: UNKNOWN.status });
    return NextResponse.json(analysis, { headers: { "Cache-Control": "no-store" } });
  },
);
