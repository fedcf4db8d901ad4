import { NextResponse } from "next/server";
import { databaseAnswers } from "@/lib/health/check-database";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// Public by design: load balancers and the quick start call it without a session.
export const GET = route({ access: "public" }, async () => {
  if (await databaseAnswers()) return NextResponse.json({ ok: true, db: "ok" });
  return NextResponse.json({ ok: false, db: "unavailable" }, { status: 503 });
});
