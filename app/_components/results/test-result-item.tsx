import type { TestResult } from "@/grader/schema";
import styles from "./results.module.css";
import { TensorDiff } from "./tensor-diff";

const STATUS_LABEL: Record<TestResult["status"], string> = { passed: "passed", failed: "failed", error: "error", timeout: "timed out" };

function short(value: unknown): string {
  const text = JSON.stringify(value);
  return text.length > 600 ? `${text.slice(0, 600)}…` : text;
}

export function TestResultItem({ test }: { test: TestResult }) {
  const { detail } = test;
  return (
    <li className={`${styles.test} ${test.status === "passed" ? styles.testPassed : styles.testFailed}`} data-testid={`test-${test.id}`}>
      <details open={test.status !== "passed" && test.visibility === "public"}>
        <summary>
          <span className={test.status === "passed" ? styles.ok : styles.bad}>{STATUS_LABEL[test.status]}</span> {test.name}{" "}
          <span className="muted">
            ({test.visibility}, {test.points}/{test.maxPoints} pt)
          </span>
        </summary>
        {test.status !== "passed" && <p>{test.message}</p>}
        {test.hint && test.status !== "passed" && <p className={styles.hint}>Hint: {test.hint}</p>}
        {detail && (
          <div className={styles.detail}>
            <p className="muted">
              Worst absolute error {detail.worstAbsError?.toExponential(3) ?? "—"}, worst relative error{" "}
              {detail.worstRelError?.toExponential(3) ?? "—"}; tolerance |a − b| ≤ {detail.tolerance.atol} + {detail.tolerance.rtol}·|b|
              {detail.firstBadIndex && (
                <>
                  ; first bad value at <code>{detail.firstBadIndex}</code>
                </>
              )}
              .
            </p>
            <details>
              <summary>Input</summary>
              <pre className={styles.json}>{short(detail.input)}</pre>
            </details>
            {test.status !== "passed" && <TensorDiff expected={detail.expected} actual={detail.actual} tolerance={detail.tolerance} />}
          </div>
        )}
      </details>
    </li>
  );
}
