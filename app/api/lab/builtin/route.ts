import { NextResponse } from "next/server";
import { z } from "zod";
import { route } from "@/lib/http/route";
import { labAccess } from "@/lib/lab/server/lab-access";
import { builtinLayerCode } from "@/lib/lab/server/builtin-source";

export const dynamic = "force-dynamic";

// The answers to three exercises: never cached by the browser or a proxy.
const NO_STORE = { "Cache-Control": "no-store" };

/** → 200 `{ code }`: the lab's built-in batch-norm layer, compiled, for students who passed its three exercises and instructors. */
export const GET = route(
  {
    access: "signed-in",
    // No parameters: anything in the query string is a mistake, refused rather than ignored.
    query: z.object({}).strict(),
    invalid: { status: 400, error: "This route takes no parameters.", headers: NO_STORE },
  },
  async ({ user }) => {
    const access = await labAccess(user);
    if (!access.open) {
      return NextResponse.json({ error: `Pass ${access.missing.join(", ")} to use the lab.`, missing: access.missing }, { status: 403, headers: NO_STORE });
    }
    return NextResponse.json({ code: await builtinLayerCode() }, { headers: NO_STORE });
  },
);
