import { formatValue, type Grid, type Tolerance, tensorGrids } from "./tensor-cells";
import styles from "./results.module.css";

function GridTable({ grid }: { grid: Grid }) {
  return (
    <figure className={styles.grid}>
      <figcaption>
        <code>{grid.label || "result"}</code>{" "}
        {grid.mismatches > 0 ? (
          <span className={styles.bad}>
            {grid.mismatches} value{grid.mismatches === 1 ? "" : "s"} outside tolerance
          </span>
        ) : (
          <span className={styles.ok}>all within tolerance</span>
        )}
        {grid.truncated && <span className="muted"> (first rows and columns shown)</span>}
      </figcaption>
      <table className={styles.tensor}>
        <tbody>
          {grid.rows.map((row, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows of a fixed tensor never reorder
            <tr key={i}>
              {row.map((cell, j) => (
                <td
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells of a fixed tensor never reorder
                  key={j}
                  className={cell.ok ? styles.cellOk : styles.cellBad}
                  data-mismatch={cell.ok ? undefined : "true"}
                  title={cell.absError === null ? undefined : `|error| = ${cell.absError.toExponential(3)}`}
                >
                  <span className={styles.expected}>{formatValue(cell.expected)}</span>
                  {!cell.ok && (
                    <span className={styles.actual}>
                      <span className="visually-hidden">yours: </span>
                      {formatValue(cell.actual)}
                    </span>
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

/** Expected values with mismatching cells highlighted and the student's value beneath. */
export function TensorDiff({ expected, actual, tolerance }: { expected: unknown; actual: unknown; tolerance: Tolerance }) {
  const grids = tensorGrids(expected, actual, tolerance);
  return (
    <div className={styles.tensorDiff} data-testid="tensor-diff">
      <p className="muted">
        Expected values; a highlighted cell is outside the tolerance and shows <span className={styles.actualLegend}>your value</span> below.
      </p>
      {grids.map((grid) => (
        <GridTable key={grid.label} grid={grid} />
      ))}
    </div>
  );
}
