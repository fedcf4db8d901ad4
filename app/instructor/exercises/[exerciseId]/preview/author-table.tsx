/**
 * The author view of a grading as a table: every test, hidden ones included,
 * with visibility, points, inputs, expected value, hint and verdict. Only
 * rendered for instructors (the preview page and its paste box).
 */
import type { AuthorRow } from "@/lib/authoring/preview-schema";
import styles from "./preview.module.css";

const MAX_CHARS = 600;

function Value({ value }: { value: unknown }) {
  const text = JSON.stringify(value) ?? String(value);
  if (text.length <= MAX_CHARS) return <code className={styles.value}>{text}</code>;
  return (
    <details>
      <summary>
        <code className={styles.value}>{text.slice(0, MAX_CHARS)}…</code>
      </summary>
      <code className={styles.value}>{text}</code>
    </details>
  );
}

export function AuthorTable({ rows, caption, testId }: { rows: AuthorRow[]; caption: string; testId: string }) {
  return (
    <div className={styles.scroll}>
      <table className="data" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Test</th>
            <th scope="col">Visibility</th>
            <th scope="col">Points</th>
            <th scope="col">Inputs</th>
            <th scope="col">Expected</th>
            <th scope="col">Hint</th>
            <th scope="col">Verdict</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-testid={`test-${r.id}`} data-visibility={r.visibility} data-status={r.status}>
              <th scope="row">
                {r.name} <span className="muted">({r.id})</span>
              </th>
              <td>{r.visibility}</td>
              <td>{r.points}</td>
              <td>
                <Value value={r.inputs} />
              </td>
              <td>
                <Value value={r.expected} />
              </td>
              <td>{r.hint ?? <span className="muted">—</span>}</td>
              <td>
                {r.status}
                {r.status !== "passed" && r.message && <div className="muted">Student is told: {r.message}</div>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
