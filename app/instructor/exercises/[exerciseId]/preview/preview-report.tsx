/**
 * The checker's findings for one exercise on the preview page: the reference's
 * run with every test's author view, each known mistake's verdict and the
 * mistakes' confusion matrix (lib/authoring/confusion-matrix.ts, the same
 * computation the checker prints).
 */
import { cellText, confusionRows } from "@/lib/authoring/confusion-matrix";
import { exercisePreview } from "@/lib/authoring/exercise-preview";
import { AuthorTable } from "./author-table";
import styles from "./preview.module.css";

export async function PreviewReport({ exerciseId, contentHash }: { exerciseId: string; contentHash: string }) {
  let preview: Awaited<ReturnType<typeof exercisePreview>>;
  try {
    preview = await exercisePreview(exerciseId, contentHash);
  } catch (e) {
    return (
      <p className="form-error" role="alert">
        {(e as Error).message}
      </p>
    );
  }
  const { mistakes, seeds } = preview;
  const rows = confusionRows(mistakes, seeds);
  const labelRight = (m: (typeof mistakes)[number]) => Object.keys(m.named).every((id) => id === m.id) && m.recognised;
  return (
    <>
      {preview.contentHash !== contentHash && (
        <p className="form-error" role="alert">
          The exercise folder changed after the manifest was built (files {preview.contentHash}, manifest {contentHash}): run npm run content:build.
        </p>
      )}
      {(preview.errors.length > 0 || preview.warnings.length > 0) && (
        <section className="card" aria-labelledby="problems-heading" data-testid="checker-problems">
          <h2 id="problems-heading">What the checker says</h2>
          <ul>
            {preview.errors.map((e) => (
              <li key={e}>
                <strong>error:</strong> {e}
              </li>
            ))}
            {preview.warnings.map((w) => (
              <li key={w}>warning: {w}</li>
            ))}
          </ul>
        </section>
      )}

      <section className="card" aria-labelledby="reference-heading">
        <h2 id="reference-heading">The reference's run</h2>
        <p data-testid="reference-verdict">
          <span className={preview.referencePassed ? styles.ok : styles.bad}>{preview.referencePassed ? "Reference passes" : "Reference FAILS"}</span> every
          test on {seeds} grading seeds; the starter {preview.starterFailed ? "fails, as it must" : "PASSES (a starter must fail)"}. Below: grading seed{" "}
          <code>{preview.seed}</code>, {preview.referenceReport.summary} Grading a correct solution takes about {preview.referenceGradeMs.toFixed(1)} ms.
        </p>
        <AuthorTable rows={preview.tests} caption="Every test: students see public tests in full, hidden tests only as name, verdict and hint" testId="author-tests" />
      </section>

      <section className="card" aria-labelledby="mistakes-heading">
        <h2 id="mistakes-heading">Known mistakes</h2>
        {mistakes.length === 0 ? (
          <p className="muted">No known mistakes yet: add files under mistakes/.</p>
        ) : (
          <div className={styles.scroll}>
            <table className="data" data-testid="mistakes">
              <thead>
                <tr>
                  <th scope="col">Mistake</th>
                  <th scope="col">Caught by hidden tests</th>
                  <th scope="col">Fails public tests</th>
                  <th scope="col">Misconception named</th>
                  <th scope="col">Label</th>
                </tr>
              </thead>
              <tbody>
                {mistakes.map((m) => (
                  <tr key={m.id} data-testid={`mistake-${m.id}`} data-caught={m.caughtOnSeeds === seeds ? "yes" : "no"} data-label={labelRight(m) ? "right" : "wrong"}>
                    <th scope="row">
                      {m.id}
                      <div className="muted">{m.message}</div>
                    </th>
                    <td>
                      {m.caughtBy.join(", ") || "none"} (on {m.caughtOnSeeds} of {seeds} seeds)
                    </td>
                    <td>{m.publicFailures.join(", ") || "none"}</td>
                    <td>
                      {Object.entries(m.named)
                        .map(([id, n]) => `${id} (${n} of ${seeds})`)
                        .join(", ") || "none"}
                    </td>
                    <td className={labelRight(m) ? styles.ok : styles.bad}>{labelRight(m) ? "right" : "wrong or missing"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {mistakes.length > 0 && (
        <section className="card" aria-labelledby="matrix-heading">
          <h2 id="matrix-heading">Confusion matrix</h2>
          <p className="muted">
            Row: the mistake graded; column: the misconception the report named; cell: on how many of {seeds} seeds. "!" not named on every seed, "!!" a
            wrong label.
          </p>
          <div className={styles.scroll}>
            <table className="data" data-testid="confusion-matrix">
              <thead>
                <tr>
                  <th scope="col">graded \ named</th>
                  {mistakes.map((m, k) => (
                    <th scope="col" key={m.id} title={m.id}>
                      #{k + 1}
                    </th>
                  ))}
                  <th scope="col">none</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row, k) => (
                  <tr key={row.mistake}>
                    <th scope="row">
                      #{k + 1} {row.mistake}
                    </th>
                    {row.cells.map((cell, j) => (
                      <td key={mistakes[j].id} className={cellText(cell).includes("!") ? styles.bad : undefined}>
                        {cellText(cell)}
                      </td>
                    ))}
                    <td>{row.none}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </>
  );
}
