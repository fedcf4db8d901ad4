import { NextResponse } from "next/server";
import { z } from "zod";
import { authenticateRequest } from "@/lib/auth/api-guard";
import { labAccess } from "@/lib/lab/server/lab-access";
import { builtinLayerCode } from "@/lib/lab/server/builtin-source";
import { errorResponse } from "@/lib/submissions/http";

export const dynamic = "force-dynamic";

/** No parameters: anything in the query string is a mistake, refused rather than ignored. */
const QuerySchema = z.object({}).strict();

// The answers to three exercises: never cached by the browser or a proxy.
const NO_STORE = { "Cache-Control": "no-store" };

/** → 200 `{ code }`: the lab's built-in batch-norm layer, compiled, for students who passed its three exercises and instructors. */
export async function GET(request: Request) {
  const auth = await authenticateRequest(request);
  if (auth.error) return auth.error;
  const query = QuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return NextResponse.json({ error: "This route takes no parameters." }, { status: 400, headers: NO_STORE });
  try {
    const access = await labAccess(auth.user);
    if (!access.open) {
      return NextResponse.json({ error: `Pass ${access.missing.join(", ")} to use the lab.`, missing: access.missing }, { status: 403, headers: NO_STORE });
    }
    return NextResponse.json({ code: await builtinLayerCode() }, { headers: NO_STORE });
  } catch (e) {
    return errorResponse(e);
  }
}
