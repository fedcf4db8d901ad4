import Link from "next/link";

export default function Forbidden() {
  return (
    <div className="error-page" data-testid="forbidden">
      <p className="code">403</p>
      <h1>Instructors only</h1>
      <p className="muted">Your account does not have access to this page. If you teach this course, ask an instructor to promote your account.</p>
      <Link href="/" className="button">
        Back to the course
      </Link>
    </div>
  );
}
