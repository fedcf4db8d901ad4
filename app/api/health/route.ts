import { NextResponse } from "next/server";
import { databaseAnswers } from "@/lib/health/check-database";

export const dynamic = "force-dynamic";

// Public by design: load balancers and the quick start call it without a session.
export async function GET() {
  if (await databaseAnswers()) return NextResponse.json({ ok: true, db: "ok" });
  return NextResponse.json({ ok: false, db: "unavailable" }, { status: 503 });
}
