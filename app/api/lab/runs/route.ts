import { NextResponse } from "next/server";
import { route } from "@/lib/http/route";
import { recordLabRun } from "@/lib/lab/server/lab-runs";

export const dynamic = "force-dynamic";

/** `{ experimentId, layer, seed, outcome, ms? }` → 201 `{ id }`: one lab run of the caller (recordLabRun validates it). */
export const POST = route({ access: "signed-in" }, async ({ user, json }) =>
  NextResponse.json(await recordLabRun(user.id, await json()), { status: 201 }),
);
