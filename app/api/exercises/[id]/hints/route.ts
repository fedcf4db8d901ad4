import { NextResponse } from "next/server";
import { z } from "zod";
import { openHint } from "@/lib/hints/hint-opens";
import { route } from "@/lib/http/route";
import { isKnownExercise } from "@/lib/submissions/known-exercise";

export const dynamic = "force-dynamic";

/**
 * Opens the next hint: `{ index }` → `{ opened, total }`. The hint's text is not
 * in the response; the page renders opened hints on the server after a refresh.
 */
export const POST = route({ access: "signed-in", params: z.object({ id: z.string() }) }, async ({ user, params, json }) => {
  if (!(await isKnownExercise(params.id))) return NextResponse.json({ error: `There is no exercise "${params.id}".` }, { status: 404 });
  return NextResponse.json(await openHint(user.id, params.id, await json()));
});
