import { NextResponse } from "next/server";
import { z } from "zod";
import { authenticateRequest } from "@/lib/auth/api-guard";
import { recordLabRun } from "@/lib/lab/server/lab-runs";
import { refuseCrossOrigin } from "@/lib/security/same-origin";
import { errorResponse, readJsonBody } from "@/lib/submissions/http";

export const dynamic = "force-dynamic";

/** `{ experimentId, layer, seed, outcome, ms? }` → 201 `{ id }`: one lab run of the caller. */
export async function POST(request: Request) {
  const crossOrigin = refuseCrossOrigin(request);
  if (crossOrigin) return crossOrigin;
  const auth = await authenticateRequest(request);
  if (auth.error) return auth.error;
  try {
    return NextResponse.json(await recordLabRun(auth.user.id, await readJsonBody(request)), { status: 201 });
  } catch (e) {
    if (e instanceof z.ZodError) return NextResponse.json({ error: e.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") }, { status: 400 });
    return errorResponse(e);
  }
}
