import type { TestResult } from "@/grader/contract/schema";
import { InlineCode } from "./inline-code";
import styles from "./results.module.css";

const STATUS_LABEL: Record<TestResult["status"], string> = { passed: "passed", failed: "failed", error: "error", timeout: "timed out" };

/**
 * A hidden test as students see it: name, verdict, points, and when it did
 * not pass the fixed text of its failure category plus the author's hint
 * where it fits. Nothing else exists in a hidden entry (grader/contract/schema.ts).
 */
export function HiddenTestItem({ test, hint }: { test: TestResult; hint: string | null }) {
  const passed = test.status === "passed";
  return (
    <li data-testid={`test-${test.id}`} data-failure={test.failure ?? ""}>
      <span className={passed ? styles.ok : styles.bad}>{STATUS_LABEL[test.status]}</span> {test.name}{" "}
      <span className="muted">
        ({test.points}/{test.maxPoints} pt)
      </span>
      {!passed && (
        <p className={styles.hiddenMessage}>
          <InlineCode text={test.message} />
        </p>
      )}
      {!passed && hint && (
        <p className={styles.hint} data-testid="test-hint">
          Hint: <InlineCode text={hint} />
        </p>
      )}
    </li>
  );
}
