import styles from "./results.module.css";
import { type Cell, formatDifference, formatPair, formatTimesAllowed, type Grid, type Tolerance, tensorGrids } from "./tensor-cells";

function DiffCell({ cell }: { cell: Cell }) {
  const [expected, actual] = formatPair(cell.expected, cell.actual);
  if (cell.ok) {
    return (
      <td className={styles.cellOk}>
        <span className={styles.expected}>{expected}</span>
      </td>
    );
  }
  return (
    <td className={styles.cellBad} data-mismatch="true">
      <span className={styles.expected} data-testid="cell-expected">
        <span className="visually-hidden">expected </span>
        {expected}
      </span>
      <span className={styles.actual} data-testid="cell-yours">
        <span className="visually-hidden">yours </span>
        {actual}
      </span>
      {cell.difference !== null && (
        <span className={styles.difference} data-testid="cell-difference">
          <span className="visually-hidden">difference </span>Δ {formatDifference(cell.difference)}
          {cell.timesAllowed !== null && <span className={styles.times}> ({formatTimesAllowed(cell.timesAllowed)})</span>}
        </span>
      )}
    </td>
  );
}

function GridTable({ grid }: { grid: Grid }) {
  return (
    <figure className={styles.grid}>
      <figcaption>
        <code>{grid.label || "result"}</code>{" "}
        {grid.mismatches > 0 ? (
          <span className={styles.bad}>
            {grid.mismatches} of {grid.cells} value{grid.cells === 1 ? "" : "s"} outside tolerance
          </span>
        ) : (
          <span className={styles.ok}>all within tolerance</span>
        )}
        {grid.truncated && <span className="muted"> (first rows and columns shown)</span>}
      </figcaption>
      {/* Focusable so a keyboard can scroll a table wider than the screen. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region needs keyboard access (axe scrollable-region-focusable) */}
      <div className={styles.scrollX} tabIndex={0} role="group" aria-label={`Values of ${grid.label || "the result"}`}>
        <table className={styles.tensor}>
          <tbody>
            {grid.rows.map((row, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows of a fixed tensor never reorder
              <tr key={i}>
                {row.map((cell, j) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells of a fixed tensor never reorder
                  <DiffCell key={j} cell={cell} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

/** Expected values; a cell outside the tolerance also shows the student's value and the difference at tolerance scale. */
export function TensorDiff({ expected, actual, tolerance }: { expected: unknown; actual: unknown; tolerance: Tolerance }) {
  const grids = tensorGrids(expected, actual, tolerance);
  return (
    <div className={styles.tensorDiff} data-testid="tensor-diff">
      <p className="muted">
        Expected values. A highlighted cell is outside the tolerance: below it are <span className={styles.actualLegend}>your value</span> and the
        difference, with how many times the allowed error it is.
      </p>
      {grids.map((grid) => (
        <GridTable key={grid.label} grid={grid} />
      ))}
    </div>
  );
}
