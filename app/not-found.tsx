import Link from "next/link";

export default function NotFound() {
  return (
    <div className="error-page">
      <p className="code">404</p>
      <h1>Page not found</h1>
      <p className="muted">There is nothing at this address. It may have moved, or the link may be mistyped.</p>
      <Link href="/" className="button">
        Back to the course
      </Link>
    </div>
  );
}
