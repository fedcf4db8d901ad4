import type { TestResult } from "@/grader/contract/schema";
import { InlineCode } from "./inline-code";
import styles from "./results.module.css";
import { TensorDiff } from "./tensor-diff";
import { TestInputs } from "./test-inputs";

const STATUS_LABEL: Record<TestResult["status"], string> = { passed: "passed", failed: "failed", error: "error", timeout: "timed out" };

interface Props {
  test: TestResult;
  /** the author's hint, when it fits this failure (lib/feedback/feedback-plan.ts) */
  hint: string | null;
  /** which outputs failed and which way */
  failingPart: string | null;
  params?: string[];
}

export function TestResultItem({ test, hint, failingPart, params }: Props) {
  const { detail } = test;
  const failed = test.status !== "passed";
  return (
    <li className={`${styles.test} ${failed ? styles.testFailed : styles.testPassed}`} data-testid={`test-${test.id}`}>
      <details open={failed && test.visibility === "public"}>
        <summary>
          <span className={failed ? styles.bad : styles.ok}>{STATUS_LABEL[test.status]}</span> {test.name}{" "}
          <span className="muted">
            ({test.visibility}, {test.points}/{test.maxPoints} pt)
          </span>
        </summary>
        {failed && (
          <p>
            <InlineCode text={test.message} />
          </p>
        )}
        {failed && failingPart && (
          <p data-testid="failing-part">
            <InlineCode text={failingPart} />
          </p>
        )}
        {hint && (
          <p className={styles.hint} data-testid="test-hint">
            Hint: <InlineCode text={hint} />
          </p>
        )}
        {detail && (
          <div className={styles.detail}>
            <details>
              <summary>Input</summary>
              <TestInputs input={detail.input} params={params} />
            </details>
            {failed && (
              <>
                <TensorDiff expected={detail.expected} actual={detail.actual} tolerance={detail.tolerance} />
                <p className="muted">
                  Tolerance per value: |yours − expected| ≤ {detail.tolerance.atol} + {detail.tolerance.rtol}·|expected|.
                </p>
              </>
            )}
          </div>
        )}
      </details>
    </li>
  );
}
