import { NextResponse } from "next/server";
import { z } from "zod";
import { getDraft, saveDraft } from "@/lib/drafts/drafts";
import { route } from "@/lib/http/route";
import { autosavesByAddress } from "@/lib/rate-limit/address-limits";
import { autosaveLimiter } from "@/lib/rate-limit/autosave-limiter";
import { isKnownExercise } from "@/lib/submissions/known-exercise";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.string() });
const unknownExercise = (id: string) => NextResponse.json({ error: `There is no exercise "${id}".` }, { status: 404 });

export const GET = route({ access: "signed-in", params }, async ({ user, params }) => {
  if (!(await isKnownExercise(params.id))) return unknownExercise(params.id);
  return NextResponse.json({ draft: await getDraft(user.id, params.id) });
});

/** Autosave: `{ code, language }` → the stored draft with the server's updatedAt. */
export const PUT = route({ access: "signed-in", params, byAddress: autosavesByAddress }, async ({ user, params, json }) => {
  if (!(await isKnownExercise(params.id))) return unknownExercise(params.id);
  const limit = await autosaveLimiter().consume(user.id);
  if (!limit.ok) {
    return NextResponse.json(
      { error: `Too many saves. Try again in ${limit.retryAfterSeconds} s.` },
      { status: 429, headers: { "Retry-After": String(limit.retryAfterSeconds) } },
    );
  }
  return NextResponse.json({ draft: await saveDraft(user.id, params.id, await json()) });
});
