import { NextResponse } from "next/server";
import { z } from "zod";
import { authenticateRequest } from "@/lib/auth/api-guard";
import { openHint } from "@/lib/hints/hint-opens";
import { refuseCrossOrigin } from "@/lib/security/same-origin";
import { errorResponse, readJsonBody } from "@/lib/submissions/http";
import { isKnownExercise } from "@/lib/submissions/known-exercise";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/**
 * Opens the next hint: `{ index }` → `{ opened, total }`. The hint's text is not
 * in the response; the page renders opened hints on the server after a refresh.
 */
export async function POST(request: Request, { params }: Context) {
  const crossOrigin = refuseCrossOrigin(request);
  if (crossOrigin) return crossOrigin;
  const auth = await authenticateRequest(request);
  if (auth.error) return auth.error;
  const { id } = await params;
  if (!(await isKnownExercise(id))) return NextResponse.json({ error: `There is no exercise "${id}".` }, { status: 404 });
  try {
    return NextResponse.json(await openHint(auth.user.id, id, await readJsonBody(request)));
  } catch (e) {
    if (e instanceof z.ZodError) return NextResponse.json({ error: e.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") }, { status: 400 });
    return errorResponse(e);
  }
}
