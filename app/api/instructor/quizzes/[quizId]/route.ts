/** GET /api/instructor/quizzes/<id>: per-question item analysis as JSON. */
import { NextResponse } from "next/server";
import { z } from "zod";
import { getQuizAnalysis } from "@/lib/analytics/quiz-items";
import { authenticateRequest } from "@/lib/auth/api-guard";
import { KEBAB_ID } from "@/grader/vocabulary";

export const dynamic = "force-dynamic";
const paramsSchema = z.object({ quizId: z.string().max(100).regex(KEBAB_ID) });

export async function GET(request: Request, context: { params: Promise<{ quizId: string }> }): Promise<Response> {
  const auth = await authenticateRequest(request, { role: "instructor" });
  if (auth.error) return auth.error;
  const parsed = paramsSchema.safeParse(await context.params);
  const analysis = parsed.success ? await getQuizAnalysis(parsed.data.quizId) : null;
  if (!analysis) return NextResponse.json({ error: "Unknown quiz." }, { status: 404 });
  return NextResponse.json(analysis, { headers: { "Cache-Control": "no-store" } });
}
