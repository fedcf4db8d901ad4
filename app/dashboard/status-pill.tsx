/** A text status with a colour; the word itself carries the meaning (no colour-only signal). */
export function StatusPill({ status }: { status: "not-started" | "attempted" | "passed" | "read" | "unread" | "taken" | "not-taken" }) {
  const done = status === "passed" || status === "read" || status === "taken";
  const partial = status === "attempted";
  const label = { "not-started": "not started", attempted: "attempted", passed: "passed", read: "read", unread: "not read", taken: "taken", "not-taken": "not taken" }[
    status
  ];
  return <span className={`status-pill${done ? " status-pill--done" : partial ? " status-pill--partial" : ""}`}>{label}</span>;
}
