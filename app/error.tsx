"use client";

import Link from "next/link";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="error-page" role="alert">
      <p className="code">500</p>
      <h1>Something went wrong</h1>
      <p className="muted">
        The page could not be shown. Nothing you saved was lost.
        {error.digest && (
          <>
            {" "}
            Reference: <code>{error.digest}</code>
          </>
        )}
      </p>
      <p style={{ display: "flex", gap: "0.75rem", justifyContent: "center" }}>
        <button type="button" onClick={reset}>
          Try again
        </button>
        <Link href="/" className="button button--secondary">
          Back to the course
        </Link>
      </p>
    </div>
  );
}
