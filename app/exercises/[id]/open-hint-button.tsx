"use client";
/** Asks the server to open the next hint, then refreshes the page so the server renders it. */
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

export function OpenHintButton({ exerciseId, index, total }: { exerciseId: string; index: number; total: number }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  async function open() {
    setError(null);
    const response = await fetch(`/api/exercises/${encodeURIComponent(exerciseId)}/hints`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ index }),
    });
    if (!response.ok) {
      setError(((await response.json().catch(() => ({}))) as { error?: string }).error ?? "Could not open the hint.");
      return;
    }
    startTransition(() => router.refresh());
  }

  return (
    <p>
      <button type="button" className="button--secondary" onClick={open} disabled={pending}>
        {pending ? "Opening…" : `Show hint ${index + 1} of ${total}`}
      </button>
      {error ? <span role="alert"> {error}</span> : null}
    </p>
  );
}
