import { NextResponse } from "next/server";
import { z } from "zod";
import { authenticateRequest } from "@/lib/auth/api-guard";
import { refuseCrossOrigin } from "@/lib/security/same-origin";
import { getDraft, saveDraft } from "@/lib/drafts/drafts";
import { autosaveLimiter } from "@/lib/rate-limit/autosave-limiter";
import { errorResponse, readJsonBody } from "@/lib/submissions/http";
import { isKnownExercise } from "@/lib/submissions/known-exercise";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

async function knownExercise(request: Request, params: Context["params"]) {
  const auth = await authenticateRequest(request);
  if (auth.error) return { error: auth.error };
  const { id } = await params;
  if (!(await isKnownExercise(id))) return { error: NextResponse.json({ error: `There is no exercise "${id}".` }, { status: 404 }) };
  return { user: auth.user, exerciseId: id };
}

export async function GET(request: Request, { params }: Context) {
  const found = await knownExercise(request, params);
  if (found.error) return found.error;
  return NextResponse.json({ draft: await getDraft(found.user.id, found.exerciseId) });
}

/** Autosave: `{ code, language }` → the stored draft with the server's updatedAt. */
export async function PUT(request: Request, { params }: Context) {
  const crossOrigin = refuseCrossOrigin(request);
  if (crossOrigin) return crossOrigin;
  const found = await knownExercise(request, params);
  if (found.error) return found.error;
  const limit = await autosaveLimiter().consume(found.user.id);
  if (!limit.ok) {
    return NextResponse.json(
      { error: `Too many saves. Try again in ${limit.retryAfterSeconds} s.` },
      { status: 429, headers: { "Retry-After": String(limit.retryAfterSeconds) } },
    );
  }
  try {
    const draft = await saveDraft(found.user.id, found.exerciseId, await readJsonBody(request));
    return NextResponse.json({ draft });
  } catch (e) {
    if (e instanceof z.ZodError) return NextResponse.json({ error: e.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") }, { status: 400 });
    return errorResponse(e);
  }
}
