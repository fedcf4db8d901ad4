"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { type RegradeActionState, regradeAction } from "./actions";

interface Props {
  exerciseId: string;
  jobId: string | null;
  status: string | null;
  stale: number;
}

const REFRESH_MS = 1_000;

/** The regrade buttons, and a refresh every second while a job runs (the progress bar is server-rendered). */
export function RegradeControls({ exerciseId, jobId, status, stale }: Props) {
  const router = useRouter();
  const [state, action, pending] = useActionState<RegradeActionState, FormData>(regradeAction, {});
  useEffect(() => {
    if (status !== "running") return;
    const timer = setInterval(() => router.refresh(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [status, router]);

  const button = (intent: string, label: string, secondary = false) => (
    <button type="submit" name="intent" value={intent} disabled={pending} className={secondary ? "button--secondary" : undefined}>
      {label}
    </button>
  );
  const open = status === "running" || status === "paused" || status === "staged";
  return (
    <form action={action} className="stack">
      <input type="hidden" name="exerciseId" value={exerciseId} />
      {jobId && <input type="hidden" name="jobId" value={jobId} />}
      <div style={{ display: "flex", gap: "0.75rem", flexWrap: "wrap" }}>
        {!open && stale > 0 && button("start", `Regrade ${stale} ${stale === 1 ? "submission" : "submissions"}`)}
        {status === "running" && button("pause", "Cancel", true)}
        {status === "paused" && button("resume", "Resume")}
        {status === "staged" && button("apply", "Apply new results")}
        {open && button("discard", "Discard", true)}
      </div>
      <p role="status" aria-live="polite" className={state.error ? "error" : "muted"}>
        {state.error ?? state.message ?? ""}
      </p>
    </form>
  );
}
